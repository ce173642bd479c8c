package cn.warmth.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class WanYuanTest {
  @Test
  void awkwardAmountsStillAddUp() {
    // Three parts of 3,333.33 yuan: each 0.3333 万元, total 0.9999 → 1.00; naive rounding prints 0.33 × 3 = 0.99.
    long part = 333_333;
    List<String> printed = WanYuan.balanced(3 * part, new long[] {part, part, part}, 2);
    assertThat(printed).containsExactly("1.00", "0.34", "0.33", "0.33");
    // Exact to the yuan with 4 decimals.
    assertThat(WanYuan.balanced(3 * part, new long[] {part, part, part}, 4)).containsExactly("1.0000", "0.3334", "0.3333", "0.3333");
    assertThat(WanYuan.single(123_456_789, 2)).isEqualTo("123.46");
    assertThat(WanYuan.single(0, 2)).isEqualTo("0.00");
    assertThat(WanYuan.balanced(0, new long[] {0, 0}, 2)).containsExactly("0.00", "0.00", "0.00");
  }

  @Property
  void printedPartsAlwaysAddUpToThePrintedTotalAndStayWithinOneUnit(
      @ForAll @Size(min = 1, max = 11) List<@LongRange(min = 0, max = 50_000_000) Long> parts) {
    for (int decimals : new int[] {2, 4}) {
      long[] fen = parts.stream().mapToLong(Long::longValue).toArray();
      long total = parts.stream().mapToLong(Long::longValue).sum();
      List<String> printed = WanYuan.balanced(total, fen, decimals);
      BigDecimal sum = printed.subList(1, printed.size()).stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(sum).isEqualByComparingTo(new BigDecimal(printed.get(0)));
      BigDecimal unit = BigDecimal.ONE.movePointLeft(decimals);
      for (int i = 0; i < fen.length; i++) {
        BigDecimal exact = BigDecimal.valueOf(fen[i]).movePointLeft(6);
        assertThat(new BigDecimal(printed.get(i + 1)).subtract(exact).abs()).isLessThan(unit);
      }
    }
  }
}

package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.shared.Money;
import cn.warmth.shared.Problems;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
  Long parse(Object v) {
    Problems p = new Problems();
    Long fen = Money.parseYuan(v, "amount", p, true);
    return p.isEmpty() ? fen : null;
  }

  @Test
  void parsesYuanIntoFenExactly() {
    assertThat(parse("1200")).isEqualTo(120000);
    assertThat(parse("0.1")).isEqualTo(10);
    assertThat(parse(new BigDecimal("2999.99"))).isEqualTo(299999);
    assertThat(parse(1200.5)).isEqualTo(120050);
    assertThat(parse("1.10")).isEqualTo(110);
    assertThat(parse("0")).isEqualTo(0);
  }

  @Test
  void refusesNegativeTooPreciseAndGarbage() {
    assertThat(parse("-1")).isNull();
    assertThat(parse("1.001")).isNull();
    assertThat(parse("abc")).isNull();
    assertThat(parse("1e3")).as("no exponent").isNull();
    assertThat(parse(1.0e8)).as("a double printed with an exponent").isNull();
    assertThat(parse("")).isNull();
  }

  @Test
  void onlyAsciiDigitsWithAtMostTwoDecimalsUpToOneHundredMillion() {
    for (String bad : new String[] {"１２３", "١٢٣", "۱۲۳", "१२३", "+5", "1,000", "1.", ".5", "1 000", "0x10", "NaN",
        "Infinity", "100000000.01", "1000000000", "12.3.4", "5\u00a0"}) {
      assertThat(parse(bad)).as(bad).isNull();
    }
    assertThat(parse("100000000")).isEqualTo(10_000_000_000L);
    assertThat(parse(" 12.5 ")).as("surrounding spaces are ignored").isEqualTo(1250);
    assertThat(parse("007")).isEqualTo(700);
  }

  @net.jqwik.api.Property(tries = 300)
  void everyAmountInTheAcceptedShapeIsExact(@net.jqwik.api.ForAll @net.jqwik.api.constraints.LongRange(min = 0,
      max = 10_000_000_000L) long fen) {
    String text = (fen / 100) + "." + String.format("%02d", fen % 100);
    assertThat(parse(text)).isEqualTo(fen);
  }

  @Test
  void formatsWithTwoDecimals() {
    assertThat(Money.yuan(120000)).isEqualTo("1200.00");
    assertThat(Money.yuan(5)).isEqualTo("0.05");
    assertThat(Money.yuan(0)).isEqualTo("0.00");
  }
}

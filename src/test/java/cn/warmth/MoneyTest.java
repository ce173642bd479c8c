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
    assertThat(parse("1e3")).as("scientific notation is still exact").isEqualTo(100000);
    assertThat(parse("")).isNull();
  }

  @Test
  void formatsWithTwoDecimals() {
    assertThat(Money.yuan(120000)).isEqualTo("1200.00");
    assertThat(Money.yuan(5)).isEqualTo("0.05");
    assertThat(Money.yuan(0)).isEqualTo("0.00");
  }
}

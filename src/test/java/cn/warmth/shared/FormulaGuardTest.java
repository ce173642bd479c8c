package cn.warmth.shared;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FormulaGuardTest {
  @Test
  void everyTriggerGetsAnApostropheAndNumbersStayNumbers() {
    assertThat(FormulaGuard.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(FormulaGuard.text("+1+2")).isEqualTo("'+1+2");
    assertThat(FormulaGuard.text("-2+3")).isEqualTo("'-2+3");
    assertThat(FormulaGuard.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(FormulaGuard.text("\t=1")).isEqualTo("'\t=1");
    assertThat(FormulaGuard.text("\r=1")).isEqualTo("'\r=1");
    assertThat(FormulaGuard.text("-12.50")).isEqualTo("-12.50");
    assertThat(FormulaGuard.text("张三")).isEqualTo("张三");
    assertThat(FormulaGuard.text("")).isEmpty();
    assertThat(FormulaGuard.text(null)).isEmpty();
    assertThat(FormulaGuard.triggers("=x")).isTrue();
    assertThat(FormulaGuard.triggers("x=")).isFalse();
  }

  @Property
  void aGuardedTextNeverStartsAFormulaAndOnlyGainsOneApostrophe(@ForAll String s) {
    String g = FormulaGuard.text(s);
    if (!g.isEmpty() && "=+-@\t\r".indexOf(g.charAt(0)) >= 0) {
      assertThat(g).matches("-\\d+(\\.\\d+)?");
    }
    assertThat(g.equals(s) || g.equals("'" + s)).isTrue();
  }
}

package cn.warmth.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseAmountTest {
  @Test
  void writesAmountsAsFinanceDoes() {
    assertThat(ChineseAmount.of(0)).isEqualTo("零元整");
    assertThat(ChineseAmount.of(80000)).isEqualTo("捌佰元整");
    assertThat(ChineseAmount.of(300000)).isEqualTo("叁仟元整");
    assertThat(ChineseAmount.of(123450)).isEqualTo("壹仟贰佰叁拾肆元伍角整");
    assertThat(ChineseAmount.of(1050000)).isEqualTo("壹万零伍佰元整");
    assertThat(ChineseAmount.of(10000000)).isEqualTo("壹拾万元整");
    assertThat(ChineseAmount.of(100000100)).isEqualTo("壹佰万零壹元整");
    assertThat(ChineseAmount.of(10000000100L)).isEqualTo("壹亿零壹元整");
    assertThat(ChineseAmount.of(10001000000L)).isEqualTo("壹亿零壹万元整");
    assertThat(ChineseAmount.of(300005)).isEqualTo("叁仟元零伍分");
    assertThat(ChineseAmount.of(5)).isEqualTo("伍分");
    assertThat(ChineseAmount.of(50)).isEqualTo("伍角整");
    assertThat(ChineseAmount.of(1001)).isEqualTo("壹拾元零壹分");
    assertThat(ChineseAmount.of(1010000)).isEqualTo("壹万零壹佰元整");
  }
}

package cn.warmth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.TestIds;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class IdentityTest {
  @Property
  void luhnValidCardsPassAndEverySingleDigitChangeFails(@ForAll @NumericChars @StringLength(min = 15, max = 18) String body,
      @ForAll @IntRange(min = 0, max = 18) int pos, @ForAll @IntRange(min = 1, max = 9) int shift) {
    String card = body + TestIds.luhnDigit(body);
    assertThat(Identity.luhn(card)).isTrue();
    assertThat(Identity.normaliseCard(card)).isEqualTo(card);
    int p = pos % card.length();
    char changed = (char) ('0' + (card.charAt(p) - '0' + shift) % 10);
    String corrupt = card.substring(0, p) + changed + card.substring(p + 1);
    assertThat(Identity.luhn(corrupt)).as(corrupt).isFalse();
  }

  @Test
  void cards() {
    assertThat(Identity.normaliseCard("6222 0202 0011 2233 445")).isEqualTo("6222020200112233445");
    assertThat(Identity.normaliseCard("622202020011223")).as("15 digits").isNull();
    assertThat(Identity.normaliseCard("62220202001122334456")).as("20 digits").isNull();
    assertThat(Identity.normaliseCard("6222-0202-0011-2233")).isNull();
    assertThat(Masks.card("6222020200112233445")).isEqualTo("***************3445");
  }

  @Test
  void phones() {
    assertThat(Identity.normalisePhone("13800138000")).isEqualTo("13800138000");
    assertThat(Identity.normalisePhone("+86 138 0013 8000")).isEqualTo("13800138000");
    assertThat(Identity.normalisePhone("12800138000")).isNull();
    assertThat(Identity.normalisePhone("1380013800")).isNull();
    assertThat(Identity.normalisePhone("+8513800138000")).isNull();
  }

  @Test
  void names() {
    assertThat(Identity.isName("张建国")).isTrue();
    assertThat(Identity.isName("古丽·艾买提")).as("minority name with middle dot").isTrue();
    assertThat(Identity.isName("王\uD840\uDC00")).as("rare character outside the BMP").isTrue();
    assertThat(Identity.isName("䶮明")).as("CJK extension A").isTrue();
    assertThat(Identity.isName("John Smith")).isTrue();
    assertThat(Identity.isName("张")).as("too short").isFalse();
    assertThat(Identity.isName("·张三")).isFalse();
    assertThat(Identity.isName("<b>张三</b>")).isFalse();
    assertThat(Identity.isName("张三2")).isFalse();
    assertThat(Identity.isName("张 John")).isFalse();
    assertThat(Identity.isName("张".repeat(31))).isFalse();
  }

  @Test
  void creditCodes() {
    assertThat(cn.warmth.shared.CreditCodes.isValid("91350100M000100Y43")).isTrue();
    assertThat(cn.warmth.shared.CreditCodes.isValid("91350100M000100Y44")).isFalse();
    assertThat(cn.warmth.shared.CreditCodes.isValid("91350100M000100Y4")).isFalse();
    assertThat(cn.warmth.shared.CreditCodes.isValid("91350100I000100Y43")).as("I is not in the alphabet").isFalse();
  }

  @Test
  void namesForPublicLists() {
    assertThat(Masks.name("张建国")).isEqualTo("张*国");
    assertThat(Masks.name("李娜")).isEqualTo("李*");
    assertThat(Masks.name("古丽·艾买提")).isEqualTo("古*·**提");
  }
}

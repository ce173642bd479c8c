package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.shared.PersonalNumbers;
import cn.warmth.support.TestIds;
import org.junit.jupiter.api.Test;

/** ID numbers hidden in free text are found; other long numbers are not mistaken for one. */
class PersonalNumbersTest {
  @Test
  void findsAnIdNumberAloneInsideACertificateOrInASentence() {
    String id = TestIds.nextId();
    assertThat(PersonalNumbers.containsIdNumber(id)).isTrue();
    assertThat(PersonalNumbers.containsIdNumber("残疾证号" + id + "42，二级")).isTrue();
    assertThat(PersonalNumbers.containsIdNumber("职工身份证：" + id.toLowerCase() + "。")).isTrue();
  }

  @Test
  void otherNumbersAreNotIdNumbers() {
    String id = TestIds.nextId();
    String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
    assertThat(PersonalNumbers.containsIdNumber(wrongCheck)).isFalse();
    assertThat(PersonalNumbers.containsIdNumber("银行卡 " + TestIds.nextCard().substring(0, 16))).isFalse();
    assertThat(PersonalNumbers.containsIdNumber("电话 13800138000，2024年慰问")).isFalse();
    assertThat(PersonalNumbers.containsIdNumber(null)).isFalse();
  }
}

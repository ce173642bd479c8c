package cn.warmth.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.warmth.shared.BusinessException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Result files decode the same whatever Chinese Windows saved them as. (A GBK text so short that
 * its bytes are valid UTF-8 as well, a lone 帧 say, would be read as UTF-8: real result files,
 * with an ASCII header and several Chinese words, cannot be both.)
 */
class TextDecodingTest {
  static final Charset GBK = Charset.forName("GBK");

  @Provide
  Arbitrary<String> bankText() {
    return Arbitraries.strings().withChars("张王李赵刘陈杨黄吴周户名与卡号不符账户已冻结请联系开户行成功失败交易余额不足，。、")
        .withChars("abcXYZ0123456789,;|\"'- \r\n").ofMinLength(0).ofMaxLength(80).map(s -> "序号" + s);
  }

  @Property
  void utf8WithOrWithoutBomAndGbkReadBackTheSameText(@ForAll("bankText") String text) {
    assertThat(TextDecoding.decode(text.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(text);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    assertThat(TextDecoding.decode(bom).text()).isEqualTo(text);
    TextDecoding.Decoded gbk = TextDecoding.decode(text.getBytes(GBK));
    assertThat(gbk.text()).isEqualTo(text);
    assertThat(gbk.encoding()).isEqualTo("GB18030");
  }

  @Property
  void anyBytesAreReadOrRefusedAsAnEncodingProblemNeverAnythingElse(@ForAll byte[] bytes) {
    try {
      assertThat(TextDecoding.decode(bytes).text()).isNotNull();
    } catch (BusinessException e) {
      assertThat(e.code()).isEqualTo("BAD_ENCODING");
      assertThat(e.errors()).hasSize(1);
    }
  }

  @Test
  void theRefusalSaysWhereTheFileBreaks() {
    byte[] bytes = "reference,status\r\nA,\u0000".getBytes(StandardCharsets.UTF_8);
    BusinessException nul = catchThrowableOfType(BusinessException.class, () -> TextDecoding.decode(bytes));
    assertThat(nul.messageKey()).isEqualTo("error.BAD_ENCODING_BINARY");
    assertThat(nul.args()).containsExactly(2);
    BusinessException broken = catchThrowableOfType(BusinessException.class,
        () -> TextDecoding.decode(new byte[] {'a', '\n', 'b', '\n', (byte) 0xFF}));
    assertThat(broken.messageKey()).isEqualTo("error.BAD_ENCODING");
    assertThat(broken.args()).containsExactly(3, "0xFF", 3, "0xFF");
  }
}

package cn.warmth.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PiiCipherTest {
  final byte[] k1 = new byte[32];
  final byte[] k2 = new byte[32];

  PiiCipherTest() {
    Arrays.fill(k1, (byte) 1);
    Arrays.fill(k2, (byte) 2);
  }

  @Test
  void roundTripWithRandomNonce() {
    PiiCipher c = new PiiCipher(k1, k2);
    String a = c.encrypt("f", "610102198001011237");
    String b = c.encrypt("f", "610102198001011237");
    assertThat(a).isNotEqualTo(b).doesNotContain("610102");
    assertThat(c.decrypt("f", a)).isEqualTo("610102198001011237");
  }

  @Test
  void tamperingWrongKeyOrWrongFieldFails() {
    PiiCipher c = new PiiCipher(k1, k2);
    String ct = c.encrypt("worker.id_number", "610102198001011237");
    byte[] raw = Base64.getDecoder().decode(ct);
    raw[raw.length - 1] ^= 1;
    assertThatThrownBy(() -> c.decrypt("worker.id_number", Base64.getEncoder().encodeToString(raw)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> c.decrypt("worker.bank_card", ct)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new PiiCipher(k2, k1).decrypt("worker.id_number", ct)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void keyedHashIsStableAndKeyDependent() {
    assertThat(new PiiCipher(k1, k2).hash("x")).isEqualTo(new PiiCipher(k1, k2).hash("x")).hasSize(64);
    assertThat(new PiiCipher(k1, k2).hash("x")).isNotEqualTo(new PiiCipher(k1, k1).hash("x"));
  }
}

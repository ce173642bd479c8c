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
    assertThat(ct).startsWith("k1:");
    byte[] raw = Base64.getDecoder().decode(ct.substring(3));
    raw[raw.length - 1] ^= 1;
    assertThatThrownBy(() -> c.decrypt("worker.id_number", "k1:" + Base64.getEncoder().encodeToString(raw)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> c.decrypt("worker.bank_card", ct)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new PiiCipher(k2, k1).decrypt("worker.id_number", ct)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void keyedHashIsStableAndKeyDependent() {
    assertThat(new PiiCipher(k1, k2).hash("x")).isEqualTo(new PiiCipher(k1, k2).hash("x")).hasSize(64);
    assertThat(new PiiCipher(k1, k2).hash("x")).isNotEqualTo(new PiiCipher(k1, k1).hash("x"));
  }

  // ---- key ids and rotation (issue 14)

  @Test
  void valuesNameTheirKeyAndOlderKeysStillDecrypt() {
    PiiCipher old = new PiiCipher(k1, k2);
    String underOne = old.encrypt("f", "6222021234567890123");
    PiiCipher rotated = new PiiCipher("2", java.util.Map.of("1", k1, "2", k2), k2);
    String underTwo = rotated.encrypt("f", "6222021234567890123");
    assertThat(underTwo).startsWith("k2:");
    assertThat(PiiCipher.keyIdOf(underOne)).isEqualTo("1");
    assertThat(PiiCipher.keyIdOf(underTwo)).isEqualTo("2");
    assertThat(rotated.decrypt("f", underOne)).isEqualTo("6222021234567890123");
    assertThat(rotated.isCurrent(underOne)).isFalse();
    assertThat(rotated.isCurrent(underTwo)).isTrue();
    String again = rotated.reencrypt("f", underOne);
    assertThat(again).startsWith("k2:");
    // Once the old key is removed, the re-encrypted value still opens and the old one does not.
    PiiCipher onlyTwo = new PiiCipher("2", java.util.Map.of("2", k2), k2);
    assertThat(onlyTwo.decrypt("f", again)).isEqualTo("6222021234567890123");
    assertThatThrownBy(() -> onlyTwo.decrypt("f", underOne)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("key 1");
  }

  @Test
  void valuesWrittenBeforeKeyIdsAreUnderKeyOne() {
    // Stored without a prefix (as before issue 14), even one whose base64 starts with 'k'.
    PiiCipher c = new PiiCipher(k1, k2);
    String legacy = c.encrypt("f", "610102198001011237").substring(3);
    assertThat(PiiCipher.keyIdOf(legacy)).isEqualTo("1");
    assertThat(PiiCipher.keyIdOf("kAAAA" + legacy.substring(5))).isEqualTo("1");
    assertThat(c.decrypt("f", legacy)).isEqualTo("610102198001011237");
    assertThat(c.isCurrent(legacy)).as("rewritten with its key id by a rotation").isFalse();
  }

  @Test
  void badKeySettingsAreRefused() {
    assertThatThrownBy(() -> new PiiCipher("3", java.util.Map.of("1", k1), k2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PiiCipher("a:b", java.util.Map.of("a:b", k1), k2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PiiCipher("1", java.util.Map.of("1", new byte[16]), k2)).isInstanceOf(IllegalArgumentException.class);
    assertThat(PiiKeys.parseOldKeys(" 1:" + Base64.getEncoder().encodeToString(k1) + " ,")).containsOnlyKeys("1");
    assertThatThrownBy(() -> PiiKeys.parseOldKeys("nokey")).isInstanceOf(IllegalStateException.class);
  }
}

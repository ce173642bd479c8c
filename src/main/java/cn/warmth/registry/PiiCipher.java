package cn.warmth.registry;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest for ID and bank card numbers (个人信息保护法 art. 28): AES-256-GCM with a
 * random 96-bit nonce per value (stored as base64 of nonce || ciphertext || tag), and a keyed
 * HMAC-SHA256 beside the ID number for look-up and uniqueness without decrypting.
 * The field name is bound in as associated data, so a value copied into another column fails.
 */
final class PiiCipher {
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private final SecretKeySpec encryptionKey;
  private final SecretKeySpec hashKey;
  private final SecureRandom random = new SecureRandom();

  PiiCipher(byte[] encryptionKey, byte[] hashKey) {
    if (encryptionKey.length != 32 || hashKey.length < 32) {
      throw new IllegalArgumentException("PII keys must be 32 bytes");
    }
    this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
    this.hashKey = new SecretKeySpec(hashKey, "HmacSHA256");
  }

  String encrypt(String field, String plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE];
      random.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(field.getBytes(StandardCharsets.UTF_8));
      byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + ct.length).put(nonce).put(ct).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  String decrypt(String field, String stored) {
    if (stored == null) {
      return null;
    }
    try {
      byte[] all = Base64.getDecoder().decode(stored);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
      c.updateAAD(field.getBytes(StandardCharsets.UTF_8));
      return new String(c.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("decryption failed: wrong key or tampered value", e);
    }
  }

  /** Keyed hash for look-ups: the same number always gives the same hex string. */
  String hash(String plain) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashKey);
      return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

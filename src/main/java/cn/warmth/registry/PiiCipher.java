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
 *
 * <p>Key ids (issue 14): a value is stored as {@code k<id>:<base64>}, naming the key that
 * encrypted it; a value without the prefix (written before key ids) is under key {@code 1}. New
 * values always use the current key; older keys, when configured, only decrypt — until
 * {@link KeyRotation} has re-encrypted everything and they can be removed.
 */
final class PiiCipher {
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  /** The id of the key that encrypted values stored without a prefix. */
  static final String LEGACY_KEY_ID = "1";
  private static final java.util.regex.Pattern KEY_ID = java.util.regex.Pattern.compile("[A-Za-z0-9]{1,8}");
  private final String currentKeyId;
  private final java.util.Map<String, SecretKeySpec> encryptionKeys;
  private final SecretKeySpec hashKey;
  private final SecureRandom random = new SecureRandom();

  /** One key, id {@code 1} (tests, and installations that never rotated). */
  PiiCipher(byte[] encryptionKey, byte[] hashKey) {
    this(LEGACY_KEY_ID, java.util.Map.of(LEGACY_KEY_ID, encryptionKey), hashKey);
  }

  /** {@code keys} by id; {@code currentKeyId} encrypts, the others only decrypt. */
  PiiCipher(String currentKeyId, java.util.Map<String, byte[]> keys, byte[] hashKey) {
    if (hashKey.length < 32) {
      throw new IllegalArgumentException("PII keys must be 32 bytes");
    }
    java.util.Map<String, SecretKeySpec> specs = new java.util.HashMap<>();
    keys.forEach((id, key) -> {
      if (!KEY_ID.matcher(id).matches()) {
        throw new IllegalArgumentException("a PII key id is 1 to 8 letters or digits, not '" + id + "'");
      }
      if (key.length != 32) {
        throw new IllegalArgumentException("PII keys must be 32 bytes (key " + id + ")");
      }
      specs.put(id, new SecretKeySpec(key, "AES"));
    });
    if (!specs.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("no key for the current PII key id '" + currentKeyId + "'");
    }
    this.currentKeyId = currentKeyId;
    this.encryptionKeys = java.util.Map.copyOf(specs);
    this.hashKey = new SecretKeySpec(hashKey, "HmacSHA256");
  }

  String currentKeyId() {
    return currentKeyId;
  }

  java.util.Set<String> keyIds() {
    return encryptionKeys.keySet();
  }

  /** The id of the key a stored value is under ({@code 1} for values without a prefix). */
  static String keyIdOf(String stored) {
    return prefixed(stored) ? stored.substring(1, stored.indexOf(':')) : LEGACY_KEY_ID;
  }

  /** {@code k<id>:...}; base64 never holds ':', so a legacy value starting with 'k' is not taken for one. */
  private static boolean prefixed(String stored) {
    return stored.startsWith("k") && stored.indexOf(':') > 1;
  }

  /** True when the stored value is under the current key (null: nothing to rotate). */
  boolean isCurrent(String stored) {
    return stored == null || (prefixed(stored) && keyIdOf(stored).equals(currentKeyId));
  }

  /** The stored value re-encrypted under the current key (decrypted with whichever key it names). */
  String reencrypt(String field, String stored) {
    return stored == null || isCurrent(stored) ? stored : encrypt(field, decrypt(field, stored));
  }

  String encrypt(String field, String plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE];
      random.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, encryptionKeys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(field.getBytes(StandardCharsets.UTF_8));
      byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return "k" + currentKeyId + ":"
          + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + ct.length).put(nonce).put(ct).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  String decrypt(String field, String stored) {
    if (stored == null) {
      return null;
    }
    String keyId = keyIdOf(stored);
    SecretKeySpec key = encryptionKeys.get(keyId);
    if (key == null) {
      throw new IllegalStateException("a value is encrypted under PII key " + keyId
          + ", which is not configured (app.pii.old-encryption-keys; see docs/operations.md, key rotation)");
    }
    try {
      byte[] all = Base64.getDecoder().decode(prefixed(stored) ? stored.substring(stored.indexOf(':') + 1) : stored);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
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

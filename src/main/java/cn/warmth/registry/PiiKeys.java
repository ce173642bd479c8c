package cn.warmth.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Where the PII keys come from: {@code app.pii.encryption-key} and {@code app.pii.hash-key}
 * (base64 of 32 bytes; environment WARMTH_PII_ENCRYPTION_KEY / WARMTH_PII_HASH_KEY).
 * With the {@code postgres} (production) profile, missing keys stop the start. On the embedded
 * H2 set-up (evaluation on one machine) a key file is generated once beside the database.
 */
@Configuration
class PiiKeys {
  private static final Logger log = LoggerFactory.getLogger(PiiKeys.class);

  /**
   * Key rotation (issue 14): {@code app.pii.encryption-key-id} names the current key (default
   * {@code 1}, the id of values written before key ids), and {@code app.pii.old-encryption-keys}
   * ({@code id:base64,id:base64}) lists older keys that still decrypt until {@link KeyRotation}
   * has re-encrypted every value under the current one.
   */
  @Bean
  PiiCipher piiCipher(@Value("${app.pii.encryption-key:}") String encryptionKey,
      @Value("${app.pii.hash-key:}") String hashKey, @Value("${app.pii.key-file:./data/pii.keys}") String keyFile,
      @Value("${app.pii.encryption-key-id:1}") String keyId, @Value("${app.pii.old-encryption-keys:}") String oldKeys,
      Environment env) {
    if (!encryptionKey.isBlank() && !hashKey.isBlank()) {
      java.util.Map<String, byte[]> keys = new java.util.HashMap<>(parseOldKeys(oldKeys));
      keys.put(keyId.strip(), Base64.getDecoder().decode(encryptionKey.strip()));
      PiiCipher cipher = new PiiCipher(keyId.strip(), keys, Base64.getDecoder().decode(hashKey.strip()));
      log.info("PII encryption key id {} (older keys for decryption only: {})", cipher.currentKeyId(),
          keys.size() > 1 ? keys.keySet().stream().filter(k -> !k.equals(cipher.currentKeyId())).sorted().toList() : "none");
      return cipher;
    }
    if (Arrays.asList(env.getActiveProfiles()).contains("postgres")) {
      throw new IllegalStateException("app.pii.encryption-key and app.pii.hash-key must be set in production "
          + "(WARMTH_PII_ENCRYPTION_KEY, WARMTH_PII_HASH_KEY: base64 of 32 random bytes each).");
    }
    byte[][] keys = loadOrCreate(Path.of(keyFile));
    return new PiiCipher(keys[0], keys[1]);
  }

  /** {@code 1:base64,2:base64} → id → key; blank → none. */
  static java.util.Map<String, byte[]> parseOldKeys(String spec) {
    java.util.Map<String, byte[]> out = new java.util.HashMap<>();
    for (String part : spec.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int colon = p.indexOf(':');
      if (colon < 1) {
        throw new IllegalStateException("app.pii.old-encryption-keys: each entry is id:base64 (key id, colon, key)");
      }
      out.put(p.substring(0, colon).strip(), Base64.getDecoder().decode(p.substring(colon + 1).strip()));
    }
    return out;
  }

  private static byte[][] loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        SecureRandom random = new SecureRandom();
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        random.nextBytes(a);
        random.nextBytes(b);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(a) + "\n" + Base64.getEncoder().encodeToString(b) + "\n");
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // Not a POSIX file system.
        }
        log.warn("No PII keys configured: generated {} — keep it with the database and back it up; "
            + "set app.pii.encryption-key and app.pii.hash-key in production.", file.toAbsolutePath());
      }
      String[] lines = Files.readString(file).strip().split("\\s+");
      return new byte[][] {Base64.getDecoder().decode(lines[0]), Base64.getDecoder().decode(lines[1])};
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the PII key file " + file, e);
    }
  }
}

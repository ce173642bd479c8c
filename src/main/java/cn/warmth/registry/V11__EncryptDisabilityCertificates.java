package cn.warmth.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts the disability certificate numbers stored in clear before V10, with the configured
 * PII key (hence a Java migration: SQL cannot reach the key). Spring Boot hands every
 * {@code JavaMigration} bean to Flyway. Idempotent: only rows with a clear value and no
 * ciphertext are touched, and the clear value is nulled in the same statement; V12 then drops
 * the column. Runs on H2 and PostgreSQL alike (plain JDBC).
 */
@Component
class V11__EncryptDisabilityCertificates extends BaseJavaMigration {
  private static final Logger log = LoggerFactory.getLogger(V11__EncryptDisabilityCertificates.class);
  private final PiiCipher cipher;

  V11__EncryptDisabilityCertificates(PiiCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    record Row(long id, String cert) {}
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(
        "select id, disability_cert_no from worker where disability_cert_no is not null and disability_cert_enc is null");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        rows.add(new Row(rs.getLong(1), rs.getString(2)));
      }
    }
    try (PreparedStatement u = c.prepareStatement(
        "update worker set disability_cert_enc = ?, disability_cert_masked = ?, disability_cert_no = null where id = ?")) {
      for (Row r : rows) {
        String cert = r.cert().strip();
        u.setString(1, cipher.encrypt(Workers.CERT_FIELD, cert));
        u.setString(2, Masks.certificate(cert));
        u.setLong(3, r.id());
        u.addBatch();
      }
      u.executeBatch();
    }
    log.info("Encrypted {} disability certificate number(s)", rows.size());
  }
}

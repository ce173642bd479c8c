package cn.warmth.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fills {@code worker.id_last4} (V30) for workers registered before it: the last 4 characters of
 * the ID number, read from its ciphertext with the configured PII key (hence Java; a wrong key
 * stops the migration rather than writing wrong digits). Rows are read and written in chunks of
 * {@value #CHUNK}, so a province of workers never sits in memory at once. Idempotent: only rows
 * without a value are touched. Plain JDBC: H2 and PostgreSQL alike.
 */
@Component
class V31__FillWorkerIdLast4 extends BaseJavaMigration {
  private static final Logger log = LoggerFactory.getLogger(V31__FillWorkerIdLast4.class);
  static final int CHUNK = 1000;
  private final PiiCipher cipher;

  V31__FillWorkerIdLast4(PiiCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    long after = 0;
    int filled = 0;
    while (true) {
      long last = after;
      int n = 0;
      try (PreparedStatement q = c.prepareStatement(
          "select id, id_number_enc from worker where id > ? and id_last4 is null order by id");
          PreparedStatement u = c.prepareStatement("update worker set id_last4 = ? where id = ?")) {
        q.setLong(1, after);
        q.setMaxRows(CHUNK);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            last = rs.getLong(1);
            u.setString(1, IdNumber.last4(cipher.decrypt(Workers.ID_FIELD, rs.getString(2))));
            u.setLong(2, last);
            u.addBatch();
            n++;
          }
        }
        if (n > 0) {
          u.executeBatch();
        }
      }
      filled += n;
      if (n < CHUNK) {
        break;
      }
      after = last;
    }
    log.info("Filled the last 4 ID characters of {} worker(s)", filled);
  }
}

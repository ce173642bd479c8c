package cn.warmth.evidence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The default store: a blob (H2) or bytea (PostgreSQL) row per object, in the caller's transaction. */
@Component
@ConditionalOnProperty(prefix = "app.evidence", name = "store", havingValue = "database", matchIfMissing = true)
class DatabaseAttachmentStore implements AttachmentStore {
  private final JdbcTemplate jdbc;
  private final Clock clock;

  DatabaseAttachmentStore(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void put(String key, byte[] content) {
    jdbc.update("insert into attachment_blob (storage_key, content, created_at) values (?, ?, ?)", ps -> {
      ps.setString(1, key);
      ps.setBytes(2, content);
      ps.setTimestamp(3, Timestamp.from(Instant.now(clock)));
    });
  }

  @Override
  public byte[] get(String key) {
    List<byte[]> found = jdbc.query("select content from attachment_blob where storage_key = ?",
        (rs, i) -> rs.getBytes(1), key);
    if (found.isEmpty()) {
      throw new IllegalStateException("no stored object " + key);
    }
    return found.get(0);
  }

  @Override
  public void delete(String key) {
    jdbc.update("delete from attachment_blob where storage_key = ?", key);
  }
}

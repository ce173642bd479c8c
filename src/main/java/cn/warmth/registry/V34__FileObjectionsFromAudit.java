package cn.warmth.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Objections raised before V33 live only in the audit log ({@code FILE_OBJECTION}, the text under
 * {@code objection} in the entry's JSON). This copies each into {@code file_objection} with its
 * author and time, so old files show them like new ones. A Java migration because reading JSON
 * differs between H2 and PostgreSQL; plain JDBC otherwise. Idempotent: an objection already there
 * (same file and time) is not copied again.
 */
@Component
class V34__FileObjectionsFromAudit extends BaseJavaMigration {
  private static final Logger log = LoggerFactory.getLogger(V34__FileObjectionsFromAudit.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    record Row(long fileId, String orgPath, String actor, OffsetDateTime at, String text) {}
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement("""
        select f.id, f.org_path, a.actor, a.at, a.after_json from audit_log a
        join hardship_file f on a.entity_id = cast(f.id as varchar(64))
        where a.entity_type = 'HARDSHIP_FILE' and a.action = 'FILE_OBJECTION' order by a.id""");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        String text = objection(rs.getString(5));
        if (text != null) {
          rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class), text));
        }
      }
    }
    int copied = 0;
    try (PreparedStatement exists = c.prepareStatement(
            "select count(*) from file_objection where file_id = ? and raised_at = ?");
        PreparedStatement insert = c.prepareStatement(
            "insert into file_objection (file_id, org_path, raised_by, raised_at, content) values (?, ?, ?, ?, ?)")) {
      for (Row r : rows) {
        exists.setLong(1, r.fileId());
        exists.setObject(2, r.at());
        try (ResultSet rs = exists.executeQuery()) {
          rs.next();
          if (rs.getLong(1) > 0) {
            continue;
          }
        }
        insert.setLong(1, r.fileId());
        insert.setString(2, r.orgPath());
        insert.setString(3, r.actor());
        insert.setObject(4, r.at());
        insert.setString(5, r.text());
        insert.executeUpdate();
        copied++;
      }
    }
    log.info("Copied {} objection(s) from the audit log", copied);
  }

  /** The objection's text in an audit entry, at most 500 characters; null when there is none. */
  static String objection(String afterJson) {
    if (afterJson == null || afterJson.isBlank()) {
      return null;
    }
    try {
      JsonNode v = JSON.readTree(afterJson).path("objection");
      if (!v.isTextual() || v.asText().isBlank()) {
        return null;
      }
      String t = v.asText().strip();
      return t.length() > 500 ? t.substring(0, 500) : t;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null; // an entry cut at 4,000 characters: nothing reliable to copy
    }
  }
}

package cn.warmth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * A database that holds clear disability certificate numbers (schema before V10) is upgraded:
 * every number encrypted with the configured key, masked, and the clear column gone. Runs on
 * a fresh H2 database and on a fresh PostgreSQL schema.
 */
abstract class CertificateMigrationContract {
  static final PiiCipher CIPHER = new PiiCipher(
      Base64.getDecoder().decode("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="),
      Base64.getDecoder().decode("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA="));

  /** An empty database (or schema) and its vendor folder name. */
  abstract DataSource emptyDatabase();

  abstract String vendor();

  abstract FluentConfiguration schema(FluentConfiguration config);

  @Test
  void clearCertificatesAreEncryptedAndTheClearColumnDropped() throws Exception {
    DataSource ds = emptyDatabase();
    FluentConfiguration base = schema(Flyway.configure().dataSource(ds)
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor()));
    base.target("6").load().migrate(); // the schema before V10 (V7-V9 are other features)
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      for (int i = 1; i <= 3; i++) {
        st.executeUpdate("insert into worker (name, id_number_enc, id_number_hash, id_number_masked, gender, birth_date,"
            + " org_code, org_path, employment_type, disabled, disability_cert_no, created_at, updated_at) values ('残疾"
            + i + "', 'x', 'h" + i + "', '610***********123" + i + "', 'MALE', date '1980-01-01', 'SX', '/SX/',"
            + " 'ESTABLISHED', " + (i < 3) + ", " + (i < 3 ? "'61010219800101123" + i + "4" + i + "'" : "null")
            + ", current_timestamp, current_timestamp)");
      }
    }
    schema(Flyway.configure().dataSource(ds)
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor()))
        .javaMigrations(new V11__EncryptDisabilityCertificates(CIPHER)).load().migrate();

    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select * from worker order by name")) {
      int columns = rs.getMetaData().getColumnCount();
      for (int i = 1; i <= columns; i++) {
        assertThat(rs.getMetaData().getColumnName(i).toLowerCase()).isNotEqualTo("disability_cert_no");
      }
      for (int i = 1; i <= 3; i++) {
        assertThat(rs.next()).isTrue();
        String enc = rs.getString("disability_cert_enc");
        if (i < 3) {
          String clear = "61010219800101123" + i + "4" + i;
          assertThat(CIPHER.decrypt(Workers.CERT_FIELD, enc)).isEqualTo(clear);
          assertThat(rs.getString("disability_cert_masked")).isEqualTo("610" + "*".repeat(13) + "3" + i + "4" + i)
              .hasSize(20);
          for (int k = 1; k <= columns; k++) {
            assertThat(String.valueOf(rs.getObject(k))).doesNotContain(clear).doesNotContain(clear.substring(0, 17));
          }
        } else {
          assertThat(enc).isNull();
          assertThat(rs.getString("disability_cert_masked")).isNull();
        }
      }
    }
  }
}

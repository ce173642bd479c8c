package cn.warmth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * A database whose 公示 objections live only in the audit log (before V33) is upgraded: each
 * objection is copied into {@code file_objection} with its author, time and text (V34); entries
 * without text, or cut short, are left alone; organisations get empty contact columns.
 */
abstract class ObjectionMigrationContract {
  abstract DataSource emptyDatabase();

  abstract String vendor();

  abstract FluentConfiguration schema(FluentConfiguration config);

  /**
   * The migrations main had before this branch (all but V33): V45 and V46 were applied before V33
   * and V34 existed, as on every database made by that version.
   */
  Path before() throws Exception {
    Path dir = Files.createTempDirectory("migrations-before-v33");
    for (String folder : List.of("common", vendor())) {
      var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
      for (var r : resolver.getResources("classpath:db/migration/" + folder + "/*.sql")) {
        if (!r.getFilename().startsWith("V33__")) {
          Files.write(dir.resolve(r.getFilename()), r.getContentAsByteArray());
        }
      }
    }
    return dir;
  }

  /** The application lets Flyway apply lower versions after higher ones (branches number in ranges). */
  @Test
  void theApplicationAppliesMigrationsOutOfOrder() {
    var yaml = new org.springframework.beans.factory.config.YamlPropertiesFactoryBean();
    yaml.setResources(new org.springframework.core.io.ClassPathResource("application.yml"));
    assertThat(yaml.getObject().getProperty("spring.flyway.out-of-order")).isEqualTo("true");
  }

  @Test
  void objectionsRecordedInTheAuditLogAreKeptAsObjections() throws Exception {
    DataSource ds = emptyDatabase();
    // A database of the version before: at V46, holding a file whose objection is in the audit log only.
    schema(Flyway.configure().dataSource(ds).locations("filesystem:" + before()))
        .javaMigrations(new V11__EncryptDisabilityCertificates(CertificateMigrationContract.CIPHER)).load().migrate();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("insert into org_unit (code, name, type, path, created_at) values ('SX', '省', 'PROVINCE', '/SX/', current_timestamp)");
      st.executeUpdate("insert into worker (name, id_number_enc, id_number_hash, id_number_masked, gender, birth_date,"
          + " org_code, org_path, employment_type, disabled, created_at, updated_at) values ('张三', 'x', 'h1',"
          + " '610***********1234', 'MALE', date '1980-01-01', 'SX', '/SX/', 'ESTABLISHED', false, current_timestamp,"
          + " current_timestamp)");
      st.executeUpdate("insert into hardship_file (worker_id, active_worker_id, org_code, org_path, status, category, reasons,"
          + " household_size, annual_income_fen, annual_expenses_fen, submitted_by, submitted_at) select id, id, 'SX',"
          + " '/SX/', 'PENDING_REVIEW', 'DEEP', 'SERIOUS_ILLNESS', 3, 100, 50, 'officer', current_timestamp from worker");
      String file = "(select cast(id as varchar(64)) from hardship_file)";
      st.executeUpdate("insert into audit_log (at, actor, action, entity_type, entity_id, org_path, after_json) select"
          + " timestamp with time zone '2024-01-10 09:30:00+08:00', 'tsz.officer', 'FILE_OBJECTION', 'HARDSHIP_FILE', "
          + file + ", '/SX/', '{\"status\":\"PENDING_REVIEW\",\"objection\":\"群众反映有房产出租收入\"}'");
      st.executeUpdate("insert into audit_log (at, actor, action, entity_type, entity_id, org_path, after_json) select"
          + " current_timestamp, 'tsz.manager', 'FILE_APPROVED', 'HARDSHIP_FILE', " + file + ", '/SX/', '{\"status\":\"PUBLIC_NOTICE\"}'");
      st.executeUpdate("insert into audit_log (at, actor, action, entity_type, entity_id, org_path, after_json) select"
          + " current_timestamp, 'tsz.officer', 'FILE_OBJECTION', 'HARDSHIP_FILE', " + file + ", '/SX/', '{\"objection\":\"截断…'");
    }
    // Upgraded as the application does it: out of order, V33 and V34 after V46.
    var result = schema(Flyway.configure().dataSource(ds).outOfOrder(true)
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor()))
        .javaMigrations(new V11__EncryptDisabilityCertificates(CertificateMigrationContract.CIPHER),
            new V34__FileObjectionsFromAudit()).load().migrate();
    assertThat(result.migrations.stream().map(m -> m.version).toList()).containsExactly("33", "34");

    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select o.raised_by, o.raised_at, o.content, o.org_path, f.id = o.file_id"
            + " from file_objection o, hardship_file f")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("tsz.officer");
      assertThat(rs.getObject(2, java.time.OffsetDateTime.class).toInstant())
          .isEqualTo(java.time.Instant.parse("2024-01-10T01:30:00Z"));
      assertThat(rs.getString(3)).isEqualTo("群众反映有房产出租收入");
      assertThat(rs.getString(4)).isEqualTo("/SX/");
      assertThat(rs.getBoolean(5)).isTrue();
      assertThat(rs.next()).as("only the readable objection").isFalse();
    }
    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select contact_name, contact_phone from org_unit")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isNull();
      assertThat(rs.getString(2)).isNull();
    }
  }
}

package cn.warmth.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.BrowserSession;
import cn.warmth.support.PackagedJar;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Upgrade (issue 14): a PostgreSQL database made and filled by the previous landed version
 * (commit af35aca: the engine created its own tables at start-up, Flyway stood at V46.1) is
 * restored from the dump checked in under {@code src/test/resources/upgrade/} (pg_dump of the
 * demo data plus a paid and closed case with a photo), and this version's jar starts on it:
 * the new migrations run out of order below V46, the engine's tables are kept (not created
 * again), and every case, payment, report and attachment is still there and still moves.
 */
class UpgradeFromPreviousVersionPostgresIT {
  static final String DUMP = "/upgrade/warmth-af35aca-postgres.sql.gz";
  /** The demo profile's keys, with which the previous version wrote the dump's personal data. */
  static final Map<String, String> DEMO_KEYS = Map.of(
      "WARMTH_PII_ENCRYPTION_KEY", "ZGVtby1rZXktZGVtby1rZXktZGVtby1rZXktMDAwMDA=",
      "WARMTH_PII_HASH_KEY", "ZGVtby1oYXNoLWRlbW8taGFzaC1kZW1vLWhhc2gtMDA=");
  static final String PW = "warmth-demo-2024";
  static final List<String> FACTS = List.of(
      "select count(*) from aid_case", "select count(*) from aid_case where status = 'CLOSED'",
      "select count(*) from payment_item where status = 'PAID'", "select coalesce(sum(amount_fen), 0) from payment_item",
      "select count(*) from campaign_report", "select count(*) from attachment",
      "select coalesce(sum(length(content)), 0) from attachment_blob", "select count(*) from worker",
      "select count(*) from stat_case_fact", "select coalesce(sum(total_fen), 0) from stat_summary",
      "select count(*) from act_ru_execution", "select count(*) from act_ru_task", "select count(*) from act_hi_procinst",
      // Process models changed since the previous version are deployed as new versions of the same
      // keys (running instances stay on theirs): the keys are the fact, not the number of versions.
      "select count(distinct key_) from act_re_procdef", "select count(*) from audit_log where action <> 'PII_REVEALED'");

  @Test
  void aDatabaseOfThePreviousVersionUpgradesAndKeepsEverything() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "jar-it", "upgrade-" + System.nanoTime()).toAbsolutePath());
    int pgPort = PackagedJar.freePort();
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).setPort(pgPort).start()) {
      Map<String, Long> before;
      try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
        st.execute(dump());
      }
      try (Connection c = pg.getPostgresDatabase().getConnection()) {
        before = facts(c);
        assertThat(one(c, "select max(installed_rank) from flyway_schema_history where version = '46.1'")).isPositive();
        assertThat(one(c, "select count(*) from flyway_schema_history where version in ('40', '41', '42')")).isZero();
        assertThat(one(c, "select count(*) from act_ge_schema_log")).as("made by the engine itself").isEqualTo(1);
      }
      assertThat(before.get("select count(*) from aid_case")).isGreaterThanOrEqualTo(8);
      assertThat(before.get("select count(*) from payment_item where status = 'PAID'")).isPositive();
      assertThat(before.get("select count(*) from attachment")).isPositive();

      Map<String, String> env = new LinkedHashMap<>(DEMO_KEYS);
      env.put("WARMTH_DB_URL", "jdbc:postgresql://localhost:" + pgPort + "/postgres");
      env.put("WARMTH_DB_USER", "postgres");
      env.put("WARMTH_DB_PASSWORD", "postgres");
      try (PackagedJar jar = new PackagedJar(dir, List.of("--spring.profiles.active=postgres"), env)) {
        jar.start(Duration.ofSeconds(150));
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
          assertThat(facts(c)).as("nothing lost, nothing added by the upgrade").isEqualTo(before);
          assertThat(one(c, "select count(*) from flyway_schema_history where version in ('40', '41', '42') and success"))
              .isEqualTo(3);
          assertThat(one(c, "select count(*) from act_ge_schema_log")).as("the engine's tables kept").isEqualTo(1);
        }
        Api officer = Api.at(jar.port()).as("tsz.officer", PW);
        Api finance = Api.at(jar.port()).as("tsz.finance", PW);
        JsonNode closed = officer.get("/api/v1/cases/XA-2026-000001").json();
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("payment").path("status").asText()).isEqualTo("PAID");
        assertThat(closed.path("attachments").size()).as(closed.toString()).isEqualTo(1);
        // Personal data written before key ids still opens.
        JsonNode pii = officer.get("/api/v1/workers/1/pii").json();
        assertThat(pii.path("idNumber").asText()).hasSize(18);
        // A process started by the previous version moves on: the pending sign-off is given.
        Api.Res approved = finance.post("/api/v1/cases/XA-2026-000003/approval", Map.of("decision", "APPROVE",
            "comment", "升级后签批"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("approvals").size()).isPositive();
        // Page sign-in with a session in the new table.
        assertThat(new BrowserSession(jar.port()).login("tsz.officer", PW)).doesNotContain("error");
        assertThat(officer.get("/api/v1/reports?campaign=2024-YDCJ").status()).isEqualTo(200);
        jar.kill();
      }
    }
  }

  static String dump() throws Exception {
    try (InputStream in = new GZIPInputStream(UpgradeFromPreviousVersionPostgresIT.class.getResourceAsStream(DUMP))) {
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // psql's own commands (\connect, \restrict) are not SQL.
      return sql.lines().filter(l -> !l.startsWith("\\")).collect(Collectors.joining("\n"));
    }
  }

  static Map<String, Long> facts(Connection c) throws Exception {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String q : FACTS) {
      m.put(q, one(c, q));
    }
    return m;
  }

  static long one(Connection c, String sql) throws Exception {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

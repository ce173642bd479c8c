package cn.warmth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.PackagedJar;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import cn.warmth.support.Xlsx;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Key rotation as an operator runs it (issue 14), on the packaged jar: personal data written under
 * key 1; the rotation command started with key 2 as the current key and key 1 as an old one,
 * killed with SIGKILL half-way, started again — it resumes after the last committed batch and
 * finishes; then the application runs with key 2 alone (key 1 removed) and every value opens.
 * Also checks, on the real jar, readiness with the job executor running and JSON logs without
 * personal data. Written once, run on the embedded H2 default and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KeyRotationContract {
  static final Duration START = Duration.ofSeconds(150);
  static final String KEY_1 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
  static final String KEY_2 = "bmV3LWtleS1uZXcta2V5LW5ldy1rZXktbmV3LWtleTI=";
  static final String HASH_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";
  static final int WORKERS = 240;
  Path dir;
  PackagedJar jar;

  abstract List<String> databaseArgs();

  abstract Map<String, String> databaseEnv();

  /** A connection to the jar's database while no jar runs. */
  abstract Connection connect() throws Exception;

  void beforeStart() {}

  PackagedJar jar(Map<String, String> keys) {
    Map<String, String> env = new HashMap<>(databaseEnv());
    env.put("WARMTH_ADMIN_PASSWORD", "warmth-root-pw-1");
    env.put("WARMTH_PII_HASH_KEY", HASH_KEY);
    env.putAll(keys);
    return new PackagedJar(dir, databaseArgs(), env);
  }

  @AfterAll
  void stop() {
    if (jar != null) {
      jar.close();
    }
  }

  @Test
  void aRotationKilledHalfWayResumesAndTheOldKeyCanGo() throws Exception {
    dir = Files.createDirectories(Path.of("target", "jar-it", getClass().getSimpleName() + "-" + System.nanoTime())
        .toAbsolutePath());
    beforeStart();
    // 1. Personal data under key 1 (the default id), as every installation before issue 14 has it.
    jar = jar(Map.of("WARMTH_PII_ENCRYPTION_KEY", KEY_1)).start(START);
    Scenario s = new Scenario(jar.port());
    List<String[]> rows = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      String id = TestIds.nextId();
      ids.add(id);
      rows.add(Xlsx.row(name(i), id, s.school));
    }
    String boundary = "----warmth" + System.nanoTime();
    Api.Res imported = s.as("officer").postRaw("/api/v1/workers/import", "multipart/form-data; boundary=" + boundary,
        Xlsx.multipart(boundary, "file", "workers.xlsx", Xlsx.workers(rows)));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    Map<String, Object> disabled = new HashMap<>(Map.of("name", "轮换残", "idNumber", TestIds.nextId(), "orgCode",
        s.school, "employmentType", "ESTABLISHED", "disabled", true, "disabilityCertNo", "61010219800101123741"));
    Api.Res w = s.as("officer").post("/api/v1/workers", disabled);
    assertThat(w.status()).as(w.toString()).isEqualTo(201);
    long certWorker = w.json().path("id").asLong();
    jar.kill();

    // 2. The rotation to key 2, slowed down so that the kill lands half-way, killed.
    Map<String, String> rotating = Map.of("WARMTH_PII_ENCRYPTION_KEY", KEY_2, "WARMTH_PII_ENCRYPTION_KEY_ID", "2",
        "WARMTH_PII_OLD_ENCRYPTION_KEYS", "1:" + KEY_1);
    jar = jar(rotating);
    jar.launch(List.of("--app.pii.rotate=true", "--app.pii.rotate-batch-size=10", "--app.pii.rotate-pause-ms=300"),
        Map.of());
    String progress = jar.awaitLog("PII key rotation to key 2: ([4-9]\\d|1\\d\\d) workers checked", START);
    assertThat(jar.kill()).as("SIGKILL half-way: " + progress).isEqualTo(137);
    int before;
    try (Connection c = connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select last_worker_id, finished_at from pii_rotation where key_id = '2'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(2)).as("not finished").isNull();
      before = rs.getInt(1);
      assertThat(before).as("progress committed").isPositive();
    }
    try (Connection c = connect()) {
      assertThat(count(c, "select count(*) from worker where id_number_enc like 'k2:%'")).as("some rotated")
          .isPositive().isLessThan(WORKERS + 1);
    }

    // 3. Started again: resumes after the last committed batch, finishes, exits 0.
    jar = jar(rotating);
    jar.launch(List.of("--app.pii.rotate=true"), Map.of());
    assertThat(jar.awaitExit(START)).as(jar.tail()).isZero();
    String resumed = jar.awaitLog("PII key rotation to key 2: starting after worker id (\\d+)", Duration.ofSeconds(5));
    Matcher m = Pattern.compile("starting after worker id (\\d+)").matcher(resumed);
    assertThat(m.find()).isTrue();
    assertThat(Integer.parseInt(m.group(1))).as("resumed, not restarted").isEqualTo(before);
    jar.awaitLog("finished: \\d+ values re-encrypted in this run, 0 left under other keys", Duration.ofSeconds(5));

    // 4. Every value under key 2 and readable with key 2 alone; counts and audit exact.
    PiiCipher onlyTwo = new PiiCipher("2", Map.of("2", Base64.getDecoder().decode(KEY_2)),
        Base64.getDecoder().decode(HASH_KEY));
    try (Connection c = connect()) {
      int n = 0;
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "select id, id_number_enc, bank_card_enc, disability_cert_enc from worker order by id")) {
        while (rs.next()) {
          n++;
          assertThat(rs.getString(2)).startsWith("k2:");
          assertThat(onlyTwo.decrypt(Workers.ID_FIELD, rs.getString(2))).hasSize(18);
          if (rs.getString(3) != null) {
            assertThat(onlyTwo.decrypt(Workers.CARD_FIELD, rs.getString(3))).matches("\\d{16,19}");
          }
          if (rs.getLong(1) == certWorker) {
            assertThat(onlyTwo.decrypt(Workers.CERT_FIELD, rs.getString(4))).isEqualTo("61010219800101123741");
          }
        }
      }
      assertThat(n).isEqualTo(WORKERS + 1);
      assertThat(count(c, "select rotated_values from pii_rotation where key_id = '2' and finished_at is not null"))
          .as("ID numbers, cards and one certificate, each once").isEqualTo(2L * WORKERS + 2);
      assertThat(count(c, "select count(*) from audit_log where action = 'PII_KEY_ROTATION_STARTED'")).isEqualTo(2);
      assertThat(count(c, "select count(*) from audit_log where action = 'PII_KEY_ROTATION_FINISHED'")).isEqualTo(1);
    }

    // 5. The application with key 2 only (key 1 removed), JSON logs: reveals work, it is ready.
    jar = jar(Map.of("WARMTH_PII_ENCRYPTION_KEY", KEY_2, "WARMTH_PII_ENCRYPTION_KEY_ID", "2",
        "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"));
    jar.start(START);
    Api officer = Api.at(jar.port()).as(s.name("officer"), Scenario.PW); // this jar listens on a port of its own
    JsonNode pii = officer.get("/api/v1/workers/" + certWorker + "/pii").json();
    assertThat(pii.path("disabilityCertNo").asText()).isEqualTo("61010219800101123741");
    assertThat(pii.path("idNumber").asText()).isEqualTo(disabled.get("idNumber"));
    Api.Res list = officer.get("/api/v1/workers?size=5");
    assertThat(list.status()).isEqualTo(200);
    HttpResponse<String> ready = awaitReady(jar.managementPort());
    assertThat(ready.body()).contains("\"jobAcquisition\":{\"status\":\"UP\"}").contains("\"db\":{\"status\":\"UP\"}");
    List<String> lines = Files.readAllLines(jar.log());
    assertThat(lines.stream().filter(l -> l.startsWith("{")).count()).as("JSON log lines").isPositive();
    assertThat(lines.stream().filter(l -> l.contains("\"message\"")).findFirst()).isPresent();
    String all = String.join("\n", lines);
    for (String id : ids.subList(0, 20)) {
      assertThat(all).doesNotContain(id);
    }
    assertThat(all).doesNotContain("61010219800101123741");
    jar.kill();
  }

  /** A distinct Chinese name per row (names are 2–30 Chinese characters). */
  static String name(int i) {
    String c = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉";
    return "轮" + c.charAt(i / 20 % 20) + c.charAt(i % 20);
  }

  static HttpResponse<String> awaitReady(int managementPort) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> r = null;
    for (int i = 0; i < 60; i++) {
      r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/health/readiness"))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        return r;
      }
      PackagedJar.sleep(500);
    }
    return r;
  }

  static long count(Connection c, String sql) throws Exception {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

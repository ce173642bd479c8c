package cn.warmth.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.PackagedJar;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged jar as an operator runs it, with the smallest supported heap, killed and
 * restarted: every write answered 200 is still there after a SIGKILL. Written once, run on the
 * embedded H2 default and on PostgreSQL. The admin password matches the test scenario's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PackagedJarContract {
  static final Duration START = Duration.ofSeconds(150);
  /** The jar's working folder (data, key file, logs), kept under target/ for a look after a failure. */
  Path dir;
  PackagedJar jar;

  /** Arguments that point the jar at its database (none for the H2 default). */
  abstract List<String> databaseArgs();

  abstract Map<String, String> databaseEnv();

  void beforeStart() {}

  Map<String, String> extraEnv() {
    return Map.of();
  }

  @BeforeAll
  void startJar() throws java.io.IOException {
    dir = Files.createDirectories(Path.of("target", "jar-it", getClass().getSimpleName() + "-" + System.nanoTime())
        .toAbsolutePath());
    beforeStart();
    Map<String, String> env = new HashMap<>(databaseEnv());
    env.put("WARMTH_ADMIN_PASSWORD", "warmth-root-pw-1");
    env.putAll(extraEnv());
    jar = new PackagedJar(dir, databaseArgs(), env).start(START);
  }

  @AfterAll
  void stopJar() {
    if (jar != null) {
      jar.close();
    }
  }

  @Test
  void everyAnsweredWriteSurvivesAKill9() {
    Scenario s = new Scenario(jar.port());
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String campaign = s.p + "-KD";
    Api.Res c = s.admin.post("/api/v1/campaigns", Map.of("code", campaign, "name", "持久性", "startDate",
        today.minusDays(5).toString(), "endDate", today.plusDays(30).toString(), "reportDeadline",
        today.plusDays(40).toString()));
    assertThat(c.status()).as(c.toString()).isEqualTo(201);
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      long w = s.worker("持久" + "甲乙丙丁".charAt(i), TestIds.nextId(), TestIds.nextCard());
      Api.Res r = s.as("officer").post("/api/v1/cases", Map.of("campaignCode", campaign, "workerId", w, "category",
          "C1", "fundSource", "B3", "paymentMethod", "BANK_CARD", "amountYuan", "300." + i + "0", "reason", "春节慰问",
          "visit", Map.of("plannedDate", today.plusDays(1).toString(), "location", "家中", "visitors", "经办人")));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
      String n = r.json().path("caseNumber").asText();
      assertThat(s.as("finance").post("/api/v1/cases/" + n + "/approval", Map.of("decision", "APPROVE")).status())
          .isEqualTo(200);
      cases.add(n);
    }
    Api.Res batch = s.as("finance").post("/api/v1/payment-batches", Map.of("orgCode", s.school));
    assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
    long batchId = batch.json().path("id").asLong();
    assertThat(s.as("finance").get("/api/v1/payment-batches/" + batchId + "/bank-file").status()).isEqualTo(200);

    // The writes under test, each answered 200, then the kill right after the last answer.
    for (String n : cases) {
      Api.Res v = s.as("officer").post("/api/v1/cases/" + n + "/visit", Map.of("outcome", "COMPLETED", "visitedOn",
          today.toString(), "visitors", "工会主席", "notes", "已慰问", "receiptSigned", false));
      assertThat(v.status()).as(v.toString()).isEqualTo(200);
    }
    StringBuilder csv = new StringBuilder("reference,status,message\n");
    cases.forEach(n -> csv.append(n).append(",SUCCESS,ok\n"));
    Api.Res result = s.as("finance").postRaw("/api/v1/payment-batches/" + batchId + "/bank-result", "text/csv",
        csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    assertThat(result.json().path("succeeded").asInt()).isEqualTo(cases.size());
    int exit = jar.kill();
    assertThat(exit).as("SIGKILL (128 + 9)").isEqualTo(137);

    jar.start(START);
    for (String n : cases) {
      JsonNode k = s.as("officer").get("/api/v1/cases/" + n).json();
      assertThat(k.path("visit").path("status").asText()).as(n).isEqualTo("COMPLETED");
      assertThat(k.path("visit").path("visitedOn").asText()).as(n).isEqualTo(today.toString());
      assertThat(k.path("payment").path("status").asText()).as(n).isEqualTo("PAID");
    }
    assertThat(s.as("finance").get("/api/v1/payment-batches/" + batchId).json().path("status").asText())
        .isEqualTo("SETTLED");
    // The same result file again changes nothing: nothing would be paid twice.
    Api.Res again = s.as("finance").postRaw("/api/v1/payment-batches/" + batchId + "/bank-result", "text/csv",
        csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
  }

}

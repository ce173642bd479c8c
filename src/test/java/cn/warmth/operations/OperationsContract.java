package cn.warmth.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.shared.ClusterJobs;
import cn.warmth.support.Api;
import cn.warmth.support.BrowserSession;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 in the running application: health and metrics on the management port only, request
 * ids in and out, sessions in the database, the engine's tables from the migrations, and the
 * claim that lets one node run a scheduled job. Written once, run on H2 and PostgreSQL.
 */
abstract class OperationsContract {
  @LocalServerPort
  int port;
  @LocalManagementPort
  int managementPort;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ClusterJobs jobs;
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> management(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthAndMetricsAreOnTheManagementPortOnly() throws Exception {
    assertThat(managementPort).isNotEqualTo(port);
    HttpResponse<String> live = management("/actuator/health/liveness");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("\"status\":\"UP\"");
    // Readiness looks at the database and the engine's job executor; the tests turn the executor
    // off (they fire jobs themselves), so here the application is live but not ready.
    HttpResponse<String> ready = management("/actuator/health/readiness");
    assertThat(ready.body()).contains("\"db\":{\"status\":\"UP\"}").contains("\"jobAcquisition\":{\"status\":\"DOWN\"}");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(Api.at(port).get("/actuator/health").status()).as("not on the users' port").isEqualTo(404);
    assertThat(Api.at(port).get("/actuator/prometheus").status()).isEqualTo(404);
  }

  @Test
  void prometheusHasRequestTimingsPaymentsTasksAndImports() throws Exception {
    Scenario s = new Scenario(port);
    s.worker("度量甲", TestIds.nextId(), TestIds.nextCard());
    assertThat(s.as("officer").get("/api/v1/workers").status()).isEqualTo(200);
    String body = management("/actuator/prometheus").body();
    assertThat(body).contains("http_server_requests_seconds_count{").contains("uri=\"/api/v1/workers\"");
    assertThat(body).contains("warmth_payments{application=\"warmth\",status=\"PAID\"}")
        .contains("warmth_payments_amount_yuan{application=\"warmth\",status=\"PENDING\"}")
        .contains("warmth_tasks_open{application=\"warmth\"}")
        .contains("warmth_jobs_failed{application=\"warmth\",retries=\"none\"}")
        .contains("warmth_incidents_open{application=\"warmth\"}");
    assertThat(body).as("gauges hold numbers, not NaN").doesNotContain("warmth_tasks_open{application=\"warmth\"} NaN");
    // A refused import is timed too.
    Api.Res refused = s.as("officer").postMultipart("/api/v1/workers/import", java.util.Map.of(), "file", "x.xlsx",
        "not a workbook".getBytes());
    assertThat(refused.status()).isBetween(400, 499);
    assertThat(management("/actuator/prometheus").body())
        .contains("warmth_import_duration_seconds_count{application=\"warmth\",kind=\"workers\",outcome=\"refused\"}");
  }

  @Test
  void requestIdsComeInAndGoOut() {
    Api anonymous = Api.at(port);
    String mine = "drill-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> echoed = new BrowserSession(port).request("/login", b -> b.header("X-Request-Id", mine).GET());
    assertThat(echoed.headers().firstValue("X-Request-Id")).hasValue(mine);
    HttpResponse<String> bad = new BrowserSession(port).request("/login", b -> b.header("X-Request-Id", "a b<script>").GET());
    assertThat(bad.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{32}");
    assertThat(anonymous.get("/api/v1/orgs").header("X-Request-Id")).matches("[0-9a-f]{32}");
  }

  @Test
  void aSignedInSessionLivesInTheDatabaseWithItsCsrfToken() {
    Scenario s = new Scenario(port);
    BrowserSession page = new BrowserSession(port);
    assertThat(page.login(s.name("officer"), Scenario.PW)).doesNotContain("error");
    assertThat(page.cookie("SESSION")).as("Spring Session's cookie").isNotBlank();
    assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION where PRINCIPAL_NAME = ?", Integer.class,
        s.name("officer"))).isEqualTo(1);
    // A page with a form makes the token (the one from before the sign-in was replaced).
    assertThat(page.get("/").body()).contains("name=\"_csrf\"");
    assertThat(jdbc.queryForObject("""
        select count(*) from SPRING_SESSION_ATTRIBUTES a join SPRING_SESSION s on s.PRIMARY_ID = a.SESSION_PRIMARY_ID
        where s.PRINCIPAL_NAME = ? and upper(a.ATTRIBUTE_NAME) like '%CSRF_TOKEN%'""", Integer.class, s.name("officer")))
        .as("the CSRF token travels with the session").isEqualTo(1);
    assertThat(page.get("/").statusCode()).isEqualTo(200);
  }

  @Test
  void theEngineTablesComeFromTheMigrations() {
    assertThat(jdbc.queryForObject("select count(*) from \"flyway_schema_history\" where \"version\" = '41' and \"success\" = true",
        Integer.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select VERSION_ from ACT_GE_SCHEMA_LOG where ID_ = '0'", String.class))
        .isEqualTo(org.camunda.bpm.engine.impl.util.ProductPropertiesUtil.getProductVersion());
  }

  @Test
  void oneNodeWinsEachRunOfAScheduledJob() {
    String run = "run-" + UUID.randomUUID();
    assertThat(jobs.claim("test-job", run)).isTrue();
    assertThat(jobs.claim("test-job", run)).as("the second node").isFalse();
    assertThat(jobs.claim("test-job", run + "-next")).isTrue();
    jobs.finished("test-job", run);
    assertThat(jdbc.queryForObject("select count(*) from job_run where job_name = 'test-job' and run_key = ? "
        + "and finished_at is not null", Integer.class, run)).isEqualTo(1);
  }
}

package cn.warmth.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * API reads, 50 closed-loop clients with personal API tokens ({@code -Dload.auth=basic} for HTTP
 * Basic): each signs in as a unit officer or finance officer, a city manager or the province's,
 * and reads its inbox, the case list, one case and the statistics table, again and again.
 * Target: ≥ 300 requests/s, p95 < 300 ms, no errors.
 */
public class ApiReadsSimulation extends Simulation {
  static final int CLIENTS = Integer.getInteger("load.clients", 50);
  final List<Map<String, Object>> readers = Readers.mix(CLIENTS);

  final HttpProtocolBuilder protocol = http.baseUrl(Harness.BASE).acceptHeader("application/json")
      .acceptLanguageHeader("zh-CN");

  final ScenarioBuilder reads = scenario("API reads").feed(readers.iterator()).forever().on(
      exec(session -> {
        @SuppressWarnings("unchecked")
        List<String> cases = (List<String>) session.get("cases");
        return session.set("caseNumber", cases.isEmpty() ? "NONE" : cases.get(ThreadLocalRandom.current().nextInt(cases.size())));
      })
      .exec(http("GET /api/v1/tasks").get("/api/v1/tasks?size=50").header("Authorization", "#{auth}")
          .check(status().is(200)))
      .exec(http("GET /api/v1/cases").get("/api/v1/cases?campaign=#{campaign}&size=50").header("Authorization", "#{auth}")
          .check(status().is(200)))
      .exec(http("GET /api/v1/cases/{n}").get("/api/v1/cases/#{caseNumber}").header("Authorization", "#{auth}")
          .check(status().is(200)))
      .exec(http("GET /api/v1/statistics").get("/api/v1/statistics?campaign=#{campaign}").header("Authorization", "#{auth}")
          .check(status().is(200))));

  {
    setUp(reads.injectOpen(atOnceUsers(CLIENTS))).protocols(protocol).maxDuration(Harness.DURATION);
  }

  @Override
  public void after() {
    Harness.revokeTokens();
  }
}

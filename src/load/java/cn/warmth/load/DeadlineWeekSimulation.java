package cn.warmth.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The deadline week, all at once: 8 officers carrying whole cases, 4 finance officers working
 * through the sign-off desk (the generated cases waiting for them), 10 managers reading the
 * statistics table, the breakdown and the dashboard, 20 users on their pages and 10 API clients
 * reading. One group per population in the report (and one summary line each).
 */
public class DeadlineWeekSimulation extends Simulation {
  final HttpProtocolBuilder protocol = http.baseUrl(Harness.BASE).acceptLanguageHeader("zh-CN");

  final ScenarioBuilder officers = scenario("officers carrying cases")
      .feed(Officers.clients(8, 3, (int) Math.max(200, Harness.DURATION.toSeconds() * 5)).iterator())
      .forever().on(group("officers").on(Officers.wholeCase()));

  final ScenarioBuilder desk = scenario("finance signing off").feed(financeDesk().iterator())
      .forever().on(group("finance desk").on(
          exec(http("GET /api/v1/approvals").get("/api/v1/approvals?size=20").header("Authorization", "#{auth}")
              .check(status().is(200), jsonPath("$[0].caseNumber").optional().saveAs("pending")))
          .doIfOrElse(session -> session.contains("pending")).then(
              exec(http("POST /api/v1/approvals").post("/api/v1/approvals").header("Authorization", "#{auth}")
                  .header("Content-Type", "application/json")
                  .body(StringBody("{\"caseNumbers\":[\"#{pending}\"],\"comment\":\"同意\"}")).check(status().is(200)))
              .exec(session -> session.remove("pending")))
          .orElse(exec(session -> session).pause(Duration.ofSeconds(1)))));

  final ScenarioBuilder managers = scenario("managers reading the table").feed(managerPages().iterator())
      .exec(Pages.signIn()).forever().on(group("managers").on(Pages.nextPage()));

  final ScenarioBuilder pages = scenario("signed-in pages").feed(Pages.mix(20, 100).iterator())
      .exec(Pages.signIn()).forever().on(group("pages").on(Pages.nextPage()));

  final ScenarioBuilder api = scenario("API reads").feed(Readers.mix(10).iterator()).forever().on(group("api").on(
      exec(http("GET /api/v1/tasks").get("/api/v1/tasks?size=50").header("Authorization", "#{auth}")
          .check(status().is(200)))
      .exec(http("GET /api/v1/cases").get("/api/v1/cases?campaign=#{campaign}&size=50").header("Authorization", "#{auth}")
          .check(status().is(200)))
      .exec(http("GET /api/v1/statistics").get("/api/v1/statistics?campaign=#{campaign}").header("Authorization", "#{auth}")
          .check(status().is(200)))));

  /** Finance officers of units other than the officers' (the generated cases waiting at their units). */
  static List<Map<String, Object>> financeDesk() {
    List<String> units = Harness.units();
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String unit = units.get((40 + i * 17) % units.size());
      out.add(Map.of("auth", Harness.auth(Harness.user(unit, "finance"))));
    }
    return out;
  }

  /** Unit, city and province managers on the table, the breakdown, the dashboard and the reports. */
  static List<Map<String, Object>> managerPages() {
    List<String> units = Harness.units();
    List<String> cities = Harness.cities();
    String c = Harness.CAMPAIGN;
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String scope = i < 4 ? units.get((i * 29 + 2) % units.size()) : i < 9 ? cities.get(i % cities.size()) : Harness.root();
      Map<String, Object> m = Pages.user(Harness.user(scope, "manager"), "manager", scope);
      @SuppressWarnings("unchecked")
      List<String[]> p = (List<String[]>) m.get("pages");
      p.add(new String[] {"page /statistics/breakdown", "/statistics/breakdown?campaign=" + c});
      out.add(m);
    }
    return out;
  }

  {
    setUp(officers.injectOpen(atOnceUsers(8)), desk.injectOpen(atOnceUsers(4)), managers.injectOpen(atOnceUsers(10)),
        pages.injectOpen(atOnceUsers(20)), api.injectOpen(atOnceUsers(10)))
        .protocols(protocol).maxDuration(Harness.DURATION);
  }

  @Override
  public void after() {
    Harness.revokeTokens();
  }
}

package cn.warmth.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.List;
import java.util.Map;

/**
 * One user alone (a unit's officer, its finance officer signing off): every API call of the
 * read and whole-case scenarios and every page of an officer and a manager, one after the other.
 * Target: each p50 < 50 ms.
 */
public class AloneSimulation extends Simulation {
  final List<Map<String, Object>> officer = Officers.clients(1, 57, 2000);
  final String unit = (String) officer.get(0).get("unit");
  final Map<String, Object> reader = Harness.reader(Harness.user(unit, "officer"), unit);
  final List<String[]> pages;

  {
    pages = new java.util.ArrayList<>(Pages.of("officer", unit));
    Pages.of("manager", unit).stream().filter(p -> !p[1].equals("/") && !p[1].startsWith("/cases")).forEach(pages::add);
  }

  final ScenarioBuilder alone = scenario("One user alone").feed(List.of(merged()).iterator())
      .exec(Pages.signIn())
      .forever().on(
          exec(http("GET /api/v1/tasks").get("/api/v1/tasks?size=50").header("Authorization", "#{auth}")
              .check(status().is(200)))
          .exec(http("GET /api/v1/cases").get("/api/v1/cases?campaign=#{campaign}&size=50")
              .header("Authorization", "#{auth}").check(status().is(200)))
          .exec(http("GET /api/v1/cases/{n}").get("/api/v1/cases/#{oneCase}").header("Authorization", "#{auth}")
              .check(status().is(200)))
          .exec(http("GET /api/v1/statistics").get("/api/v1/statistics?campaign=#{campaign}")
              .header("Authorization", "#{auth}").check(status().is(200)))
          .exec(http("GET /api/v1/workers?q=").get("/api/v1/workers?q=%E7%8E%8B").header("Authorization", "#{auth}")
              .check(status().is(200)))
          .exec(Officers.wholeCase())
          .repeat(pages.size()).on(Pages.nextPage()));

  Map<String, Object> merged() {
    Map<String, Object> m = new java.util.HashMap<>(officer.get(0));
    m.putAll(reader);
    @SuppressWarnings("unchecked")
    List<String> cases = (List<String>) reader.get("cases");
    m.put("oneCase", cases.isEmpty() ? "NONE" : cases.get(0));
    m.put("pages", pages);
    m.put("i", 0);
    return m;
  }

  {
    setUp(alone.injectOpen(atOnceUsers(1)))
        .protocols(http.baseUrl(Harness.BASE).acceptHeader("application/json, text/html").acceptLanguageHeader("zh-CN"))
        .maxDuration(Harness.DURATION);
  }

  @Override
  public void after() {
    Harness.revokeTokens();
  }
}

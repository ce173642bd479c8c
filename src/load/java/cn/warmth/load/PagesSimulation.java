package cn.warmth.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Signed-in pages, 50 closed-loop users: form login with the CSRF token, then their role's pages
 * (inbox, case list, visits, one case, workers, the desk, the table, the dashboard) in turn.
 * Target: ≥ 150 pages/s, p95 < 500 ms. Only the HTML is fetched (scripts and styles are static).
 */
public class PagesSimulation extends Simulation {
  static final int USERS = Integer.getInteger("load.clients", 50);

  final ScenarioBuilder pages = scenario("Signed-in pages").feed(Pages.mix(USERS, 0).iterator())
      .exec(Pages.signIn()).forever().on(Pages.nextPage());

  {
    setUp(pages.injectOpen(atOnceUsers(USERS)))
        .protocols(http.baseUrl(Harness.BASE).acceptHeader("text/html").acceptLanguageHeader("zh-CN"))
        .maxDuration(Harness.DURATION);
  }
}

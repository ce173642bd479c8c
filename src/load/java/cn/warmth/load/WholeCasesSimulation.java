package cn.warmth.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Whole cases, 8 closed-loop clients (one unit each, personal API tokens): open → finance sign-off
 * → visit with signed receipt → close, again and again. Target: ≥ 25 cases/s (the close calls per
 * second), none refused.
 */
public class WholeCasesSimulation extends Simulation {
  static final int CLIENTS = Integer.getInteger("load.clients", 8);

  final ScenarioBuilder officers = scenario("Whole cases")
      .feed(Officers.clients(CLIENTS, 0, (int) Math.max(200, Harness.DURATION.toSeconds() * 10)).iterator())
      .forever().on(Officers.wholeCase());

  {
    setUp(officers.injectOpen(atOnceUsers(CLIENTS)))
        .protocols(http.baseUrl(Harness.BASE).acceptHeader("application/json").acceptLanguageHeader("zh-CN"))
        .maxDuration(Harness.DURATION);
  }

  @Override
  public void after() {
    Harness.revokeTokens();
  }
}

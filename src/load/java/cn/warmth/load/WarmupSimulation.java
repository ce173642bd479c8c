package cn.warmth.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Simulation;

/** A few clients on every kind of call for a short while, so that the measured runs meet a warm JVM. */
public class WarmupSimulation extends Simulation {
  {
    setUp(scenario("warm-up: cases").feed(Officers.clients(2, 70, 400).iterator()).forever().on(Officers.wholeCase())
            .injectOpen(atOnceUsers(2)),
        scenario("warm-up: pages").feed(Pages.mix(4, 200).iterator()).exec(Pages.signIn()).forever()
            .on(Pages.nextPage()).injectOpen(atOnceUsers(4)))
        .protocols(http.baseUrl(Harness.BASE).acceptLanguageHeader("zh-CN"))
        .maxDuration(java.time.Duration.ofSeconds(Long.getLong("load.warmup", 30)));
  }

  @Override
  public void after() {
    Harness.revokeTokens();
  }
}

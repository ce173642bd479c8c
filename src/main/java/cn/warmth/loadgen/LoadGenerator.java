package cn.warmth.loadgen;

import cn.warmth.organisation.OrgType;
import cn.warmth.organisation.Organisations;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Profile {@code loadgen} (with {@code postgres} and {@code demo}, see ops/load/run.sh): fills the
 * province for the load harness after the demo data, then stops the application. Settings
 * {@code app.loadgen.*}: 11 cities × 10 grassroots units, 100,000 workers, 100,000 cases of which
 * 10,000 open; {@code app.loadgen.cases=1000000} for the large run. A database whose campaign
 * already holds cases is left alone.
 */
@Component
@Profile("loadgen")
@Order(20)
class LoadGenerator implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(LoadGenerator.class);

  private final ProvinceFill fill;
  private final Organisations organisations;
  private final JdbcTemplate jdbc;
  private final ConfigurableApplicationContext context;

  @Value("${app.loadgen.cities:11}") int cities;
  @Value("${app.loadgen.units-per-city:10}") int unitsPerCity;
  @Value("${app.loadgen.workers:100000}") int workers;
  @Value("${app.loadgen.cases:100000}") int cases;
  @Value("${app.loadgen.open-cases:10000}") int openCases;
  @Value("${app.loadgen.campaign:2024-YDCJ}") String campaign;
  @Value("${app.loadgen.password:warmth-demo-2024}") String password;
  @Value("${app.loadgen.threads:2}") int threads;
  @Value("${app.loadgen.exit:true}") boolean exit;
  @Value("${app.bootstrap.admin-username:admin}") String admin;

  LoadGenerator(ProvinceFill fill, Organisations organisations, JdbcTemplate jdbc, ConfigurableApplicationContext context) {
    this.fill = fill;
    this.organisations = organisations;
    this.jdbc = jdbc;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    Integer already = jdbc.queryForObject("select count(*) from aid_case where campaign_code = ?", Integer.class, campaign);
    if (already != null && already > 1000) {
      log.info("load: campaign {} already holds {} cases; nothing generated", campaign, already);
    } else {
      String root = organisations.root().orElseThrow().code();
      List<String> cityCodes = new ArrayList<>(organisations.children(root).stream()
          .filter(o -> o.type() == OrgType.CITY).map(o -> o.code()).sorted().limit(cities).toList());
      for (int n = 1; cityCodes.size() < cities; n++) {
        String code = root + "-L" + String.format("%02d", n);
        if (!cityCodes.contains(code)) {
          cityCodes.add(code);
        }
      }
      var result = fill.fill(new ProvinceFill.Plan(admin, cityCodes, unitsPerCity, workers, cases,
          Math.min(openCases, cases), campaign, password, threads, 0.5));
      log.info("load: done in {} s: {} units, {} workers, cases {}", result.millis() / 1000, result.units().size(),
          result.workers(), result.casesByStatus());
    }
    if (exit) {
      System.exit(SpringApplication.exit(context, () -> 0));
    }
  }
}

package cn.warmth.performance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.statistics.Statistics;
import cn.warmth.support.Api;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The test-data generator and the measurement behind docs/performance.md. Run with
 * {@code mvn -Pperf verify} (100,000 cases) or {@code mvn -Pperf verify -Dperf.cases=1000000}.
 * Facts are written with JDBC batches, as closing would write them; the province table is then
 * computed the Warmth way (SQL aggregation) and the naive way (one history query per process
 * instance, on a smaller sample, scaled linearly).
 */
abstract class StatisticsPerformanceContract {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Statistics statistics;
  @Autowired
  cn.warmth.statistics.SummaryRebuild summaryRebuild;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;

  static final String CAMPAIGN = "PERF-2024";
  static final String[] CITIES = {"XA", "BJ", "XY", "TC", "WN", "YA", "YL", "HZ", "AK", "SL", "YLQ"};

  abstract String database();

  @Test
  void provinceTableAtScale() {
    int cases = Integer.getInteger("perf.cases", 100_000);
    int naiveSample = Integer.getInteger("perf.naive", 1_000);
    Api admin = Api.at(port).as("admin", "warmth-root-pw-1");
    admin.post("/api/v1/campaigns", Map.of("code", CAMPAIGN, "name", "性能测试", "startDate", "2024-01-01",
        "endDate", "2024-02-20", "reportDeadline", "2024-02-24"));
    List<String> paths = tree(admin);
    long t0 = System.nanoTime();
    generate(cases, paths);
    long loadMs = (System.nanoTime() - t0) / 1_000_000;

    asAdmin();
    try {
      for (int i = 0; i < 5; i++) {
        statistics.cells(CAMPAIGN, "SX");
      }
      long[] runs = new long[21];
      for (int i = 0; i < runs.length; i++) {
        long s = System.nanoTime();
        var cells = statistics.cells(CAMPAIGN, "SX");
        runs[i] = System.nanoTime() - s;
        assertThat(cells.raw("C")).isEqualTo(cases);
      }
      Arrays.sort(runs);
      double median = runs[runs.length / 2] / 1e6;
      double p90 = runs[(int) (runs.length * 0.9)] / 1e6;
      long cityStart = System.nanoTime();
      statistics.cells(CAMPAIGN, "SX-XA");
      double city = (System.nanoTime() - cityStart) / 1e6;

      // The same table straight from the facts (the design before the summary), for comparison.
      long[] factRuns = new long[11];
      for (int i = 0; i < factRuns.length; i++) {
        long s = System.nanoTime();
        jdbc.queryForList("""
            select category, count(*), sum(amount_fen + goods_fen), sum(case when e1 then 1 else 0 end),
                   sum(case when new_form then 1 else 0 end), sum(case when disabled then 1 else 0 end)
            from stat_case_fact where campaign_code = ? and org_path like ? and voided = false group by category""",
            CAMPAIGN, "/SX/%");
        factRuns[i] = System.nanoTime() - s;
      }
      Arrays.sort(factRuns);
      System.out.printf("PERF %s facts.scan.median=%.1fms%n", database(), factRuns[factRuns.length / 2] / 1e6);
      double naivePerCase = naive(naiveSample);
      System.out.printf("PERF %s cases=%d load=%dms province.median=%.1fms province.p90=%.1fms city=%.1fms "
          + "naive.sample=%d naive.perCase=%.3fms naive.extrapolated=%.0fms%n", database(), cases, loadMs, median, p90,
          city, naiveSample, naivePerCase, naivePerCase * cases);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** The naive way: finished aid-case instances, one history query each for their variables. */
  double naive(int sample) {
    for (int i = 0; i < sample; i++) {
      var pi = runtime.startProcessInstanceByKey("aidCase", "NAIVE-" + i, Map.of("caseId", (long) i, "totalFen", 50_000L + i,
          "overCap", false, "fundSource", "B3", "paymentMethod", "CASH", "financeGroups", List.of("finance@SX"),
          "managerGroups", List.of("manager@SX"), "officerGroups", List.of("officer@SX"), "campaign", CAMPAIGN));
      var task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
      tasks.complete(task.getId(), Map.of("approved", false));
    }
    long s = System.nanoTime();
    long sum = 0;
    int n = 0;
    for (HistoricProcessInstance h : history.createHistoricProcessInstanceQuery().processDefinitionKey("aidCase")
        .finished().variableValueEquals("campaign", CAMPAIGN).list()) {
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(h.getId()).list()) {
        if (v.getName().equals("totalFen")) {
          sum += (Long) v.getValue();
          n++;
        }
      }
    }
    assertThat(n).isEqualTo(sample);
    assertThat(sum).isPositive();
    return (System.nanoTime() - s) / 1e6 / sample;
  }

  List<String> tree(Api admin) {
    List<String> paths = new ArrayList<>();
    for (String c : CITIES) {
      String city = "SX-" + c;
      admin.post("/api/v1/orgs", Map.of("code", city, "name", c + "市教育工会", "type", "CITY", "parentCode", "SX"));
      for (int g = 1; g <= 10; g++) {
        String school = city + "-" + g;
        admin.post("/api/v1/orgs", Map.of("code", school, "name", c + "学校" + g, "type", "GRASSROOTS", "parentCode", city));
        paths.add("/SX/" + city + "/" + school + "/");
      }
    }
    return paths;
  }

  void generate(int cases, List<String> paths) {
    Random r = new Random(7);
    List<Object[]> batch = new ArrayList<>(5_000);
    java.sql.Date closed = java.sql.Date.valueOf(LocalDate.of(2024, 2, 1));
    for (int i = 0; i < cases; i++) {
      String path = paths.get(r.nextInt(paths.size()));
      String org = path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1);
      batch.add(new Object[] {"PERF-" + i, CAMPAIGN, org, path, "C" + (1 + r.nextInt(11)), "B" + (1 + r.nextInt(6)),
          10_000L + r.nextInt(290_000), r.nextBoolean() ? 0L : (long) r.nextInt(50_000), r.nextBoolean(), r.nextBoolean(),
          r.nextInt(4) == 0, r.nextInt(5) == 0, r.nextInt(5) == 0, r.nextInt(6) == 0, r.nextInt(10) == 0, closed});
      if (batch.size() == 5_000 || i == cases - 1) {
        jdbc.batchUpdate("""
            insert into stat_case_fact (case_number, campaign_code, org_code, org_path, category, fund_source, amount_fen,
              goods_fen, e1, e2, e3, e4, e5, new_form, disabled, closed_on, voided)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)""", batch);
        batch.clear();
      }
    }
    // The summary rows closing keeps in step, built here from the facts in one statement.
    summaryRebuild.rebuild(CAMPAIGN);
    if ("PostgreSQL".equals(database())) {
      jdbc.execute("analyze stat_case_fact");
      jdbc.execute("analyze stat_summary");
    }
  }

  void asAdmin() {
    var admin = new cn.warmth.shared.WarmthUser("admin", "", "管理员", "SX", "", "/SX/",
        java.util.Set.of(cn.warmth.shared.Role.MANAGER, cn.warmth.shared.Role.ADMIN), true, false, false);
    SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
  }
}

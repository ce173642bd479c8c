package cn.warmth.performance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.BrowserSession;
import cn.warmth.support.PostgresTest;
import cn.warmth.support.Scenario;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lists with 100,000 rows (issue 11), measured on PostgreSQL behind docs/performance.md: a city
 * with {@code perf.rows} workers and as many cases (JDBC batches), then the list pages as the
 * city's manager sees them — first page with its total, a later page, a sort, a search by name,
 * by the ID's last 4 and by case number, the 困难档案 list — each the median of 11 requests over
 * HTTP (rendering included). Run with {@code mvn -Pperf verify -Dit.test=ListsPostgresPerfIT}.
 */
@PostgresTest
class ListsPostgresPerfIT {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void listPagesStayFastWith100000Rows() {
    int rows = Integer.getInteger("perf.rows", 100_000);
    Scenario s = new Scenario(port);
    String path = "/SX/" + s.city + "/" + s.school + "/";
    long t0 = System.nanoTime();
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> workers = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      String last4 = String.format("%04d", i % 10_000);
      workers.add(new Object[] {"性能" + (char) ('一' + i % 5000) + (char) ('丁' + i / 5000), "enc", s.p + "-h" + i,
          "610**********" + last4, last4, s.school, path, now, now});
    }
    jdbc.batchUpdate("insert into worker (name, id_number_enc, id_number_hash, id_number_masked, id_last4, gender,"
        + " birth_date, org_code, org_path, employment_type, disabled, created_at, updated_at) values (?, ?, ?, ?, ?,"
        + " 'MALE', date '1980-01-01', ?, ?, 'ESTABLISHED', false, ?, ?)", workers);
    Long firstWorker = jdbc.queryForObject("select min(id) from worker where org_path = ?", Long.class, path);
    String[] statuses = {"PENDING_APPROVAL", "IN_PROGRESS", "CLOSED", "REJECTED"};
    List<Object[]> cases = new ArrayList<>();
    LocalDate day = LocalDate.now();
    for (int i = 0; i < rows; i++) {
      cases.add(new Object[] {s.p + "-2026-" + String.format("%06d", i), s.school, path, firstWorker + i,
          "C" + (1 + i % 11), 10_000L + i % 300_000, statuses[i % 4], java.sql.Date.valueOf(day.plusDays(i % 60 - 20)),
          now});
    }
    jdbc.batchUpdate("insert into aid_case (case_number, campaign_code, org_code, org_path, worker_id, category,"
        + " fund_source, payment_method, amount_fen, goods_value_fen, assistance, reason, over_cap, cap_year, status,"
        + " payment_status, visit_planned_date, visit_location, visit_visitors, visit_status, opened_by, opened_at)"
        + " values (?, 'PERF-LIST', ?, ?, ?, ?, 'B3', 'CASH', ?, 0, 'E2', '性能', false, 2026, ?, 'NOT_DUE', ?, '家中',"
        + " '工会', 'PLANNED', 'perf', ?)", cases);
    String[] fileStatuses = {"PENDING_REVIEW", "PUBLIC_NOTICE", "FILED", "REJECTED", "CLOSED"};
    List<Object[]> files = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      files.add(new Object[] {firstWorker + i, s.school, path, fileStatuses[i % 5], now});
    }
    jdbc.batchUpdate("insert into hardship_file (worker_id, org_code, org_path, status, category, reasons,"
        + " household_size, annual_income_fen, annual_expenses_fen, submitted_by, submitted_at) values (?, ?, ?, ?,"
        + " 'DEEP', 'LOW_INCOME', 3, 100, 0, 'perf', ?)", files);
    jdbc.execute("analyze worker");
    jdbc.execute("analyze aid_case");
    jdbc.execute("analyze hardship_file");
    long loadMs = (System.nanoTime() - t0) / 1_000_000;

    BrowserSession manager = new BrowserSession(port);
    manager.login(s.name("citymanager"), Scenario.PW);
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("cases, first page with total", "/cases");
    pages.put("cases, page 1,000 (rows 50,001–50,050)", "/cases?page=1000");
    pages.put("cases, sorted by amount", "/cases?sort=-amount");
    pages.put("cases, one status", "/cases?status=CLOSED");
    pages.put("cases, search by case number", "/cases?q=" + s.p + "-2026-054321");
    pages.put("cases, search by ID last 4", "/cases?q=4321");
    pages.put("cases, search by name", "/cases?q=" + BrowserSession.enc("性能丁丁"));
    pages.put("workers, first page with total", "/workers");
    pages.put("workers, search by name", "/workers?q=" + BrowserSession.enc("性能一"));
    pages.put("workers, search by ID last 4", "/workers?q=4321");
    pages.put("hardship files, in 公示", "/hardship-files?status=PUBLIC_NOTICE");
    pages.put("visits, all within 30 days", "/visits");
    StringBuilder report = new StringBuilder("Lists on PostgreSQL with " + rows + " workers, cases and files (load "
        + loadMs + " ms); median of 11 over HTTP, rendering included:\n");
    pages.forEach((what, url) -> {
      for (int i = 0; i < 3; i++) {
        manager.get(url);
      }
      long[] runs = new long[11];
      for (int i = 0; i < runs.length; i++) {
        long t = System.nanoTime();
        HttpResponse<String> r = manager.get(url);
        runs[i] = System.nanoTime() - t;
        assertThat(r.statusCode()).as(url).isEqualTo(200);
      }
      Arrays.sort(runs);
      report.append(String.format("  %-42s %6.1f ms (p90 %6.1f ms)%n", what, runs[5] / 1e6, runs[9] / 1e6));
    });
    assertThat(manager.get("/cases").body()).contains("共 " + String.format("%,d", rows) + " 条");
    String plan = String.join("\n", jdbc.queryForList("explain select * from aid_case where org_path like ? order by id"
        + " desc limit 50", String.class, "/SX/" + s.city + "/%"));
    report.append("EXPLAIN first page of cases:\n").append(plan).append('\n');
    System.out.println(report);
    try {
      java.nio.file.Files.writeString(java.nio.file.Path.of("target/lists-performance.txt"), report.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package cn.warmth.performance;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The hot queries' plans on PostgreSQL (issue 13), on a database whose collation is linguistic
 * (C.UTF-8: PostgreSQL treats only "C"/"POSIX" as byte order) and that already holds a province's
 * worth of rows when V37/V38 arrive: before them a prefix match on the path is no index range,
 * after them it is one, in the queries the application sends (same SQL shape, bound parameters,
 * so the planner sees the values as it does for the application's statements).
 */
class PrefixIndexPlansPostgresIT {
  static EmbeddedPostgres pg;
  static SingleConnectionDataSource ds;
  static JdbcTemplate jdbc;
  static final String UNIT = "/SX/SX-C03/SX-C03-G04/";
  static final String CITY = "/SX/SX-C03/";
  /** The lower bound of a prefix range on the path, as EXPLAIN prints it. */
  static final String RANGE = "org_path\\)?(::text)? >= '";

  @BeforeAll
  static void start() throws IOException, SQLException {
    pg = EmbeddedPostgres.builder().start();
    try (Connection c = pg.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("create database plans template template0 encoding 'UTF8' "
          + "lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'");
    }
    DataSource plans = pg.getDatabase("postgres", "plans");
    ds = new SingleConnectionDataSource(plans.getConnection(), true);
    jdbc = new JdbcTemplate(ds);
  }

  @AfterAll
  static void stop() throws IOException {
    ds.destroy();
    pg.close();
  }

  static Flyway flyway(String target) {
    return Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
        .target(target).load();
  }

  @Test
  void prefixMatchesBecomeIndexRangesOnAFilledDatabase() {
    assertThat(jdbc.queryForObject("select datcollate from pg_database where datname = 'plans'", String.class))
        .isNotIn("C", "POSIX");
    flyway("36").migrate();
    fill();
    jdbc.execute("analyze");

    // Before: the path index cannot serve the prefix, even when sequential scans are off.
    String before = plan(true, "select * from aid_case where org_path like ? and campaign_code = ? order by id desc limit 50",
        UNIT + "%", "LOAD");
    assertThat(before).as(before).doesNotContainPattern(RANGE);

    flyway("latest").migrate();
    jdbc.execute("analyze");

    // Case list (API and page: Criteria, LIKE with the bound pattern), a unit and a city; its count.
    String page = "select * from aid_case where org_path like ? and campaign_code = ? order by id desc "
        + "offset 0 rows fetch first 50 rows only";
    // One page (LIMIT 50, newest first): the planner may walk the primary key backwards and stop at the
    // 50th match instead of sorting the range, for a unit as for a city; never a sequential scan. The
    // count that goes with the page is an index range (below).
    for (String scope : List.of(UNIT, CITY)) {
      String p = plan(false, page, scope + "%", "LOAD");
      assertThat(p).as(p).doesNotContain("Seq Scan").containsPattern("Index (Only )?Scan");
    }
    for (String scope : List.of(UNIT, CITY)) {
      assertRange(plan(false, "select count(*) from aid_case where org_path like ? and campaign_code = ?", scope + "%",
          "LOAD"), "aid_case");
    }
    // Visits to make (JPQL concat(:scope, '%') is rendered as (? || '%')).
    assertRange(plan(false, """
        select * from aid_case where org_path like (? || '%') and visit_status = 'PLANNED'
          and status in ('PENDING_APPROVAL', 'IN_PROGRESS') and visit_planned_date <= ? order by visit_planned_date, id""",
        UNIT, java.sql.Date.valueOf("2026-12-31")), "aid_case");
    // Inbox, the application's part: the cases behind the tasks by number, their workers' names.
    assertThat(plan(false, "select * from aid_case where case_number in (?, ?, ?)", "C03-2026-000100",
        "C03-2026-000200", "C03-2026-000300")).contains("uk_aid_case_number").doesNotContain("Seq Scan");
    assertThat(plan(false, "select id, name from worker where id in (?, ?, ?)", 100L, 200L, 300L))
        .contains("worker_pkey").doesNotContain("Seq Scan");
    // Worker search: a name prefix (the rule) in a unit, and in the whole province.
    assertRange(plan(false, "select * from worker where org_path like (? || '%') and name like (? || '%') "
        + "order by name, id offset 0 rows fetch first 50 rows only", UNIT, "王"), "worker");
    String province = plan(false, "select * from worker where org_path like (? || '%') and name like (? || '%') "
        + "order by name, id offset 0 rows fetch first 50 rows only", "/SX/", "王建");
    assertThat(province).as(province).containsPattern("Index Cond: .*name\\)?(::text)? >=").doesNotContain("Seq Scan on worker");
    // Statistics drill-down (the cases behind a cell) and the table's summary, a unit and a city.
    for (String scope : List.of(UNIT, CITY)) {
      assertRange(plan(false, "select case_number from stat_case_fact where campaign_code = ? and org_path like ? "
          + "and voided = false and category = 'C4' order by case_number", "LOAD", scope + "%"), "stat_case_fact");
      assertRange(plan(true, "select category, sum(cases), sum(total_fen) from stat_summary where campaign_code = ? "
          + "and org_path like ? group by category", "LOAD", scope + "%"), "stat_summary");
    }
    // Dashboard progress: cases of a campaign below a path, by status.
    assertRange(plan(false, "select status, count(*) from aid_case where campaign_code = ? and org_path like ? "
        + "group by status", "LOAD", CITY + "%"), "aid_case");
    // The prefix is exact: ranges on byte order return what LIKE returns.
    assertThat(jdbc.queryForObject("select count(*) from aid_case where org_path like ?", Long.class, CITY + "%"))
        .isEqualTo(jdbc.queryForObject("select count(*) from aid_case where substring(org_path, 1, ?) = ?", Long.class,
            CITY.length(), CITY)).isPositive();
  }

  /** An index range on the path (or name) of the table: no sequential scan of it, no full index scan with a filter. */
  static void assertRange(String plan, String table) {
    assertThat(plan).as(plan).doesNotContain("Seq Scan on " + table).containsPattern("Index Cond: .*" + RANGE);
  }

  static String plan(boolean noSeqScan, String sql, Object... args) {
    return jdbc.execute((Connection c) -> {
      try (var st = c.createStatement()) {
        st.execute("set enable_seqscan = " + (noSeqScan ? "off" : "on"));
      }
      List<String> lines = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("explain " + sql)) {
        for (int i = 0; i < args.length; i++) {
          ps.setObject(i + 1, args[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            lines.add(rs.getString(1));
          }
        }
      }
      return String.join("\n", lines);
    });
  }

  /** A province: 11 cities × 10 units, 60,000 workers, 80,000 cases of two campaigns, their facts and summary. */
  static void fill() {
    jdbc.update("""
        insert into org_unit (code, name, type, parent_id, path, created_at)
        values ('SX', '省', 'PROVINCE', null, '/SX/', now())""");
    jdbc.update("""
        insert into org_unit (code, name, type, parent_id, path, created_at)
        select 'SX-C' || lpad(c::text, 2, '0'), '市' || c, 'CITY', (select id from org_unit where code = 'SX'),
               '/SX/SX-C' || lpad(c::text, 2, '0') || '/', now()
        from generate_series(1, 11) c""");
    jdbc.update("""
        insert into org_unit (code, name, type, parent_id, path, created_at)
        select p.code || '-G' || lpad(g::text, 2, '0'), '单位' || g, 'GRASSROOTS', p.id,
               p.path || p.code || '-G' || lpad(g::text, 2, '0') || '/', now()
        from org_unit p cross join generate_series(1, 10) g where p.type = 'CITY'""");
    jdbc.update("""
        insert into worker (name, id_number_enc, id_number_hash, id_number_masked, gender, birth_date, org_code, org_path,
          employment_type, disabled, created_at, updated_at)
        select substr('王李张刘陈杨黄赵吴周', 1 + n % 10, 1) || substr('建国秀兰小军德华丽娜', 1 + (n / 10) % 10, 1)
                 || substr('明芳伟强磊洋勇艳杰娟', 1 + (n / 100) % 10, 1),
               'enc' || n, 'hash' || n, '610***********' || lpad((n % 10000)::text, 4, '0'), 'MALE', date '1980-01-01',
               u.code, u.path, 'ESTABLISHED', false, now(), now()
        from generate_series(1, 60000) n
        join (select code, path, row_number() over (order by code) - 1 as k from org_unit where type = 'GRASSROOTS') u
          on u.k = n % 110""");
    jdbc.update("""
        insert into aid_case (case_number, campaign_code, org_code, org_path, worker_id, category, fund_source,
          payment_method, amount_fen, goods_value_fen, assistance, reason, over_cap, cap_year, status, payment_status,
          duplicate_key, visit_planned_date, visit_location, visit_visitors, visit_status, opened_by, opened_at)
        select 'C' || lpad((1 + n % 11)::text, 2, '0') || '-2026-' || lpad(n::text, 6, '0'),
               case when n % 4 = 0 then 'OLD' else 'LOAD' end, w.org_code, w.org_path, w.id, 'C' || (1 + n % 11), 'B3',
               'CASH', 20000, 0, '', '慰问', false, 2026,
               case when n % 10 = 0 then 'IN_PROGRESS' when n % 10 = 1 then 'PENDING_APPROVAL' else 'CLOSED' end,
               'PAID', null, date '2026-12-01' + (n % 20), '家中', '主席',
               case when n % 10 < 2 then 'PLANNED' else 'COMPLETED' end, 'officer', now()
        from generate_series(1, 80000) n join worker w on w.id = 1 + n % 60000""");
    jdbc.update("""
        insert into stat_case_fact (case_number, campaign_code, org_code, org_path, category, fund_source, amount_fen,
          goods_fen, e1, e2, e3, e4, e5, new_form, disabled, closed_on, voided)
        select case_number, campaign_code, org_code, org_path, category, fund_source, amount_fen, goods_value_fen,
               false, false, false, false, false, false, false, date '2026-12-10', false
        from aid_case where status = 'CLOSED'""");
    jdbc.update("""
        insert into stat_summary (campaign_code, org_code, org_path, category, cases, total_fen)
        select campaign_code, org_code, min(org_path), category, count(*), sum(amount_fen)
        from stat_case_fact group by campaign_code, org_code, category""");
  }
}

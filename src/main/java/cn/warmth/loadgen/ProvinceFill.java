package cn.warmth.loadgen;

import cn.warmth.activities.Activities;
import cn.warmth.campaign.CampaignView;
import cn.warmth.campaign.Campaigns;
import cn.warmth.cases.AidCases;
import cn.warmth.funds.Funds;
import cn.warmth.organisation.OrgType;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.organisation.Users;
import cn.warmth.registry.EmploymentType;
import cn.warmth.registry.WorkerBulkLoad;
import cn.warmth.reports.Reports;
import cn.warmth.shared.Role;
import cn.warmth.shared.WarmthUser;
import cn.warmth.statistics.SummaryRebuild;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a province for the load harness (docs/performance.md, "The load harness"): the tree widened
 * to cities × grassroots units with an officer, a finance officer and a manager each, workers,
 * funds and activities, and cases in every state.
 *
 * <p>How entity and engine stay consistent: cases that are over (CLOSED, VOIDED, REJECTED) have
 * no running process, so they are written with JDBC batches straight into {@code aid_case},
 * {@code case_approval} and the statistics facts (the rows closing, voiding and rejecting write),
 * without engine history or audit entries. Open cases (PENDING_APPROVAL, IN_PROGRESS) need their
 * process instance, tasks and timers, so they are opened and signed off through {@link AidCases}
 * as the unit's officer and finance officer, exactly as the API would. Reports go through
 * {@link Reports}. The statistics summary is rebuilt from the facts at the end.
 */
@Component
class ProvinceFill {
  private static final Logger log = LoggerFactory.getLogger(ProvinceFill.class);
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final Organisations organisations;
  private final Users users;
  private final Campaigns campaigns;
  private final WorkerBulkLoad workers;
  private final AidCases cases;
  private final Funds funds;
  private final Activities activities;
  private final Reports reports;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final SummaryRebuild summary;

  ProvinceFill(Organisations organisations, Users users, Campaigns campaigns, WorkerBulkLoad workers, AidCases cases,
      Funds funds, Activities activities, Reports reports, JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
      SummaryRebuild summary) {
    this.organisations = organisations;
    this.users = users;
    this.campaigns = campaigns;
    this.workers = workers;
    this.cases = cases;
    this.funds = funds;
    this.activities = activities;
    this.reports = reports;
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
    this.summary = summary;
  }

  /**
   * What to generate. {@code cityCodes} are used (created under the root when missing); each gets
   * grassroots units up to {@code unitsPerCity}. {@code openCases} of the {@code cases} go through
   * the services (a share of them signed off), the rest are written as finished cases.
   */
  record Plan(String admin, List<String> cityCodes, int unitsPerCity, int workers, int cases, int openCases,
      String campaign, String password, int threads, double reportShare) {}

  /** What was generated, for the log and the tests. */
  record Result(List<OrgView> units, Map<String, Integer> casesByStatus, int workers, long millis) {}

  Result fill(Plan plan) {
    long t0 = System.nanoTime();
    List<OrgView> units = new ArrayList<>();
    CampaignView campaign = as(plan.admin(), () -> {
      OrgView root = organisations.root().orElseThrow();
      for (String cityCode : plan.cityCodes()) {
        OrgView city = organisations.find(cityCode).orElseGet(() -> organisations.create(new Organisations.CreateOrg(
            cityCode, "第" + cityCode.substring(cityCode.lastIndexOf('-') + 1) + "市教育工会", OrgType.CITY, root.code())));
        List<OrgView> below = new ArrayList<>(organisations.children(city.code()).stream()
            .filter(o -> o.type() == OrgType.GRASSROOTS).toList());
        for (int n = 1; below.size() < plan.unitsPerCity(); n++) {
          String code = city.code() + "-G" + String.format("%02d", n);
          if (organisations.find(code).isEmpty()) {
            below.add(organisations.create(new Organisations.CreateOrg(code, shortName(city.name()) + "第" + n + "基层工会",
                OrgType.GRASSROOTS, city.code())));
          }
        }
        units.addAll(below.subList(0, plan.unitsPerCity()));
        user(city, "manager", Role.MANAGER, plan.password());
        user(city, "finance", Role.FINANCE, plan.password());
        user(city, "officer", Role.OFFICER, plan.password());
      }
      for (OrgView unit : units) {
        user(unit, "officer", Role.OFFICER, plan.password());
        user(unit, "finance", Role.FINANCE, plan.password());
        user(unit, "manager", Role.MANAGER, plan.password());
      }
      user(root, "manager", Role.MANAGER, plan.password());
      user(root, "finance", Role.FINANCE, plan.password());
      LocalDate today = LocalDate.now(clock);
      return campaigns.find(plan.campaign()).orElseGet(() -> campaigns.create(new Campaigns.CreateCampaign(
          plan.campaign(), "压力测试送温暖活动", today.minusDays(20), today.plusDays(40), today.plusDays(55))));
    });
    log.info("load: {} grassroots units with users, campaign {}", units.size(), campaign.code());

    List<WorkerBulkLoad.Unit> targets = units.stream().map(u -> new WorkerBulkLoad.Unit(u.code(), u.path())).toList();
    int firstWorker = jdbc.queryForObject("select count(*) from worker", Integer.class);
    List<WorkerBulkLoad.Facts> people = workers.insert(firstWorker, plan.workers(), targets);
    log.info("load: {} workers", people.size());

    fundsAndActivities(units, campaign);
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    finishedCases(plan, campaign, units, people, byStatus);
    openCases(plan, campaign, units, people, byStatus);
    submitReports(plan, campaign, units);
    return new Result(List.copyOf(units), byStatus, people.size(), (System.nanoTime() - t0) / 1_000_000);
  }

  // ------------------------------------------------------------------ users, funds, activities

  private void user(OrgView org, String role, Role r, String password) {
    String username = org.code().toLowerCase() + "." + role;
    if (users.principal(username).isEmpty()) {
      users.createUnchecked(new Users.CreateUser(username, password, roleName(r) + " " + org.code(), org.code(),
          Set.of(r)));
    }
  }

  static String username(OrgView org, String role) {
    return org.code().toLowerCase() + "." + role;
  }

  private static String roleName(Role r) {
    return switch (r) {
      case OFFICER -> "经办人";
      case FINANCE -> "财务";
      case MANAGER -> "负责人";
      case ADMIN -> "管理员";
    };
  }

  private static String shortName(String cityName) {
    return cityName.endsWith("教育工会") ? cityName.substring(0, cityName.length() - 4) : cityName;
  }

  /** Income by source and a few activities per unit, through the services (they feed rows A, B, F–I). */
  private void fundsAndActivities(List<OrgView> units, CampaignView campaign) {
    String day = LocalDate.now(clock).minusDays(1).isBefore(campaign.startDate()) ? campaign.startDate().toString()
        : LocalDate.now(clock).minusDays(1).toString();
    for (int i = 0; i < units.size(); i++) {
      OrgView unit = units.get(i);
      int n = i;
      runAs(username(unit, "finance"), () -> {
        for (String source : List.of("B1", "B3", "B4")) {
          funds.record(campaign.code(), unit.code(), source, String.valueOf(20_000 + 1_000 * (n % 7)), day, "拨款");
        }
      });
      runAs(username(unit, "officer"), () -> {
        activities.record(campaign.code(), unit.code(), "ENTERPRISE_VISIT", day, 1, null, "第" + (n % 40) + "建筑公司",
            null, "走访企业");
        activities.record(campaign.code(), unit.code(), "SERVICE_PSYCH", day, 3 + n % 5, null, null, null, "心理疏导");
      });
    }
  }

  // ------------------------------------------------------------------ finished cases, by SQL

  /** The category of case {@code i}: worker i mod W gets case k = i div W in a category of its own. */
  static String category(int i, int workers) {
    return "C" + ((i % workers + i / workers) % 11 + 1);
  }

  /** 100–500 yuan in whole yuan: at most ten cases per worker stay under the 6,000-yuan annual cap. */
  static long amountFen(int i) {
    return (100 + (i * 37L) % 401) * 100;
  }

  private void finishedCases(Plan plan, CampaignView campaign, List<OrgView> units, List<WorkerBulkLoad.Facts> people,
      Map<String, Integer> byStatus) {
    int finished = plan.cases() - plan.openCases();
    if (finished <= 0) {
      return;
    }
    if ((long) plan.cases() > 10L * people.size()) {
      throw new IllegalArgumentException("at most ten cases per worker (one per category, under the annual cap)");
    }
    Map<String, OrgView> byCode = new LinkedHashMap<>();
    units.forEach(u -> byCode.put(u.code(), u));
    boolean h2 = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        c.getMetaData().getDatabaseProductName().toUpperCase().contains("H2")));
    long base = jdbc.queryForObject(h2 ? "select next value for case_number_seq" : "select nextval('case_number_seq')",
        Long.class);
    LocalDate today = LocalDate.now(clock);
    LocalDate start = campaign.startDate();
    long span = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(start, today));
    int year = campaign.startDate().getYear();
    final int batch = 2000;
    for (int from = 0; from < finished; from += batch) {
      int to = Math.min(finished, from + batch);
      List<Object[]> caseRows = new ArrayList<>();
      List<Object[]> approvals = new ArrayList<>();
      List<Object[]> facts = new ArrayList<>();
      for (int i = from; i < to; i++) {
        WorkerBulkLoad.Facts w = people.get(i % people.size());
        OrgView unit = byCode.get(w.orgCode());
        int r = (int) ((i * 7919L) % 100);
        String status = r < 88 ? "CLOSED" : r < 91 ? "VOIDED" : "REJECTED";
        String number = String.format("%s-%d-%06d", cityPart(unit.path()), year, base + i);
        String category = category(i, people.size());
        boolean goods = i % 13 == 0;
        String method = goods ? "GOODS" : w.hasCard() && i % 3 != 0 ? "BANK_CARD" : "CASH";
        String source = i % 20 < 12 ? "B3" : i % 20 < 17 ? "B4" : "B6";
        long amount = goods ? 0 : amountFen(i);
        long goodsFen = goods ? amountFen(i) : 0;
        boolean manager = amount + goodsFen > 200_000;
        List<String> e = new ArrayList<>();
        for (int b = 0; b < 5; b++) {
          if (((i >> b) & 1) == 1 && (i + b) % 3 == 0) {
            e.add("E" + (b + 1));
          }
        }
        LocalDate opened = start.plusDays(i % span);
        LocalDate closed = opened.plusDays(Math.min(3, java.time.temporal.ChronoUnit.DAYS.between(opened, today)));
        Instant openedAt = opened.atTime(9, 0).atZone(BEIJING).toInstant();
        Instant closedAt = closed.atTime(16, 0).atZone(BEIJING).toInstant();
        boolean over = !status.equals("REJECTED");
        String opener = username(unit, "officer");
        caseRows.add(new Object[] {number, campaign.code(), unit.code(), unit.path(), w.id(), category, source, method,
            amount, goodsFen, goods ? "米面油" : null, String.join(",", e), "春节慰问", year,
            status, over ? "PAID" : "NOT_DUE", status.equals("CLOSED") ? campaign.code() + "|" + w.id() + "|" + category : null,
            Date.valueOf(opened), "家中", "工会主席", over ? "COMPLETED" : "PLANNED", over ? Date.valueOf(closed) : null,
            over ? "工会主席" : null, over && !method.equals("BANK_CARD") ? Date.valueOf(closed) : null,
            status.equals("REJECTED") ? "不符合条件" : null, opener, Timestamp.from(openedAt),
            over ? opener : null, over ? Timestamp.from(closedAt) : null,
            status.equals("VOIDED") ? username(unit, "manager") : null,
            status.equals("VOIDED") ? Timestamp.from(closedAt.plusSeconds(3600)) : null,
            status.equals("VOIDED") ? "重复发放，已追回" : null, true, manager, over ? opener : null});
        approvals.add(new Object[] {"FINANCE", status.equals("REJECTED") ? "REJECT" : "APPROVE",
            username(unit, "finance"), Timestamp.from(openedAt.plusSeconds(3600)),
            status.equals("REJECTED") ? "不符合条件" : null, number});
        if (manager && over) {
          approvals.add(new Object[] {"MANAGER", "APPROVE", username(unit, "manager"),
              Timestamp.from(openedAt.plusSeconds(7200)), null, number});
        }
        if (over) {
          facts.add(new Object[] {number, campaign.code(), unit.code(), unit.path(), category, source, amount, goodsFen,
              e.contains("E1"), e.contains("E2"), e.contains("E3"), e.contains("E4"), e.contains("E5"),
              w.employmentType() == EmploymentType.NEW_FORM, w.disabled(), Date.valueOf(closed), status.equals("VOIDED")});
        }
        byStatus.merge(status, 1, Integer::sum);
      }
      tx.executeWithoutResult(s -> {
        jdbc.batchUpdate("""
            insert into aid_case (case_number, campaign_code, org_code, org_path, worker_id, category, fund_source,
              payment_method, amount_fen, goods_value_fen, goods_description, assistance, reason, over_cap, cap_year,
              status, payment_status, duplicate_key, visit_planned_date, visit_location, visit_visitors, visit_status,
              visited_on, visit_actual_visitors, receipt_signed_on, reject_comment, opened_by, opened_at, closed_by,
              closed_at, voided_by, voided_at, void_reason, finance_required, manager_required, payment_confirmed_by,
              version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, 0)""", caseRows);
        jdbc.batchUpdate("""
            insert into case_approval (case_id, step, decision, decided_by, decided_at, comment)
            select id, ?, ?, ?, ?, ? from aid_case where case_number = ?""", approvals);
        jdbc.batchUpdate("""
            insert into stat_case_fact (case_number, campaign_code, org_code, org_path, category, fund_source,
              amount_fen, goods_fen, e1, e2, e3, e4, e5, new_form, disabled, closed_on, voided)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", facts);
      });
      if (to % 20_000 == 0 || to == finished) {
        log.info("load: {} of {} finished cases", to, finished);
      }
    }
    // Numbers given by the application from now on come after the generated ones.
    long next = base + finished;
    jdbc.execute(h2 ? "alter sequence case_number_seq restart with " + next
        : "select setval('case_number_seq', " + (next - 1) + ")");
    summary.rebuild(campaign.code());
  }

  /** The case number's first part: the city's code after the province's (XA), or the province's for its direct units. */
  static String cityPart(String orgPath) {
    String[] codes = orgPath.substring(1, orgPath.length() - 1).split("/");
    return codes.length < 2 ? codes[0] : codes[1].substring(codes[1].indexOf('-') + 1);
  }

  // ------------------------------------------------------------------ open cases, through the services

  private void openCases(Plan plan, CampaignView campaign, List<OrgView> units, List<WorkerBulkLoad.Facts> people,
      Map<String, Integer> byStatus) {
    if (plan.openCases() <= 0) {
      return;
    }
    Map<String, OrgView> byCode = new LinkedHashMap<>();
    units.forEach(u -> byCode.put(u.code(), u));
    int first = plan.cases() - plan.openCases();
    LocalDate today = LocalDate.now(clock);
    AtomicInteger done = new AtomicInteger();
    AtomicInteger approved = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, plan.threads()));
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < Math.max(1, plan.threads()); t++) {
        int lane = t;
        jobs.add(pool.submit(() -> {
          for (int i = first + lane; i < plan.cases(); i += Math.max(1, plan.threads())) {
            WorkerBulkLoad.Facts w = people.get(i % people.size());
            OrgView unit = byCode.get(w.orgCode());
            String method = w.hasCard() && i % 2 == 0 ? "BANK_CARD" : "CASH";
            int n = i;
            String number = as(username(unit, "officer"), () -> cases.open(new AidCases.CaseInput(campaign.code(),
                w.id(), category(n, people.size()), "B3", method, String.valueOf(amountFen(n) / 100), null, null,
                List.of("E1"), "春节慰问", null, new AidCases.VisitPlan(today.plusDays(n % 10).toString(), "家中",
                "工会主席")))).caseNumber();
            if (n % 5 < 2) {
              runAs(username(unit, "finance"), () -> cases.approve(number, "APPROVE", "同意"));
              approved.incrementAndGet();
            }
            int count = done.incrementAndGet();
            if (count % 1000 == 0) {
              log.info("load: {} of {} open cases", count, plan.openCases());
            }
          }
          return null;
        }));
      }
      for (Future<?> job : jobs) {
        job.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("opening cases failed", e.getCause());
    } finally {
      pool.shutdown();
    }
    byStatus.merge("IN_PROGRESS", approved.get(), Integer::sum);
    byStatus.merge("PENDING_APPROVAL", done.get() - approved.get(), Integer::sum);
  }

  // ------------------------------------------------------------------ reports

  private void submitReports(Plan plan, CampaignView campaign, List<OrgView> units) {
    int n = (int) Math.round(units.size() * plan.reportShare());
    for (OrgView unit : units.subList(0, Math.min(n, units.size()))) {
      runAs(username(unit, "manager"), () -> reports.submit(campaign.code(), unit.code(), "本单位送温暖活动开展情况。",
          "负责人", "029-88888888"));
    }
  }

  // ------------------------------------------------------------------ helpers

  /** Runs a step as the user who would take it (services check roles and scope). */
  private <T> T as(String username, Supplier<T> step) {
    WarmthUser user = users.principal(username).orElseThrow(() -> new IllegalStateException("no user " + username));
    var previous = SecurityContextHolder.getContext().getAuthentication();
    SecurityContextHolder.getContext().setAuthentication(
        new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    try {
      return step.get();
    } finally {
      SecurityContextHolder.getContext().setAuthentication(previous);
    }
  }

  private void runAs(String username, Runnable step) {
    as(username, () -> {
      step.run();
      return null;
    });
  }
}

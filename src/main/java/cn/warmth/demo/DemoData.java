package cn.warmth.demo;

import cn.warmth.campaign.Campaigns;
import cn.warmth.cases.AidCases;
import cn.warmth.organisation.OrgType;
import cn.warmth.organisation.Organisations;
import cn.warmth.organisation.Users;
import cn.warmth.registry.HardshipFiles;
import cn.warmth.registry.Workers;
import cn.warmth.shared.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profile {@code demo}: a realistic Shaanxi tree, one user per role at several levels and a
 * campaign running around today. Loaded once, on a database that has only the bootstrap data.
 * Every demo user's password is {@value #PASSWORD}.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {
  static final String PASSWORD = "warmth-demo-2024";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final Organisations organisations;
  private final Users users;
  private final Campaigns campaigns;
  private final Workers workers;
  private final HardshipFiles files;
  private final AidCases aidCases;
  private final cn.warmth.funds.Funds funds;
  private final cn.warmth.activities.Activities activities;
  private final cn.warmth.reports.Reports reports;
  private final Clock clock;

  DemoData(Organisations organisations, Users users, Campaigns campaigns, Workers workers, HardshipFiles files,
      AidCases aidCases, cn.warmth.funds.Funds funds,
      cn.warmth.activities.Activities activities, cn.warmth.reports.Reports reports, Clock clock) {
    this.funds = funds;
    this.activities = activities;
    this.reports = reports;
    this.aidCases = aidCases;
    this.organisations = organisations;
    this.users = users;
    this.campaigns = campaigns;
    this.workers = workers;
    this.files = files;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (organisations.find("SX-XA").isPresent()) {
      return;
    }
    // Services check roles: each step runs as the demo user who would do it.
    try {
      as("admin", this::load);
      registry();
    } finally {
      SecurityContextHolder.clearContext();
    }
    log.info("Demo data loaded: demo users and their password as in the README");
  }

  private void load() {
    String[][] cities = {
        {"SX-XA", "西安市教育工会"}, {"SX-BJ", "宝鸡市教育工会"}, {"SX-XY", "咸阳市教育工会"},
        {"SX-TC", "铜川市教育工会"}, {"SX-WN", "渭南市教育工会"}, {"SX-YA", "延安市教育工会"},
        {"SX-YL", "榆林市教育工会"}, {"SX-HZ", "汉中市教育工会"}, {"SX-AK", "安康市教育工会"},
        {"SX-SL", "商洛市教育工会"}, {"SX-YLQ", "杨凌示范区教育工会"}};
    for (String[] c : cities) {
      org(c[0], c[1], OrgType.CITY, "SX");
    }
    org("SX-XA-TSZ", "西安市铁一中学工会", OrgType.GRASSROOTS, "SX-XA");
    org("SX-XA-GXZ", "西安高新第一中学工会", OrgType.GRASSROOTS, "SX-XA");
    org("SX-XA-ZXYY", "西安市中心医院工会", OrgType.GRASSROOTS, "SX-XA");
    org("SX-BJ-YZ", "宝鸡中学工会", OrgType.GRASSROOTS, "SX-BJ");
    org("SX-BJ-RMYY", "宝鸡市人民医院工会", OrgType.GRASSROOTS, "SX-BJ");
    org("SX-SFDX", "陕西师范大学工会", OrgType.GRASSROOTS, "SX");
    org("SX-SRMYY", "陕西省人民医院工会", OrgType.GRASSROOTS, "SX");

    user("sx.manager", "王振华", "SX", Role.MANAGER);
    user("sx.finance", "李秀英", "SX", Role.FINANCE);
    user("xa.admin", "赵建国", "SX-XA", Role.ADMIN);
    user("xa.manager", "陈思远", "SX-XA", Role.MANAGER);
    user("xa.finance", "刘芳", "SX-XA", Role.FINANCE);
    user("xa.officer", "杨帆", "SX-XA", Role.OFFICER);
    user("tsz.officer", "周敏", "SX-XA-TSZ", Role.OFFICER);
    user("tsz.finance", "吴桂兰", "SX-XA-TSZ", Role.FINANCE);
    user("tsz.manager", "孙立新", "SX-XA-TSZ", Role.MANAGER);
    user("bj.manager", "郑宏伟", "SX-BJ", Role.MANAGER);
    user("bj.finance", "冯雪", "SX-BJ", Role.FINANCE);
    user("bjyz.officer", "何静", "SX-BJ-YZ", Role.OFFICER);
    user("sfdx.officer", "马丽娜", "SX-SFDX", Role.OFFICER);
    user("sfdx.manager", "古丽·艾买提", "SX-SFDX", Role.MANAGER, Role.FINANCE);

    LocalDate today = LocalDate.now(clock);
    campaigns.createUnchecked(new Campaigns.CreateCampaign("2024-YDCJ", "2024年元旦春节送温暖",
        today.minusDays(20), today.plusDays(40), today.plusDays(55)));
    campaigns.createUnchecked(new Campaigns.CreateCampaign("2023-GQ", "2023年国庆送温暖",
        today.minusDays(120), today.minusDays(90), today.minusDays(80)));
    // A city's own campaign: seen and used in 西安 only (宝鸡 does not see it; the province oversees it).
    campaigns.createUnchecked(new Campaigns.CreateCampaign("XA-JSJ", "西安市教育系统困难教师慰问",
        today.minusDays(30), today.plusDays(10), today.plusDays(20), "SX-XA"));
  }

  private void as(String username, Runnable step) {
    var user = users.principal(username).orElseThrow();
    SecurityContextHolder.getContext().setAuthentication(
        new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    step.run();
  }

  /** Workers with hardship files in every state, as the officers and managers would have made them. */
  private void registry() {
    as("admin", () -> {
      organisations.setDibao("SX", 75_000L);     // 750 yuan/month province-wide
      organisations.setDibao("SX-XA", 95_000L);  // Xi'an's higher urban standard
      // Contact persons: 填报人 and 电话 of each unit's 统计表 (the province's from the notice).
      organisations.setContact("SX", "钟振宇", "029-87228992");
      organisations.setContact("SX-XA", "陈思远", "029-88661234");
      organisations.setContact("SX-XA-TSZ", "孙立新", "029-88888888");
    });
    long[] ids = new long[8];
    as("tsz.officer", () -> {
      ids[0] = worker("张建国", "61010219800101123", "SX-XA-TSZ", "ESTABLISHED", false, "6222020200112233445");
      ids[1] = worker("李秀兰", "61010319751224002", "SX-XA-TSZ", "NON_ESTABLISHED", false, "6217000010012345678");
      ids[2] = worker("王小军", "61011319900315571", "SX-XA-TSZ", "NEW_FORM", false, "6228480402564890018");
      ids[3] = worker("刘德华", "61010419681008003", "SX-XA-TSZ", "ESTABLISHED", true, "6212260200012345676");
      ids[4] = worker("艾力·买买提", "65010219850606201", "SX-XA-TSZ", "NON_ESTABLISHED", false, null);
    });
    as("bjyz.officer", () -> {
      ids[5] = worker("赵敏", "61030219820909002", "SX-BJ-YZ", "ESTABLISHED", false, "6222020200112298765");
      ids[6] = worker("孙悟", "61030319791111007", "SX-BJ-YZ", "NEW_FORM", true, "6217000010012399990");
    });
    // Filed (review → notice → filed), pending review, in public notice, rejected.
    long filed1 = submit("tsz.officer", ids[0], "DEEP", "SERIOUS_ILLNESS", 3, "24000", "16000");
    long filed2 = submit("tsz.officer", ids[3], "RELATIVE", "DISABILITY", 4, "60000", "20000");
    long filed3 = submit("bjyz.officer", ids[6], "ACCIDENT", "ACCIDENT", 2, "18000", "9000");
    long notice = submit("tsz.officer", ids[1], "RELATIVE", "UNEMPLOYMENT", 3, "36000", "12000");
    submit("tsz.officer", ids[2], "ACCIDENT", "FAMILY_ILLNESS", 3, "40000", "30000");
    long rejected = submit("bjyz.officer", ids[5], "DEEP", "LOW_INCOME", 2, "60000", "10000");
    for (long f : new long[] {filed1, filed2, notice}) {
      as("tsz.manager", () -> files.review(f, "APPROVE", "经入户核实，情况属实"));
    }
    as("bj.manager", () -> files.review(filed3, "APPROVE", "情况属实"));
    as("bj.manager", () -> files.review(rejected, "REJECT", "家庭人均收入高于低保两倍"));
    // The 公示 of three files has run its course: fire their notice timers now.
    as("admin", () -> {
      for (long f : new long[] {filed1, filed2, filed3}) {
        files.endNoticeNowForDemo(f);
      }
    });
    cases(ids);
  }

  /** Aid cases in every state of the running campaign. */
  private void cases(long[] w) {
    String today = LocalDate.now(clock).toString();
    String soon = LocalDate.now(clock).plusDays(2).toString();
    String bank = open("tsz.officer", w[0], "C11", "B1", "BANK_CARD", "1500", "0", null, soon);      // approved, queued for the bank
    String closed = open("tsz.officer", w[3], "C4", "B3", "CASH", "800", "200", null, today);        // closed
    open("tsz.officer", w[2], "C7", "B3", "CASH", "500", "0", null, today);                          // waiting for finance
    String large = open("tsz.officer", w[1], "C1", "B4", "CASH", "2500", "0", null, soon);           // waiting for the manager
    String rejected = open("tsz.officer", w[4], "C5", "B3", "GOODS", "0", "300", null, soon);        // rejected
    String bj = open("bjyz.officer", w[6], "C11", "B2", "BANK_CARD", "1000", "0", null, soon);       // Baoji, queued
    String voided = open("tsz.officer", w[3], "C2", "B3", "CASH", "600", "0", null, today);          // closed, then voided
    open("tsz.officer", w[2], "C5", "B3", "CASH", "3200", "0", "家中突发火灾，经工会集体研究特批", soon); // over the cap
    as("tsz.finance", () -> {
      aidCases.approve(bank, "APPROVE", "符合依档帮扶条件");
      aidCases.approve(closed, "APPROVE", "同意");
      aidCases.approve(large, "APPROVE", "同意，报负责人审批");
      aidCases.approve(rejected, "REJECT", "物品采购未走政府采购程序，请重新办理");
      aidCases.approve(voided, "APPROVE", "同意");
    });
    as("bj.finance", () -> aidCases.approve(bj, "APPROVE", "同意"));
    as("tsz.officer", () -> {
      for (String c : new String[] {closed, voided}) {
        aidCases.recordVisit(c, "COMPLETED", today, "孙立新、周敏", "已当面慰问，款物已签收", true);
        aidCases.close(c);
      }
    });
    as("tsz.manager", () -> aidCases.voidCase(voided, "与 C4 案件重复发放，已追回"));
    fundsAndActivities();
  }

  /** Funds raised, activities, and the school's report to the city, so the table and the reports have content. */
  private void fundsAndActivities() {
    String day = LocalDate.now(clock).minusDays(5).toString();
    as("tsz.finance", () -> {
      funds.record("2024-YDCJ", "SX-XA-TSZ", "B3", "20000.00", day, "学校工会经费");
      funds.record("2024-YDCJ", "SX-XA-TSZ", "B4", "5600.50", day, "校友捐助");
    });
    as("xa.finance", () -> {
      funds.record("2024-YDCJ", "SX-XA", "B1", "50000.00", day, "中央财政帮扶资金");
      funds.record("2024-YDCJ", "SX-XA", "B2", "30000.00", day, "市财政配套");
    });
    as("tsz.officer", () -> {
      activities.record("2024-YDCJ", "SX-XA-TSZ", "ENTERPRISE_VISIT", day, 1, null, "西安铁路局第一工程段", "91350100M000100Y43", "春节前走访");
      activities.record("2024-YDCJ", "SX-XA-TSZ", "SERVICE_PSYCH", day, 35, null, null, null, "教师心理健康讲座");
      activities.record("2024-YDCJ", "SX-XA-TSZ", "SERVICE_CULTURE", day, 120, null, null, null, "迎新春书法送福");
      activities.record("2024-YDCJ", "SX-XA-TSZ", "WAGE_RECOVERY", day, 2, "8600.00", null, null, "食堂外包人员欠薪");
    });
    as("xa.officer", () -> activities.record("2024-YDCJ", "SX-XA", "MIGRANT_RETURN", day, 48, null, null, null, "包车返乡"));
    as("tsz.manager", () -> reports.submit("2024-YDCJ", "SX-XA-TSZ",
        "我校工会深入开展元旦春节送温暖活动，走访慰问困难教职工和一线职工，做到依档帮扶、实名发放。", "孙立新", "029-88888888"));
  }

  private String open(String officer, long workerId, String category, String source, String method, String amount,
      String goods, String overCapReason, String visitDate) {
    String[] number = new String[1];
    as(officer, () -> number[0] = aidCases.open(new AidCases.CaseInput("2024-YDCJ", workerId, category, source, method,
        amount, goods, "0".equals(goods) ? null : "米、面、油", java.util.List.of("E2"), "春节慰问", overCapReason,
        new AidCases.VisitPlan(visitDate, "职工家中", "孙立新、周敏"))).caseNumber());
    return number[0];
  }

  private long worker(String name, String id17, String org, String type, boolean disabled, String card) {
    return workers.register(new Workers.WorkerInput(name, withCheck(id17), org, "13800138000", type, disabled,
        disabled ? "61010219800101123X41" : null, card == null ? null : "中国工商银行", card)).id();
  }

  private long submit(String officer, long workerId, String category, String reason, int household, String income,
      String expenses) {
    long[] id = new long[1];
    as(officer, () -> id[0] = files.submit(workerId, new HardshipFiles.FileInput(category, java.util.List.of(reason),
        household, income, expenses, "演示档案")).id());
    return id[0];
  }

  /** Completes a demo ID number with its MOD 11-2 check character. */
  static String withCheck(String first17) {
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * w[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  private void org(String code, String name, OrgType type, String parent) {
    organisations.create(new Organisations.CreateOrg(code, name, type, parent));
  }

  private void user(String username, String name, String org, Role... roles) {
    Set<Role> set = EnumSet.noneOf(Role.class);
    set.addAll(java.util.List.of(roles));
    users.createUnchecked(new Users.CreateUser(username, PASSWORD, name, org, set));
  }
}

package cn.warmth.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Aid cases through the API: rules 1–9 of domain.md §5, the process paths, races and scope. */
abstract class CaseContract {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService management;
  @Autowired
  RepositoryService repository;
  @Autowired
  AidCases aidCases;
  @Autowired
  MutableClock clock;
  @Autowired
  cn.warmth.calendar.WorkingCalendar calendar;
  Scenario s;
  String campaign;
  String today;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    LocalDate now = LocalDate.now(clock);
    today = now.toString();
    campaign = s.p + "-YD";
    Api.Res c = s.admin.post("/api/v1/campaigns", Map.of("code", campaign, "name", "2024年元旦春节送温暖",
        "startDate", now.minusDays(10).toString(), "endDate", now.plusDays(30).toString(),
        "reportDeadline", now.plusDays(40).toString()));
    assertThat(c.status()).as(c.toString()).isEqualTo(201);
  }

  /** A worker with a bank card and, if asked, a FILED hardship file (through the real process). */
  long worker(boolean filed) {
    long id = s.worker("职工" + "甲乙丙丁戊".charAt((int) (System.nanoTime() % 5)), TestIds.nextId(), TestIds.nextCard());
    if (filed) {
      Api.Res f = s.as("officer").post("/api/v1/workers/" + id + "/hardship-file", Map.of("category", "DEEP",
          "reasons", List.of("SERIOUS_ILLNESS"), "householdSize", 3, "annualIncomeYuan", 20000, "annualEssentialExpensesYuan", 9000));
      long fileId = f.json().path("id").asLong();
      s.as("manager").post("/api/v1/hardship-files/" + fileId + "/review", Map.of("decision", "APPROVE", "comment", "属实"));
      String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("FILE-" + fileId).singleResult().getId();
      management.executeJob(management.createJobQuery().processInstanceId(pi).timers().singleResult().getId());
    }
    return id;
  }

  Map<String, Object> body(long workerId, String category, String source, String method, Object amount, Object goods) {
    Map<String, Object> m = new HashMap<>();
    m.put("campaignCode", campaign);
    m.put("workerId", workerId);
    m.put("category", category);
    m.put("fundSource", source);
    m.put("paymentMethod", method);
    m.put("amountYuan", amount);
    m.put("goodsValueYuan", goods);
    m.put("goodsDescription", "米、面、油");
    m.put("assistance", List.of("E2", "E3"));
    m.put("reason", "春节慰问，本人重病住院");
    m.put("visit", Map.of("plannedDate", LocalDate.now(clock).plusDays(3).toString(), "location", "职工家中",
        "visitors", "工会主席、经办人"));
    return m;
  }

  Api.Res open(Map<String, Object> body) {
    return s.as("officer").post("/api/v1/cases", body);
  }

  String openOk(Map<String, Object> body) {
    Api.Res r = open(body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("caseNumber").asText();
  }

  Api.Res approve(String who, String caseNumber, String decision) {
    return s.as(who).post("/api/v1/cases/" + caseNumber + "/approval", Map.of("decision", decision, "comment", "意见"));
  }

  JsonNode get(String caseNumber) {
    return s.as("officer").get("/api/v1/cases/" + caseNumber).json();
  }

  Api.Res visit(String caseNumber, boolean receipt) {
    return s.as("officer").post("/api/v1/cases/" + caseNumber + "/visit", Map.of("outcome", "COMPLETED", "visitedOn",
        today, "visitors", "工会主席、经办人", "notes", "已当面慰问", "receiptSigned", receipt));
  }

  ProcessInstance instance(String caseNumber) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
  }

  /** Runs the process's asynchronous continuations (the job executor is off in tests). */
  void runAsyncSteps(String caseNumber) {
    for (Job j : management.createJobQuery().processInstanceId(instance(caseNumber).getId()).messages().list()) {
      management.executeJob(j.getId());
    }
  }

  /** As the disbursement module will: put the payment in a batch and report the bank's success. */
  void payByBank(String caseNumber) {
    var finance = new cn.warmth.shared.WarmthUser(s.name("finance"), "", "财务", s.school, "", "/SX/" + s.city + "/"
        + s.school + "/", java.util.Set.of(cn.warmth.shared.Role.FINANCE), true, false, false);
    SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(finance, null, finance.getAuthorities()));
    try {
      aidCases.paymentAddedToBatch(caseNumber, 0L);
      aidCases.bankPaymentSucceeded(caseNumber);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  // ------------------------------------------------------------------ opening

  @Test
  void opensACaseAsTheContractSays() {
    long w = worker(true);
    Api.Res r = open(body(w, "C11", "B1", "BANK_CARD", "1200", 0));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode c = r.json();
    assertThat(c.path("caseNumber").asText()).matches("[A-Z0-9]+-\\d{4}-\\d{6}");
    assertThat(c.path("status").asText()).isEqualTo("PENDING_APPROVAL");
    assertThat(c.path("campaignCode").asText()).isEqualTo(campaign);
    assertThat(c.path("orgCode").asText()).isEqualTo(s.school);
    assertThat(c.path("workerId").asLong()).isEqualTo(w);
    assertThat(c.path("amountYuan").asText()).isEqualTo("1200.00");
    assertThat(c.path("goodsValueYuan").asText()).isEqualTo("0.00");
    assertThat(c.path("assistance").toString()).isEqualTo("[\"E2\",\"E3\"]");
    assertThat(c.path("overCap").asBoolean()).isFalse();
    assertThat(c.path("approvals").size()).isZero();
    assertThat(c.path("visit").path("status").asText()).isEqualTo("PLANNED");
    assertThat(c.path("visit").path("plannedDate").asText()).isEqualTo(LocalDate.now(clock).plusDays(3).toString());
    assertThat(c.path("payment").path("status").asText()).isEqualTo("NOT_DUE");
    assertThat(c.path("openedBy").asText()).isEqualTo(s.name("officer"));
    assertThat(instance(c.path("caseNumber").asText()).getBusinessKey()).isEqualTo(c.path("caseNumber").asText());
    // Listed and visible in scope; not found outside it.
    assertThat(s.as("citymanager").get("/api/v1/cases?campaign=" + campaign).text()).contains(c.path("caseNumber").asText());
    assertThat(s.as("othermanager").get("/api/v1/cases/" + c.path("caseNumber").asText()).status()).isEqualTo(404);
    assertThat(s.as("othermanager").get("/api/v1/cases?campaign=" + campaign).json().size()).isZero();
    // The case shows the worker's name as it is now, after a correction.
    String n = c.path("caseNumber").asText();
    s.as("officer").put("/api/v1/workers/" + w, Map.of("name", "更正姓名", "employmentType", "ESTABLISHED", "disabled", false));
    assertThat(get(n).path("workerName").asText()).isEqualTo("更正姓名");
    assertThat(s.as("officer").get("/api/v1/cases?campaign=" + campaign).text()).contains("更正姓名");
  }

  @Test
  void campaignMustBeRunning() {
    LocalDate now = LocalDate.now(clock);
    s.admin.post("/api/v1/campaigns", Map.of("code", s.p + "-OLD", "name", "往年活动", "startDate",
        now.minusDays(100).toString(), "endDate", now.minusDays(60).toString(), "reportDeadline", now.minusDays(50).toString()));
    Map<String, Object> b = body(worker(false), "C1", "B3", "CASH", 500, 0);
    b.put("campaignCode", s.p + "-OLD");
    Api.Res r = open(b);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.code()).isEqualTo("CAMPAIGN_NOT_RUNNING");
  }

  @Test
  void governmentMoneyNeedsAFiledFileAndTheBankCard() {
    long unfiled = worker(false);
    Api.Res r = open(body(unfiled, "C1", "B1", "BANK_CARD", 500, 0));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.code()).isEqualTo("FILE_REQUIRED");
    assertThat(open(body(unfiled, "C1", "B2", "BANK_CARD", 500, 0)).code()).isEqualTo("FILE_REQUIRED");
    long filed = worker(true);
    Api.Res cash = open(body(filed, "C11", "B2", "CASH", 500, 0));
    assertThat(cash.status()).isEqualTo(422);
    assertThat(cash.code()).isEqualTo("BANK_CARD_REQUIRED");
    assertThat(open(body(filed, "C11", "B2", "BANK_CARD", 500, 0)).status()).isEqualTo(201);
    // Union funds need no file; but a bank payment needs a card on the worker.
    long noCard = s.worker("无卡职工", TestIds.nextId(), null);
    assertThat(open(body(noCard, "C1", "B3", "CASH", 300, 0)).status()).isEqualTo(201);
    assertThat(open(body(noCard, "C2", "B3", "BANK_CARD", 300, 0)).code()).isEqualTo("BANK_CARD_REQUIRED");
    assertThat(jdbc.queryForObject("select count(*) from aid_case where worker_id=?", Integer.class, unfiled)).isZero();
  }

  @Test
  void oneCasePerWorkerCampaignAndCategoryProvinceWide() {
    long w = worker(false);
    String first = openOk(body(w, "C1", "B3", "CASH", 500, 0));
    Api.Res again = s.as("cityofficer").post("/api/v1/cases", body(w, "C1", "B4", "GOODS", 0, 300));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("DUPLICATE_AID");
    assertThat(again.text()).doesNotContain(s.school).doesNotContain(first);
    // Another category is another case.
    assertThat(open(body(w, "C2", "B3", "CASH", 500, 0)).status()).isEqualTo(201);
    // A rejected case no longer blocks.
    approve("finance", first, "REJECT");
    assertThat(open(body(w, "C1", "B3", "CASH", 400, 0)).status()).isEqualTo(201);
  }

  @Test
  void invalidFieldsAre400AndNothingIsSaved() {
    long w = worker(false);
    Api.Res r = open(body(w, "C12", "B7", "CHEQUE", "-5", "1.234"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(fieldCodes(r)).contains("category:INVALID_CODE", "fundSource:INVALID_CODE", "paymentMethod:INVALID_CODE",
        "amountYuan:INVALID_AMOUNT", "goodsValueYuan:INVALID_AMOUNT");
    assertThat(fieldCodes(open(body(w, "C1", "B3", "CASH", 0, 0)))).contains("amountYuan:NOTHING_GIVEN");
    assertThat(fieldCodes(open(body(w, "C1", "B3", "BANK_CARD", 100, 50)))).contains("goodsValueYuan:NO_GOODS_BY_BANK");
    assertThat(fieldCodes(open(body(w, "C1", "B3", "GOODS", 100, 50)))).contains("amountYuan:GOODS_ONLY");
    Map<String, Object> past = body(w, "C1", "B3", "CASH", 100, 0);
    past.put("visit", Map.of("plannedDate", LocalDate.now(clock).minusDays(1).toString(), "location", "",
        "visitors", "x"));
    assertThat(fieldCodes(open(past))).contains("visit.plannedDate:DATE_IN_PAST", "visit.location:REQUIRED",
        "visit.visitors:INVALID_NAME");
    // A visit within the campaign's dates ± 1 year only.
    past.put("visit", Map.of("plannedDate", "9999-12-31", "location", "职工家中", "visitors", "工会主席"));
    assertThat(fieldCodes(open(past))).contains("visit.plannedDate:DATE_OUT_OF_RANGE");
    assertThat(jdbc.queryForObject("select count(*) from aid_case where worker_id=?", Integer.class, w)).isZero();
    assertThat(s.as("otherofficer").post("/api/v1/cases", body(w, "C1", "B3", "CASH", 100, 0)).status())
        .as("a worker outside scope is not found").isEqualTo(404);
  }

  @Test
  void overTheCapsIsFlaggedNeedsAReasonAndTheManager() {
    long w = worker(false);
    Api.Res noReason = open(body(w, "C1", "B3", "CASH", "3000.01", 0));
    assertThat(fieldCodes(noReason)).contains("overCapReason:OVER_CAP_REASON_REQUIRED");
    Map<String, Object> b = body(w, "C1", "B3", "CASH", "3000.01", 0);
    b.put("overCapReason", "突发重大疾病，经集体研究");
    String big = openOk(b);
    assertThat(get(big).path("overCap").asBoolean()).isTrue();
    // Exactly 3,000 is within the per-case cap; together with the first it passes 6,000 a year.
    String second = openOk(body(w, "C2", "B3", "CASH", "2000", "0"));
    assertThat(get(second).path("overCap").asBoolean()).isFalse();
    Map<String, Object> third = body(w, "C3", "B3", "CASH", "1000", "0");
    assertThat(fieldCodes(open(third))).contains("overCapReason:OVER_CAP_REASON_REQUIRED");
    third.put("overCapReason", "年度累计超标，特批");
    String t = openOk(third);
    assertThat(get(t).path("overCap").asBoolean()).isTrue();
    // 1,000 yuan over the annual cap: finance alone is not enough.
    assertThat(approve("finance", t, "APPROVE").json().path("status").asText()).isEqualTo("PENDING_APPROVAL");
    assertThat(approve("manager", t, "APPROVE").json().path("status").asText()).isEqualTo("IN_PROGRESS");
  }

  // ------------------------------------------------------------------ approval

  @Test
  void upTo2000FinanceAloneApproves() {
    String c = openOk(body(worker(true), "C11", "B1", "BANK_CARD", "2000.00", 0));
    Api.Res r = approve("finance", c, "APPROVE");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode j = r.json();
    assertThat(j.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(j.path("payment").path("status").asText()).isEqualTo("QUEUED");
    assertThat(j.path("approvals").get(0).path("step").asText()).isEqualTo("FINANCE");
    assertThat(j.path("approvals").get(0).path("by").asText()).isEqualTo(s.name("finance"));
    assertThat(j.path("approvals").get(0).path("at").asText()).isNotBlank();
    assertThat(instance(c)).isNotNull();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(c).taskDefinitionKey("recordVisit").count()).isEqualTo(1);
  }

  @Test
  void above2000TheManagerSignsAfterFinance() {
    String c = openOk(body(worker(false), "C2", "B3", "CASH", "1500", "500.01"));
    Api.Res early = approve("manager", c, "APPROVE");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.code()).isEqualTo("INVALID_STATE");
    assertThat(approve("finance", c, "APPROVE").json().path("status").asText()).isEqualTo("PENDING_APPROVAL");
    // The task is offered to the managers whose scope contains the case.
    assertThat(s.as("citymanager").get("/api/v1/tasks").text()).contains(c);
    assertThat(s.as("othermanager").get("/api/v1/tasks").text()).doesNotContain(c);
    JsonNode done = approve("citymanager", c, "APPROVE").json();
    assertThat(done.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(done.path("approvals").get(1).path("step").asText()).isEqualTo("MANAGER");
    assertThat(done.path("payment").path("status").asText()).isEqualTo("NOT_DUE");
  }

  @Test
  void rejectionAtEitherStepEndsTheCase() {
    String c1 = openOk(body(worker(false), "C1", "B3", "CASH", 500, 0));
    assertThat(fieldCodes(s.as("finance").post("/api/v1/cases/" + c1 + "/approval", Map.of("decision", "REJECT"))))
        .contains("comment:REQUIRED");
    JsonNode r1 = approve("finance", c1, "REJECT").json();
    assertThat(r1.path("status").asText()).isEqualTo("REJECTED");
    assertThat(r1.path("rejectComment").asText()).isEqualTo("意见");
    assertThat(instance(c1)).isNull();

    String c2 = openOk(body(worker(false), "C1", "B3", "CASH", 2500, 0));
    approve("finance", c2, "APPROVE");
    assertThat(approve("manager", c2, "REJECT").json().path("status").asText()).isEqualTo("REJECTED");
    assertThat(instance(c2)).isNull();
    assertThat(approve("manager2", c2, "APPROVE").code()).isEqualTo("INVALID_STATE");
  }

  @Test
  void segregationOfDuties() {
    // One person holding every role: may open, but never sign off their own case.
    String all = s.p.toLowerCase() + ".all";
    s.admin.post("/api/v1/users", Map.of("username", all, "password", Scenario.PW, "displayName", "全能", "orgCode",
        s.school, "roles", List.of("OFFICER", "FINANCE", "MANAGER")));
    Api allRoles = s.anonymous.as(all, Scenario.PW);
    String own = allRoles.post("/api/v1/cases", body(worker(false), "C1", "B3", "CASH", 2500, 0)).json().path("caseNumber").asText();
    Api.Res r = allRoles.post("/api/v1/cases/" + own + "/approval", Map.of("decision", "APPROVE"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.code()).isEqualTo("SEGREGATION_OF_DUTIES");

    // Another case: they give the finance sign-off, and then may not give the manager's.
    String other = openOk(body(worker(false), "C1", "B3", "CASH", 2500, 0));
    assertThat(allRoles.post("/api/v1/cases/" + other + "/approval", Map.of("decision", "APPROVE")).status()).isEqualTo(200);
    Api.Res twice = allRoles.post("/api/v1/cases/" + other + "/approval", Map.of("decision", "APPROVE"));
    assertThat(twice.status()).isEqualTo(403);
    assertThat(twice.code()).isEqualTo("SEGREGATION_OF_DUTIES");
    assertThat(approve("manager", other, "APPROVE").json().path("status").asText()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void twoPeopleRacingForTheSameSignOffExactlyOneWins() throws Exception {
    for (int round = 0; round < 3; round++) {
      String c = openOk(body(worker(false), "C" + (round + 1), "B3", "CASH", 500, 0));
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<Api.Res>> results = new ArrayList<>();
      for (String who : List.of("finance", "cityfinance")) {
        results.add(pool.submit(() -> {
          start.await();
          return approve(who, c, "APPROVE");
        }));
      }
      start.countDown();
      List<Integer> codes = new ArrayList<>();
      for (Future<Api.Res> f : results) {
        codes.add(f.get().status());
      }
      pool.shutdown();
      assertThat(codes).as("round " + round + ": " + codes).containsExactlyInAnyOrder(200, 409);
      assertThat(jdbc.queryForObject("select count(*) from case_approval a join aid_case c on c.id = a.case_id "
          + "where c.case_number = ?", Integer.class, c)).isEqualTo(1);
      assertThat(get(c).path("status").asText()).isEqualTo("IN_PROGRESS");
    }
  }

  // ------------------------------------------------------------------ visit, hand-over, close

  @Test
  void cashIsHandedOverAtTheVisitOnlyAfterApproval() {
    String c = openOk(body(worker(false), "C5", "B3", "CASH", 600, 200));
    Api.Res early = visit(c, true);
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.code()).isEqualTo("INVALID_STATE");
    assertThat(get(c).path("visit").path("status").asText()).isEqualTo("PLANNED");
    approve("finance", c, "APPROVE");
    Api.Res close = s.as("officer").post("/api/v1/cases/" + c + "/close", Map.of());
    assertThat(close.status()).isEqualTo(409);
    assertThat(close.code()).isEqualTo("NOT_READY");
    JsonNode v = visit(c, true).json();
    assertThat(v.path("visit").path("status").asText()).isEqualTo("COMPLETED");
    assertThat(v.path("visit").path("visitedOn").asText()).isEqualTo(today);
    assertThat(v.path("payment").path("status").asText()).isEqualTo("PAID");
    JsonNode closed = s.as("officer").post("/api/v1/cases/" + c + "/close", Map.of()).json();
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    assertThat(instance(c)).isNull();
    Map<String, Object> fact = jdbc.queryForMap("select * from stat_case_fact where case_number=?", c);
    assertThat(fact.get("CATEGORY") == null ? fact.get("category") : fact.get("CATEGORY")).isEqualTo("C5");
    assertThat(jdbc.queryForObject("select amount_fen + goods_fen from stat_case_fact where case_number=?", Long.class, c))
        .isEqualTo(80000L);
    assertThat(jdbc.queryForObject("select e2 and e3 and not e1 from stat_case_fact where case_number=?", Boolean.class, c)).isTrue();
  }

  @Test
  void bankPaymentsWaitForTheBankAndClosingNeedsBoth() {
    String c = openOk(body(worker(true), "C11", "B1", "BANK_CARD", 900, 0));
    approve("finance", c, "APPROVE");
    assertThat(visit(c, false).json().path("payment").path("status").asText()).isEqualTo("QUEUED");
    assertThat(s.as("officer").post("/api/v1/cases/" + c + "/close", Map.of()).code()).isEqualTo("NOT_READY");
    payByBank(c);
    assertThat(get(c).path("payment").path("status").asText()).isEqualTo("PAID");
    assertThat(s.as("officer").post("/api/v1/cases/" + c + "/close", Map.of()).json().path("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void aWaivedVisitNeedsAReasonAndCashIsThenSignedForSeparately() {
    String c = openOk(body(worker(false), "C4", "B3", "CASH", 500, 0));
    approve("finance", c, "APPROVE");
    assertThat(fieldCodes(s.as("officer").post("/api/v1/cases/" + c + "/visit", Map.of("outcome", "WAIVED"))))
        .contains("notes:REQUIRED");
    JsonNode w = s.as("officer").post("/api/v1/cases/" + c + "/visit", Map.of("outcome", "WAIVED", "notes",
        "职工在外地住院")).json();
    assertThat(w.path("visit").path("status").asText()).isEqualTo("WAIVED");
    assertThat(s.as("officer").post("/api/v1/cases/" + c + "/close", Map.of()).code()).isEqualTo("NOT_READY");
    assertThat(s.as("officer").post("/api/v1/cases/" + c + "/handover", Map.of("receivedOn", today)).json()
        .path("payment").path("status").asText()).isEqualTo("PAID");
    assertThat(s.as("officer").post("/api/v1/cases/" + c + "/close", Map.of()).json().path("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void voidingAClosedCaseTakesItOutOfTheStatistics() {
    long w = worker(false);
    String c = openOk(body(w, "C7", "B3", "GOODS", 0, 300));
    assertThat(s.as("manager").post("/api/v1/cases/" + c + "/void", Map.of("reason", "x")).code()).isEqualTo("INVALID_STATE");
    approve("finance", c, "APPROVE");
    visit(c, true);
    s.as("officer").post("/api/v1/cases/" + c + "/close", Map.of());
    assertThat(s.as("officer").post("/api/v1/cases/" + c + "/void", Map.of("reason", "x")).status()).isEqualTo(403);
    assertThat(fieldCodes(s.as("manager").post("/api/v1/cases/" + c + "/void", Map.of("reason", " ")))).contains("reason:REQUIRED");
    JsonNode v = s.as("manager").post("/api/v1/cases/" + c + "/void", Map.of("reason", "重复发放，已追回")).json();
    assertThat(v.path("status").asText()).isEqualTo("VOIDED");
    assertThat(jdbc.queryForObject("select voided from stat_case_fact where case_number=?", Boolean.class, c)).isTrue();
    // Voided frees the category for this campaign again.
    assertThat(open(body(w, "C7", "B3", "GOODS", 0, 300)).status()).isEqualTo(201);
    assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type='CASE' and entity_id=?", Integer.class, c))
        .isGreaterThanOrEqualTo(5);
  }

  @Test
  void visitReminderAndOverdueEscalationFireAndAreClearedByTheVisit() {
    String c = openOk(body(worker(false), "C6", "B3", "CASH", 300, 0));
    approve("finance", c, "APPROVE");
    List<Job> timers = management.createJobQuery().processInstanceId(instance(c).getId()).timers().orderByJobDuedate().asc().list();
    assertThat(timers).hasSize(2);
    LocalDate planned = LocalDate.now(clock).plusDays(3);
    assertThat(timers.get(0).getDuedate().toInstant()).isEqualTo(planned.minusDays(1).atStartOfDay(clock.getZone()).toInstant());
    // The overdue alert counts working days (holidays and swapped weekend days included).
    assertThat(timers.get(1).getDuedate().toInstant())
        .isEqualTo(calendar.after(planned, 3).plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    management.executeJob(timers.get(0).getId());
    runAsyncSteps(c); // the reminder is created in its own job, after the timer's
    assertThat(s.as("officer").get("/api/v1/tasks").text()).contains("\"key\":\"visitReminder\"", c);
    management.executeJob(timers.get(1).getId());
    runAsyncSteps(c);
    assertThat(s.as("manager").get("/api/v1/tasks").text()).contains("\"key\":\"visitOverdue\"", c);
    visit(c, true);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(c)
        .taskDefinitionKeyIn("visitReminder", "visitOverdue").count()).isZero();
    assertThat(s.as("officer").post("/api/v1/cases/" + c + "/close", Map.of()).json().path("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void reschedulingMovesTheTimers() {
    String c = openOk(body(worker(false), "C8", "B3", "CASH", 300, 0));
    approve("finance", c, "APPROVE");
    LocalDate later = LocalDate.now(clock).plusDays(10);
    Api.Res r = s.as("officer").post("/api/v1/cases/" + c + "/visit/reschedule", Map.of("plannedDate", later.toString()));
    assertThat(r.json().path("visit").path("plannedDate").asText()).isEqualTo(later.toString());
    List<Job> timers = management.createJobQuery().processInstanceId(instance(c).getId()).timers().orderByJobDuedate().asc().list();
    assertThat(timers.get(0).getDuedate().toInstant()).isEqualTo(later.minusDays(1).atStartOfDay(clock.getZone()).toInstant());
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(c).taskDefinitionKey("recordVisit").singleResult()
        .getDueDate().toInstant()).isEqualTo(later.atStartOfDay(clock.getZone()).toInstant());
  }

  /** The thresholds live in the DMN table: a new version of it changes who signs, with no code change. */
  @Test
  void changingTheDecisionTableChangesTheApprovalSteps() throws Exception {
    String original = new String(getClass().getResourceAsStream("/bpmn/approval-steps.dmn").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    String stricter = original.replace("&gt; 200000", "&gt; 100000");
    assertThat(stricter).isNotEqualTo(original);
    var deployment = repository.createDeployment().name("stricter approval").addString("approval-steps.dmn", stricter).deploy();
    try {
      String c = openOk(body(worker(false), "C9", "B3", "CASH", "1500", 0));
      assertThat(actions("finance", c)).containsExactly("APPROVE_FINANCE");
      assertThat(approve("finance", c, "APPROVE").json().path("status").asText()).as("1,500 now needs the manager")
          .isEqualTo("PENDING_APPROVAL");
      assertThat(actions("manager", c)).containsExactly("APPROVE_MANAGER");
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
    String c = openOk(body(worker(false), "C10", "B3", "CASH", "1500", 0));
    assertThat(approve("finance", c, "APPROVE").json().path("status").asText()).isEqualTo("IN_PROGRESS");
  }

  // ------------------------------------------------------------------ actions

  List<String> actions(String who, String caseNumber) {
    JsonNode c = s.as(who).get("/api/v1/cases/" + caseNumber).json();
    return StreamSupport.stream(c.path("actions").spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void actionsFollowTheCaseTheOpenTasksAndTheTableAndReflectSegregationOfDuties() {
    String c = openOk(body(worker(false), "C3", "B3", "CASH", "2500", 0));
    assertThat(actions("officer", c)).containsExactly("RESCHEDULE_VISIT");
    assertThat(actions("finance", c)).containsExactly("APPROVE_FINANCE");
    assertThat(actions("manager", c)).as("finance signs first").isEmpty();
    assertThat(get(c).path("managerRequired").asBoolean()).as("the table's answer is kept on the case").isTrue();
    approve("finance", c, "APPROVE");
    assertThat(actions("finance", c)).isEmpty();
    assertThat(actions("manager", c)).containsExactly("APPROVE_MANAGER");
    assertThat(actions("citymanager", c)).containsExactly("APPROVE_MANAGER");
    approve("manager", c, "APPROVE");
    assertThat(actions("officer", c)).containsExactly("RECORD_VISIT", "RESCHEDULE_VISIT");
    assertThat(actions("finance", c)).isEmpty();
    // Cash handed over after a visit recorded without a signed receipt: the way forward is the hand-over.
    assertThat(s.as("officer").post("/api/v1/cases/" + c + "/handover", Map.of("receivedOn", today)).code())
        .as("not before the visit").isEqualTo("INVALID_STATE");
    assertThat(visit(c, false).json().path("actions").toString()).isEqualTo("[\"CONFIRM_HANDOVER\"]");
    assertThat(s.as("officer").post("/api/v1/cases/" + c + "/close", Map.of()).code()).isEqualTo("NOT_READY");
    JsonNode handed = s.as("officer").post("/api/v1/cases/" + c + "/handover", Map.of("receivedOn", today)).json();
    assertThat(handed.path("payment").path("status").asText()).isEqualTo("PAID");
    assertThat(handed.path("actions").toString()).isEqualTo("[\"CLOSE\"]");
    s.as("officer").post("/api/v1/cases/" + c + "/close", Map.of());
    assertThat(actions("officer", c)).isEmpty();
    assertThat(actions("manager", c)).containsExactly("VOID");

    // One person with every role: never signs their own case, never signs twice.
    String all = s.p.toLowerCase() + ".every";
    s.admin.post("/api/v1/users", Map.of("username", all, "password", Scenario.PW, "displayName", "全能", "orgCode",
        s.school, "roles", List.of("OFFICER", "FINANCE", "MANAGER")));
    Api allRoles = s.anonymous.as(all, Scenario.PW);
    String own = allRoles.post("/api/v1/cases", body(worker(false), "C4", "B3", "CASH", 2500, 0)).json().path("caseNumber").asText();
    assertThat(allRoles.get("/api/v1/cases/" + own).json().path("actions").toString()).isEqualTo("[\"RESCHEDULE_VISIT\"]");
    String other = openOk(body(worker(false), "C5", "B3", "CASH", 2500, 0));
    assertThat(allRoles.get("/api/v1/cases/" + other).json().path("actions").toString()).contains("APPROVE_FINANCE");
    JsonNode signed = allRoles.post("/api/v1/cases/" + other + "/approval", Map.of("decision", "APPROVE")).json();
    assertThat(signed.path("actions").toString()).as("a finance signer never gets APPROVE_MANAGER on the same case")
        .doesNotContain("APPROVE_MANAGER");
    assertThat(actions("manager", other)).containsExactly("APPROVE_MANAGER");
  }

  @Test
  void aManagerOnlyTableGivesTheManagerTheButtonOnThePageAndInActions() throws Exception {
    String original = new String(getClass().getResourceAsStream("/bpmn/approval-steps.dmn").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    String managerOnly = original.replaceAll("(<outputEntry id=\"r\\dFinance\"><text>)true(</text>)", "$1false$2")
        .replace("<outputEntry id=\"r3Manager\"><text>false</text>", "<outputEntry id=\"r3Manager\"><text>true</text>");
    assertThat(managerOnly).doesNotContain("Finance\"><text>true").doesNotContain("r3Manager\"><text>false");
    var deployment = repository.createDeployment().name("manager only").addString("approval-steps.dmn", managerOnly).deploy();
    try {
      String c = openOk(body(worker(false), "C6", "B3", "CASH", "500", 0));
      assertThat(actions("finance", c)).isEmpty();
      assertThat(actions("manager", c)).containsExactly("APPROVE_MANAGER");
      assertThat(get(c).path("financeRequired").asBoolean()).isFalse();
      var page = new cn.warmth.support.BrowserSession(port);
      page.login(s.name("manager"), Scenario.PW);
      assertThat(page.get("/cases/" + c).body()).contains("id=\"approve\"");
      var financePage = new cn.warmth.support.BrowserSession(port);
      financePage.login(s.name("finance"), Scenario.PW);
      assertThat(financePage.get("/cases/" + c).body()).doesNotContain("id=\"approve\"");
      assertThat(approve("finance", c, "APPROVE").code()).isEqualTo("INVALID_STATE");
      assertThat(approve("manager", c, "APPROVE").json().path("status").asText()).isEqualTo("IN_PROGRESS");
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  static List<String> fieldCodes(Api.Res r) {
    return StreamSupport.stream(r.json().path("errors").spliterator(), false)
        .map(n -> n.path("field").asText() + ":" + n.path("code").asText()).toList();
  }
}

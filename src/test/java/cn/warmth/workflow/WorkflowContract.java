package cn.warmth.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.BrowserSession;
import cn.warmth.support.Flows;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seam between people and the engine: a timer never beats a person (timer jobs made to
 * collide with a person's call, deterministically), the engine records who acted, variables are
 * JSON, history is cleaned in its window, failed jobs back off and are counted for administrators.
 */
abstract class WorkflowContract {
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  ProcessEngineConfiguration engineConfiguration;
  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  WorkflowCommandInterceptor commands;
  @Autowired
  MutableClock clock;
  @Autowired
  cn.warmth.calendar.WorkingCalendar workingCalendar;
  Scenario s;
  Flows f;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    f = new Flows(s, LocalDate.now(clock));
  }

  @AfterEach
  void engineClock() {
    ClockUtil.reset();
  }

  ProcessInstance instance(String businessKey) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
  }

  /** The case's timer job on the given boundary event (visitReminderDue, visitOverdueDue). */
  Job timer(String caseNumber, String activityId) {
    return management.createJobQuery().processInstanceId(instance(caseNumber).getId()).timers().list().stream()
        .filter(j -> activityId.equals(management.createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId())
            .singleResult().getActivityId()))
        .findFirst().orElseThrow();
  }

  Job asyncStep(String caseNumber) {
    return management.createJobQuery().processInstanceId(instance(caseNumber).getId()).messages().singleResult();
  }

  long audited(String caseNumber, String action) {
    return jdbc.queryForObject("select count(*) from audit_log where entity_type = 'CASE' and entity_id = ? and action = ?",
        Long.class, caseNumber, action);
  }

  /**
   * Makes a job and a person's call collide: the job runs in a transaction that is held open
   * after the job's work is done (its rows locked, not yet committed) until the person's
   * transaction waits on those locks; then the job commits, and the person's transaction finds
   * the engine's rows changed under it. Without the retry the person would get 409.
   */
  Api.Res collide(String jobId, Supplier<Api.Res> person) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch jobDone = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      TransactionTemplate tx = new TransactionTemplate(transactions);
      Future<?> job = pool.submit(() -> tx.executeWithoutResult(st -> {
        management.executeJob(jobId);
        jobDone.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      assertThat(jobDone.await(30, TimeUnit.SECONDS)).as("the job ran").isTrue();
      Future<Api.Res> call = pool.submit(person::get);
      for (int i = 0; i < 500 && lockWaits() == 0 && !call.isDone(); i++) {
        Thread.sleep(20);
      }
      assertThat(lockWaits()).as("the person's transaction waits on the job's locks").isPositive();
      release.countDown();
      job.get(30, TimeUnit.SECONDS);
      return call.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Sessions waiting for a row lock held by another transaction (PostgreSQL or H2). */
  long lockWaits() {
    String db = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    String sql = "PostgreSQL".equals(db)
        ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
        : "select count(*) from information_schema.sessions where blocker_id is not null";
    return jdbc.queryForObject(sql, Long.class);
  }

  // ------------------------------------------------------------------ a timer never beats a person

  @Test
  void theDayBeforeReminderFiringWhileTheOfficerRecordsTheVisitDoesNotRefuseTheOfficer() throws Exception {
    String c = f.openCase("CASH", "500", 1); // visit tomorrow: the reminder is due at once
    f.approveOk("finance", c);
    Job reminder = timer(c, "visitReminderDue");
    assertThat(reminder.getDuedate()).isBeforeOrEqualTo(java.util.Date.from(clock.instant()));
    long retries = commands.retries();

    Api.Res visit = collide(reminder.getId(), () -> f.visit("officer", c, true));

    assertThat(visit.status()).as(visit.toString()).isEqualTo(200);
    assertThat(commands.retries()).as("the officer's command was retried once the job had committed").isGreaterThan(retries);
    assertThat(visit.json().path("visit").path("status").asText()).isEqualTo("COMPLETED");
    assertThat(visit.json().path("payment").path("status").asText()).isEqualTo("PAID");
    assertThat(audited(c, "CASE_VISIT_COMPLETED")).as("recorded exactly once").isEqualTo(1);
    // The reminder's own step finds the visit done and creates no reminder; the case can close.
    management.executeJob(asyncStep(c).getId());
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(c).taskDefinitionKey("visitReminder").count()).isZero();
    assertThat(f.close("officer", c).json().path("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void reschedulingWhileTheReminderFiresMovesTheRemainingTimer() throws Exception {
    String c = f.openCase("CASH", "500", 1);
    f.approveOk("finance", c);
    LocalDate later = LocalDate.now(clock).plusDays(12);
    long retries = commands.retries();

    Api.Res moved = collide(timer(c, "visitReminderDue").getId(), () -> s.as("officer").post(
        "/api/v1/cases/" + c + "/visit/reschedule", Map.of("plannedDate", later.toString())));

    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(commands.retries()).isGreaterThan(retries);
    assertThat(moved.json().path("visit").path("plannedDate").asText()).isEqualTo(later.toString());
    assertThat(audited(c, "CASE_VISIT_RESCHEDULED")).isEqualTo(1);
    assertThat(timer(c, "visitOverdueDue").getDuedate().toInstant())
        .as("the day after 3 working days after the new date (weekends and holidays not counted)")
        .isEqualTo(workingCalendar.after(later, 3).plusDays(1).atStartOfDay(BEIJING).toInstant());
  }

  @Test
  void closingWhileALateReminderStepRunsClosesTheCase() throws Exception {
    String c = f.openCase("GOODS", "300", 1);
    f.approveOk("finance", c);
    management.executeJob(timer(c, "visitReminderDue").getId()); // fired; its follow-up job waits
    assertThat(f.visit("officer", c, true).status()).isEqualTo(200);
    long retries = commands.retries();

    Api.Res closed = collide(asyncStep(c).getId(), () -> f.close("officer", c));

    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    assertThat(commands.retries()).isGreaterThan(retries);
    assertThat(closed.json().path("status").asText()).isEqualTo("CLOSED");
    assertThat(audited(c, "CASE_CLOSED")).isEqualTo(1);
    assertThat(instance(c)).as("the process ended").isNull();
    assertThat(jdbc.queryForObject("select count(*) from stat_case_fact where case_number = ?", Long.class, c))
        .isEqualTo(1);
  }

  @Test
  void twoPeopleRecordingTheSameVisitStillConflict() throws Exception {
    String c = f.openCase("CASH", "500", 5);
    f.approveOk("finance", c);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Res>> calls = new ArrayList<>();
    for (String who : List.of("officer", "officer2")) {
      calls.add(pool.submit(() -> {
        start.await();
        return f.visit(who, c, true);
      }));
    }
    start.countDown();
    List<Integer> codes = new ArrayList<>();
    for (Future<Api.Res> call : calls) {
      codes.add(call.get(60, TimeUnit.SECONDS).status());
    }
    pool.shutdown();
    assertThat(codes).as(codes.toString()).containsExactlyInAnyOrder(200, 409);
    assertThat(audited(c, "CASE_VISIT_COMPLETED")).isEqualTo(1);
  }

  // ------------------------------------------------------------------ the engine records the actor

  @Test
  void aFinishedCaseNamesEveryActorInItsTimelineAndTheEngineHistoryHasTheAssignees() {
    String c = f.openCase("CASH", "2500", 3); // over 2,000: finance, then the manager
    JsonNode pending = s.as("officer").get("/api/v1/cases/" + c + "/timeline").json();
    assertThat(pending.get(pending.size() - 1).path("activity").asText()).isEqualTo("financeApproval");
    assertThat(pending.get(pending.size() - 1).path("pending").asBoolean()).isTrue();
    assertThat(pending.get(pending.size() - 1).path("at").isNull()).as("a pending step has no time").isTrue();

    f.approveOk("finance", c);
    f.approveOk("citymanager", c);
    assertThat(f.visit("officer", c, true).status()).isEqualTo(200);
    assertThat(f.close("officer2", c).status()).isEqualTo(200);

    JsonNode timeline = s.as("officer").get("/api/v1/cases/" + c + "/timeline").json();
    List<String> steps = StreamSupport.stream(timeline.spliterator(), false).map(n -> n.path("activity").asText()).toList();
    assertThat(steps).containsExactly("opened", "financeApproval", "managerApproval", "visit", "handedOver", "closed");
    Map<String, String> actors = new java.util.HashMap<>();
    timeline.forEach(n -> actors.put(n.path("activity").asText(), n.path("byName").asText(null)));
    assertThat(actors).containsEntry("opened", "测试officer").containsEntry("financeApproval", "测试finance")
        .containsEntry("managerApproval", "测试citymanager").containsEntry("visit", "测试officer")
        .containsEntry("handedOver", "测试officer").containsEntry("closed", "测试officer2");
    timeline.forEach(n -> {
      assertThat(n.path("pending").asBoolean()).isFalse();
      assertThat(n.path("at").asText()).isNotBlank();
    });
    assertThat(timeline.get(1).path("name").asText()).isEqualTo("财务审核");
    assertThat(timeline.get(1).path("outcome").asText()).isEqualTo("同意");
    assertThat(timeline.get(1).path("detail").asText()).startsWith("同意，测试finance，");
    // No gateway, decision or other technical step in the story.
    assertThat(timeline.toString()).doesNotContain("需财务审核", "发放方式", "确定审批步骤", "financeNeeded");

    // Cockpit's history: every user task was claimed and completed by the person who acted.
    String pi = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(c).singleResult().getId();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getStartUserId())
        .isEqualTo(s.name("officer"));
    Map<String, String> assignees = new java.util.HashMap<>();
    for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(pi).list()) {
      assignees.put(t.getTaskDefinitionKey(), t.getAssignee());
    }
    assertThat(assignees).containsEntry("approveFinance", s.name("finance"))
        .containsEntry("approveManager", s.name("citymanager")).containsEntry("recordVisit", s.name("officer"))
        .containsEntry("closeCase", s.name("officer2"));
    assertThat(history.createUserOperationLogQuery().processInstanceId(pi).operationType("Complete").list())
        .extracting(e -> e.getUserId()).contains(s.name("finance"), s.name("citymanager"), s.name("officer"),
            s.name("officer2"));

    // The page tells the same story, in English too.
    BrowserSession page = new BrowserSession(port);
    page.login(s.name("officer"), Scenario.PW);
    String zh = page.get("/cases/" + c).body();
    assertThat(zh).contains("财务审核（同意，测试finance，", "负责人审批（同意，测试citymanager，", "结案（测试officer2，");
    String en = page.get("/cases/" + c + "?lang=en").body();
    assertThat(en).contains("Finance sign-off (approved, 测试finance, ", "Closed (测试officer2, ");
  }

  // ------------------------------------------------------------------ engine hygiene

  @Test
  void processVariablesAreNeverJavaSerialized() {
    String c = f.openCase("CASH", "2500", 3);
    f.approveOk("finance", c);
    long file = f.submitFile();
    s.as("manager").post("/api/v1/hardship-files/" + file + "/review", Map.of("decision", "APPROVE", "comment", "属实"));
    f.submitReport("manager", "报告");
    String pi = instance(c).getId();
    // The decision table's result is JSON; the candidate groups are plain strings.
    assertThat(jdbc.queryForObject("select TYPE_ from ACT_RU_VARIABLE where PROC_INST_ID_ = ? and NAME_ = 'approvalSteps'",
        String.class, pi)).isEqualTo("spin://application/json");
    assertThat(jdbc.queryForObject("select TYPE_ from ACT_RU_VARIABLE where PROC_INST_ID_ = ? and NAME_ = 'financeGroups'",
        String.class, pi)).isEqualTo("string");
    assertThat(runtime.getVariable(pi, "approvalSteps")).isEqualTo(Map.of("financeRequired", true, "managerRequired", true));
    // Nothing anywhere (this test's data and everything before it in this database) is Java-serialized.
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE where TYPE_ = 'serializable'", Long.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_VARINST where VAR_TYPE_ = 'serializable'", Long.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where VAR_TYPE_ = 'serializable'", Long.class)).isZero();
  }

  @Test
  void historyIsCleanedInTheNightWindowBeijingTimeOnceItsTimeToLiveHasPassed() {
    var cfg = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engineConfiguration;
    // The window is 01:00–05:00 in Beijing, whatever the JVM's zone.
    assertThat(LocalTime.ofInstant(cfg.getHistoryCleanupBatchWindowStartTimeAsDate().toInstant(), BEIJING))
        .isEqualTo(LocalTime.of(1, 0));
    assertThat(LocalTime.ofInstant(cfg.getHistoryCleanupBatchWindowEndTimeAsDate().toInstant(), BEIJING))
        .isEqualTo(LocalTime.of(5, 0));
    Job scheduled = history.cleanUpHistoryAsync();
    LocalTime due = LocalTime.ofInstant(scheduled.getDuedate().toInstant(), BEIJING);
    assertThat(due).as("the clean-up job is due in the night window").isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));

    // A case rejected ten years and a day ago (engine clock moved back), and one rejected today.
    // (The engine's clock is the real one; the application's test clock may have been moved by other tests.)
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().minus(Duration.ofDays(3651))));
    String old = f.openCase("CASH", "500", 3);
    assertThat(s.as("finance").post("/api/v1/cases/" + old + "/approval", Map.of("decision", "REJECT", "comment", "不符合"))
        .status()).isEqualTo(200);
    ClockUtil.reset();
    String recent = f.openCase("CASH", "500", 3);
    s.as("finance").post("/api/v1/cases/" + recent + "/approval", Map.of("decision", "REJECT", "comment", "不符合"));
    String oldPi = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(old).singleResult().getId();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(oldPi).singleResult().getRemovalTime())
        .as("removal time = end + the process's time to live (P3650D)").isBefore(java.util.Date.from(Instant.now()));

    management.executeJob(history.cleanUpHistoryAsync(true).getId());

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(old).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(oldPi).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(oldPi).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(recent).count())
        .as("history still within its time to live stays").isEqualTo(1);
    // The case itself is business data, not engine history: it stays.
    assertThat(s.as("officer").get("/api/v1/cases/" + old).json().path("status").asText()).isEqualTo("REJECTED");
  }

  @Test
  void aFailedTimerJobBacksOffAndAdministratorsSeeTheCount() {
    long before = management.createJobQuery().withException().count();
    // A filing process whose file does not exist: filing fails when the notice timer fires.
    ProcessInstance broken = runtime.startProcessInstanceByKey("hardshipFiling", s.p + "-BROKEN",
        Map.of("fileId", -1L, "managerGroups", "manager@" + s.school, "officerGroups", "officer@" + s.school));
    String task = tasks.createTaskQuery().processInstanceId(broken.getId()).singleResult().getId();
    tasks.complete(task, Map.of("approved", true, "noticeRequired", true,
        "noticeOverAt", java.util.Date.from(Instant.now().minusSeconds(60))));
    Job notice = management.createJobQuery().processInstanceId(broken.getId()).timers().singleResult();
    Instant ranAt = Instant.now();
    try {
      management.executeJob(notice.getId());
    } catch (RuntimeException expected) {
      // the delegate fails: no such file
    }
    Job failed = management.createJobQuery().jobId(notice.getId()).singleResult();
    assertThat(failed.getExceptionMessage()).isNotBlank();
    assertThat(failed.getRetries()).as("R5/PT5M: five tries, one used").isEqualTo(4);
    assertThat(Duration.between(ranAt, failed.getDuedate().toInstant()))
        .as("the next try is five minutes later").isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));

    BrowserSession admin = new BrowserSession(port);
    admin.login("admin", "warmth-root-pw-1");
    var page = admin.get("/admin/engine");
    assertThat(page.statusCode()).isEqualTo(200);
    var count = java.util.regex.Pattern.compile("id=\"failed-jobs\"[^>]*>(\\d+)<").matcher(page.body());
    assertThat(count.find()).as(page.body()).isTrue();
    assertThat(Long.parseLong(count.group(1))).isEqualTo(before + 1);
    assertThat(page.body()).contains("01:00–05:00");
    BrowserSession officer = new BrowserSession(port);
    officer.login(s.name("officer"), Scenario.PW);
    assertThat(officer.get("/admin/engine").statusCode()).as("administrators only").isEqualTo(403);
    runtime.deleteProcessInstance(broken.getId(), "test over");
  }
}

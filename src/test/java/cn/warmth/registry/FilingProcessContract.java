package cn.warmth.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.warmth.support.Api;

import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.util.ReflectionTestUtils;

/** Every path of bpmn/hardship-filing.bpmn, driven through the API as the users would. */

abstract class FilingProcessContract {
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  HardshipFiles files;
  @Autowired
  MutableClock clock;
  @Autowired
  cn.warmth.calendar.WorkingCalendar calendar;
  Scenario s;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    s = new Scenario(port);
  }

  @AfterEach
  void restoreNoticeDays() {
    ReflectionTestUtils.setField(files, "noticeDays", 5);
  }

  long submit() {
    long wid = s.worker("测试" + "甲乙丙丁".charAt((int) (System.nanoTime() % 4)), TestIds.nextId(), null);
    Api.Res r = s.as("officer").post("/api/v1/workers/" + wid + "/hardship-file", RegistryApiContract.fileBody());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  ProcessInstance instance(long fileId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey("FILE-" + fileId).singleResult();
  }


  Job timer(long fileId) {
    return management.createJobQuery().processInstanceId(instance(fileId).getId()).timers().singleResult();
  }

  JsonNode file(long fileId) {
    return s.as("officer").get("/api/v1/hardship-files/" + fileId).json();
  }

  JsonNode review(String who, long fileId, String decision) {
    Api.Res r = s.as(who).post("/api/v1/hardship-files/" + fileId + "/review", Map.of("decision", decision, "comment", "审核意见"));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  boolean finished(String businessKey, String endId) {
    return history.createHistoricActivityInstanceQuery()
        .processInstanceId(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
            .singleResult().getId())
        .activityId(endId).count() == 1;
  }

  @Test
  void reviewTaskIsOfferedToManagersWhoseScopeContainsTheFile() {
    long fileId = submit();
    ProcessInstance pi = instance(fileId);
    assertThat(pi).isWaitingAt("reviewFile");
    assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(pi))
        .hasCandidateGroup("manager@" + s.school).hasCandidateGroup("manager@" + s.city).hasCandidateGroup("manager@SX");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskCandidateGroup("manager@" + s.otherSchool).count()).isZero();
    // The inbox agrees: the school's and the city's managers see it, the sibling school's does not.
    assertThat(s.as("manager").get("/api/v1/tasks").text()).contains("\"fileId\":" + fileId);
    assertThat(s.as("citymanager").get("/api/v1/tasks").text()).contains("\"fileId\":" + fileId);
    assertThat(s.as("othermanager").get("/api/v1/tasks").text()).doesNotContain("\"fileId\":" + fileId);
  }

  @Test
  void rejectEndsTheProcess() {
    long fileId = submit();
    assertThat(review("manager", fileId, "REJECT").path("status").asText()).isEqualTo("REJECTED");
    assertThat(instance(fileId)).isNull();
    assertThat(finished("FILE-" + fileId, "fileRejected")).isTrue();
  }

  @Test
  void approveRunsTheNoticeTimerThenFilesAndSchedulesTheYearlyReview() {
    long fileId = submit();
    JsonNode approved = review("manager", fileId, "APPROVE");
    assertThat(approved.path("status").asText()).isEqualTo("PUBLIC_NOTICE");
    LocalDate until = LocalDate.parse(approved.path("noticeUntil").asText());
    LocalDate today = LocalDate.now(clock);
    assertThat(until).isEqualTo(calendar.after(today, 5));
    assertThat(instance(fileId)).isWaitingAt("publicNotice");
    Job notice = timer(fileId);
    assertThat(notice.getDuedate().toInstant()).isEqualTo(until.plusDays(1).atStartOfDay(BEIJING).toInstant());

    // The notice ends without objection.
    clock.advance(Duration.ofDays(9));
    management.executeJob(notice.getId());
    JsonNode filed = file(fileId);
    assertThat(filed.path("status").asText()).isEqualTo("FILED");
    LocalDate filedDate = LocalDate.parse(filed.path("filedDate").asText());
    assertThat(filedDate).isEqualTo(LocalDate.now(clock));
    assertThat(filed.path("nextReviewDate").asText()).isEqualTo(filedDate.plusYears(1).toString());
    assertThat(instance(fileId)).isWaitingAt("awaitFileEvent");
    Job yearly = timer(fileId);
    assertThat(yearly.getDuedate().toInstant()).isEqualTo(filedDate.plusYears(1).atStartOfDay(BEIJING).toInstant());
    // "File first": the registry tells other modules the filed date.
    assertThat(files.filedDateOf(filed.path("workerId").asLong())).contains(filedDate);

    // A year later the officer is reminded to review the file.
    management.executeJob(yearly.getId());
    assertThat(instance(fileId)).isWaitingAt("reviewAnnually");
    assertThat(s.as("officer").get("/api/v1/tasks").text()).contains("reviewAnnually");
    Api.Res done = s.as("officer").post("/api/v1/hardship-files/" + fileId + "/annual-review", Map.of("comment", "仍困难"));
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.json().path("nextReviewDate").asText()).isEqualTo(filedDate.plusYears(2).toString());
    assertThat(instance(fileId)).isWaitingAt("awaitFileEvent");
    assertThat(timer(fileId).getDuedate().toInstant()).isEqualTo(filedDate.plusYears(2).atStartOfDay(BEIJING).toInstant());

    // Closing ends the process.
    Api.Res closed = s.as("officer").post("/api/v1/hardship-files/" + fileId + "/close", Map.of("reason", "OUT_OF_HARDSHIP", "comment", "已再就业"));
    assertThat(closed.json().path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.json().path("closeReason").asText()).isEqualTo("OUT_OF_HARDSHIP");
    assertThat(instance(fileId)).isNull();
    assertThat(finished("FILE-" + fileId, "fileClosed")).isTrue();
  }

  @Test
  void anObjectionDuringTheNoticeSendsTheFileBackToReview() {
    long fileId = submit();
    review("manager", fileId, "APPROVE");
    assertThat(s.as("officer").post("/api/v1/hardship-files/" + fileId + "/objection", Map.of("comment", " ")).status())
        .isEqualTo(400);
    Api.Res objection = s.as("officer2").post("/api/v1/hardship-files/" + fileId + "/objection",
        Map.of("comment", "群众反映有房产出租收入"));
    assertThat(objection.json().path("status").asText()).isEqualTo("PENDING_REVIEW");
    assertThat(instance(fileId)).isWaitingAt("reviewFile");
    assertThat(management.createJobQuery().processInstanceId(instance(fileId).getId()).timers().count()).isZero();
    // The objection is kept as written: who, when, what — on the file, in its history, on the review task.
    JsonNode kept = objection.json().path("objections");
    assertThat(kept).hasSize(1);
    assertThat(kept.get(0).path("by").asText()).isEqualTo(s.name("officer2"));
    assertThat(kept.get(0).path("byName").asText()).isEqualTo("测试officer2");
    assertThat(kept.get(0).path("text").asText()).isEqualTo("群众反映有房产出租收入");
    assertThat(kept.get(0).path("at").asText()).isNotBlank();
    assertThat(runtime.getVariable(instance(fileId).getId(), "objectionId")).isNotNull();
    var task = s.as("manager").getAll("/api/v1/tasks").stream()
        .filter(t -> t.path("fileId").asLong() == fileId).findFirst().orElseThrow();
    assertThat(task.path("name").asText()).contains("公示期有异议");
    var manager = new cn.warmth.support.BrowserSession(port);
    manager.login(s.name("manager"), Scenario.PW);
    String page = manager.get("/hardship-files/" + fileId).body();
    assertThat(page).contains("id=\"pending-objection\"", "群众反映有房产出租收入", "测试officer2 于 ");
    // The history names people, not logins, and says what the objection was.
    assertThat(page.substring(page.indexOf("id=\"history\""))).contains("公示期异议，退回审核", "测试officer2",
        "群众反映有房产出租收入").doesNotContain(s.name("officer2"));
    // Re-reviewed by another manager, the notice starts again and ends in filing.
    review("manager2", fileId, "APPROVE");
    management.executeJob(timer(fileId).getId());
    assertThat(file(fileId).path("status").asText()).isEqualTo("FILED");
    // Filed, the objection stays on the file (no longer pending).
    assertThat(file(fileId).path("objections")).hasSize(1);
    String filedPage = manager.get("/hardship-files/" + fileId).body();
    assertThat(filedPage).contains("群众反映有房产出租收入").doesNotContain("id=\"pending-objection\"");
    // No objection is possible once filed.
    assertThat(s.as("officer").post("/api/v1/hardship-files/" + fileId + "/objection", Map.of("comment", "迟到的异议"))
        .code()).isEqualTo("INVALID_STATE");
  }

  @Test
  void closingDuringTheYearlyReviewEndsTheProcessThroughTheBoundaryEvent() {
    long fileId = submit();
    review("manager", fileId, "APPROVE");
    management.executeJob(timer(fileId).getId());
    management.executeJob(timer(fileId).getId());
    assertThat(instance(fileId)).isWaitingAt("reviewAnnually");
    s.as("manager").post("/api/v1/hardship-files/" + fileId + "/close", Map.of("reason", "RELIEVED"));
    assertThat(instance(fileId)).isNull();
    assertThat(finished("FILE-" + fileId, "fileClosedDuringReview")).isTrue();
  }

  java.util.List<String> actions(String who, long fileId) {
    return java.util.stream.StreamSupport.stream(s.as(who).get("/api/v1/hardship-files/" + fileId).json().path("actions")
        .spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void actionsFollowTheFileAndItsOpenTasks() {
    long fileId = submit();
    assertThat(actions("manager", fileId)).containsExactly("REVIEW");
    assertThat(actions("citymanager", fileId)).containsExactly("REVIEW");
    assertThat(actions("officer", fileId)).isEmpty();
    review("manager", fileId, "APPROVE");
    assertThat(actions("officer", fileId)).containsExactly("OBJECT");
    assertThat(actions("manager", fileId)).containsExactly("OBJECT");
    management.executeJob(timer(fileId).getId());
    assertThat(actions("officer", fileId)).containsExactly("CLOSE");
    management.executeJob(timer(fileId).getId()); // a year later
    assertThat(actions("officer", fileId)).containsExactly("ANNUAL_REVIEW", "CLOSE");
    assertThat(actions("manager", fileId)).containsExactly("CLOSE");
    // The file page shows exactly these forms.
    var page = new cn.warmth.support.BrowserSession(port);
    page.login(s.name("officer"), Scenario.PW);
    String html = page.get("/hardship-files/" + fileId).body();
    assertThat(html).contains("id=\"annual-review-form\"", "id=\"close-form\"").doesNotContain("id=\"review-form\"",
        "id=\"objection-form\"");
  }

  @Test
  void theSubmitterOfAFileDoesNotGetToReviewIt() {
    String both = s.p.toLowerCase() + ".om";
    s.admin.post("/api/v1/users", Map.of("username", both, "password", Scenario.PW, "displayName", "经办兼负责人",
        "orgCode", s.school, "roles", java.util.List.of("OFFICER", "MANAGER")));
    long wid = s.worker("自审职工", TestIds.nextId(), null);
    long fileId = s.anonymous.as(both, Scenario.PW).post("/api/v1/workers/" + wid + "/hardship-file",
        RegistryApiContract.fileBody()).json().path("id").asLong();
    assertThat(s.anonymous.as(both, Scenario.PW).get("/api/v1/hardship-files/" + fileId).json().path("actions").size())
        .isZero();
    assertThat(actions("manager", fileId)).containsExactly("REVIEW");
  }

  @Test
  void withoutANoticePeriodApprovalFilesAtOnce() {
    ReflectionTestUtils.setField(files, "noticeDays", 0);
    long fileId = submit();
    JsonNode r = review("manager", fileId, "APPROVE");
    assertThat(r.path("status").asText()).isEqualTo("FILED");
    assertThat(r.path("filedDate").asText()).isEqualTo(LocalDate.now(clock).toString());
    assertThat(instance(fileId)).isWaitingAt("awaitFileEvent");
  }
}

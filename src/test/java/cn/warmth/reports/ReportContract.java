package cn.warmth.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Campaign reports up the tree: submit, accept, return and resubmit, frozen figures, deadline reminders. */
abstract class ReportContract {
  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  TaskService tasks;
  @Autowired
  MutableClock clock;
  @Autowired
  cn.warmth.calendar.WorkingCalendar calendar;
  Scenario s;
  String campaign;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    LocalDate now = LocalDate.now(clock);
    campaign = s.p + "-RP";
    s.admin.post("/api/v1/campaigns", Map.of("code", campaign, "name", "报告测试活动", "startDate", now.minusDays(10).toString(),
        "endDate", now.plusDays(20).toString(), "reportDeadline", now.plusDays(30).toString()));
  }

  Api.Res submit(String who, String narrative) {
    return s.as(who).post("/api/v1/reports", Map.of("campaignCode", campaign, "orgCode",
        who.startsWith("city") ? s.city : s.school, "narrative", narrative, "preparedBy", "孙立新", "phone", "029-88888888"));
  }

  void fund(String amount) {
    s.as("finance").post("/api/v1/funds", Map.of("campaignCode", campaign, "orgCode", s.school, "source", "B3",
        "amountYuan", amount, "receivedOn", LocalDate.now(clock).toString()));
  }

  @Test
  void submitFreezesTheFiguresAndTheParentAccepts() {
    fund("1000.00");
    Api.Res r = submit("manager", "我校开展送温暖活动……");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode report = r.json();
    assertThat(report.path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(report.path("campaignCode").asText()).isEqualTo(campaign);
    assertThat(report.path("orgCode").asText()).isEqualTo(s.school);
    assertThat(report.path("cells").path("B3").asText()).isEqualTo("1000.00");
    assertThat(report.path("cells").path("C").asLong()).isZero();
    long id = report.path("id").asLong();

    // A second live report is refused; the review goes to the parent's managers only.
    assertThat(submit("manager2", "再报一次").code()).isEqualTo("REPORT_EXISTS");
    assertThat(s.as("citymanager").get("/api/v1/tasks").text()).contains("reviewReport");
    assertThat(s.as("manager2").post("/api/v1/reports/" + id + "/review", Map.of("decision", "ACCEPT")).status()).isEqualTo(403);
    assertThat(s.as("othermanager").post("/api/v1/reports/" + id + "/review", Map.of("decision", "ACCEPT")).status()).isEqualTo(404);

    assertThat(one(s.as("citymanager").get("/api/v1/reports?campaign=" + campaign).json(), id).path("liveDiffers").asBoolean())
        .as("nothing changed since submission").isFalse();
    // New money after submission: the frozen report keeps its figures; liveDiffers says so.
    fund("500.00");
    JsonNode listed = one(s.as("citymanager").get("/api/v1/reports?campaign=" + campaign).json(), id);
    assertThat(listed.path("cells").path("B3").asText()).isEqualTo("1000.00");
    assertThat(listed.path("liveDiffers").asBoolean()).isTrue();

    JsonNode accepted = s.as("citymanager").post("/api/v1/reports/" + id + "/review", Map.of("decision", "ACCEPT", "comment", "好"))
        .json();
    assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(accepted.path("cells").path("B3").asText()).isEqualTo("1000.00");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("REPORT-" + id).count()).isZero();
    assertThat(s.as("citymanager").post("/api/v1/reports/" + id + "/review", Map.of("decision", "ACCEPT")).code())
        .isEqualTo("INVALID_STATE");
    // The school's own view shows the accepted report; a sibling sees nothing.
    assertThat(one(s.as("manager").get("/api/v1/reports?campaign=" + campaign).json(), id).path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(s.as("othermanager").get("/api/v1/reports?campaign=" + campaign).json().size()).isZero();
  }

  @Test
  void aReturnedReportIsCorrectedAndSubmittedAgain() {
    long first = submit("manager", "初稿").json().path("id").asLong();
    assertThat(fieldCodes(s.as("citymanager").post("/api/v1/reports/" + first + "/review", Map.of("decision", "RETURN"))))
        .contains("comment:REQUIRED");
    JsonNode returned = s.as("citymanager").post("/api/v1/reports/" + first + "/review",
        Map.of("decision", "RETURN", "comment", "请补充走访企业情况")).json();
    assertThat(returned.path("status").asText()).isEqualTo("RETURNED");
    assertThat(returned.path("reviewComment").asText()).isEqualTo("请补充走访企业情况");
    Api.Res second = submit("manager", "修改稿：补充了走访企业情况");
    assertThat(second.status()).isEqualTo(201);
    List<JsonNode> all = StreamSupport.stream(s.as("citymanager").get("/api/v1/reports?campaign=" + campaign).json().spliterator(), false).toList();
    assertThat(all).extracting(n -> n.path("status").asText()).containsExactly("RETURNED", "SUBMITTED");
    assertThat(all.get(0).path("narrative").asText()).isEqualTo("初稿");
  }

  @Test
  void onlyManagersOfTheUnitSubmitAndTheRootHasNoParent() {
    assertThat(submit("officer", "x").status()).isEqualTo(403);
    assertThat(s.as("manager").post("/api/v1/reports", Map.of("campaignCode", campaign, "orgCode", s.city, "narrative", "x",
        "preparedBy", "孙立新", "phone", "029-88888888")).status()).isEqualTo(404);
    assertThat(fieldCodes(s.as("manager").post("/api/v1/reports", Map.of("campaignCode", campaign, "orgCode", s.school,
        "narrative", " ", "preparedBy", "<b>", "phone", "abc")))).contains("narrative:REQUIRED", "preparedBy:INVALID_NAME",
        "phone:INVALID_PHONE");
  }

  @Test
  void beforeTheDeadlineUnitsThatHaveNotReportedAreReminded() {
    submit("manager", "已报送");
    var pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("DEADLINE-" + campaign).singleResult();
    assertThat(pi).isNotNull();
    var timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    LocalDate deadline = LocalDate.now(clock).plusDays(30);
    // Three working days before the deadline (a weekend or holiday in between is skipped), 09:00 Beijing.
    LocalDate remindOn = calendar.before(deadline, 3);
    assertThat(remindOn).isBeforeOrEqualTo(deadline.minusDays(3));
    assertThat(timer.getDuedate().toInstant()).isEqualTo(remindOn.atTime(9, 0).atZone(clock.getZone()).toInstant());
    management.executeJob(timer.getId());
    // The school reported: no reminder there. The city and the sibling school did not.
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("manager@" + s.school).count()).isZero();
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("manager@" + s.otherSchool).count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("manager@" + s.city).count()).isEqualTo(1);
    assertThat(s.as("othermanager").get("/api/v1/tasks").text()).contains("submitReportReminder");
    // The parent sees who is missing.
    JsonNode children = s.as("citymanager").get("/api/v1/reports/children?campaign=" + campaign + "&org=" + s.city).json();
    assertThat(StreamSupport.stream(children.spliterator(), false)
        .filter(c -> c.path("orgCode").asText().equals(s.otherSchool)).findFirst().orElseThrow().path("status").isNull()).isTrue();
  }

  @Autowired
  DeadlineWorkflow deadlines;
  @Autowired
  org.camunda.bpm.engine.HistoryService history;

  List<String> actions(String who, long id) {
    return StreamSupport.stream(s.as(who).get("/api/v1/reports/" + id).json().path("actions").spliterator(), false)
        .map(JsonNode::asText).toList();
  }

  @Test
  void aReturnedReportGivesTheUnitsManagersATaskUntilTheySubmitAgain() {
    long first = submit("manager", "初稿").json().path("id").asLong();
    assertThat(actions("citymanager", first)).containsExactly("ACCEPT", "RETURN");
    assertThat(actions("manager", first)).as("a unit never reviews its own report").isEmpty();
    JsonNode review = StreamSupport.stream(s.as("citymanager").get("/api/v1/tasks").json().spliterator(), false)
        .filter(t -> t.path("reportId").asLong() == first).findFirst().orElseThrow();
    assertThat(review.path("key").asText()).isEqualTo("reviewReport");
    assertThat(review.path("link").asText()).isEqualTo("/reports/" + first);
    assertThat(review.path("name").asText()).contains("单位" + s.school);

    s.as("citymanager").post("/api/v1/reports/" + first + "/review", Map.of("decision", "RETURN", "comment", "请补充"));
    for (String who : List.of("manager", "manager2")) {
      JsonNode redo = StreamSupport.stream(s.as(who).get("/api/v1/tasks").json().spliterator(), false)
          .filter(t -> t.path("reportId").asLong() == first).findFirst().orElseThrow();
      assertThat(redo.path("key").asText()).isEqualTo("resubmitReport");
      assertThat(redo.path("name").asText()).contains("修改后重新报送");
      assertThat(redo.path("link").asText()).isEqualTo("/reports/" + first);
      assertThat(redo.path("dueDate").asText()).isEqualTo(LocalDate.now(clock).plusDays(30).toString());
    }
    assertThat(s.as("citymanager").get("/api/v1/tasks").text()).as("only the unit's own managers")
        .doesNotContain("\"reportId\":" + first);
    assertThat(actions("manager", first)).containsExactly("SUBMIT");
    assertThat(actions("citymanager", first)).isEmpty();

    long second = submit("manager", "修改稿").json().path("id").asLong();
    assertThat(s.as("manager").get("/api/v1/tasks").text()).doesNotContain("\"reportId\":" + first);
    assertThat(actions("manager", first)).as("the unit has a live report again").isEmpty();
    String pi = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("REPORT-" + first).singleResult().getId();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi).activityId("reportResubmitted").count())
        .isEqualTo(1);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi).taskDefinitionKey("resubmitReport")
        .singleResult().getAssignee()).isEqualTo(s.name("manager"));
    assertThat(actions("citymanager", second)).containsExactly("ACCEPT", "RETURN");
  }

  @Test
  void remindersEndWhenTheUnitReportsAndTheDeadlineProcessEndsWhenTheDeadlineHasPassed() {
    var pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("DEADLINE-" + campaign).singleResult();
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getId());
    JsonNode reminder = StreamSupport.stream(s.as("othermanager").get("/api/v1/tasks").json().spliterator(), false)
        .filter(t -> "submitReportReminder".equals(t.path("key").asText()) && t.path("link").asText().contains(campaign))
        .findFirst().orElseThrow();
    assertThat(reminder.path("link").asText()).isEqualTo("/reports?campaign=" + campaign + "#report-form");
    assertThat(reminder.path("unit").asText()).isEqualTo("单位" + s.otherSchool);
    assertThat(reminder.path("dueDate").asText()).isEqualTo(LocalDate.now(clock).plusDays(30).toString());
    assertThat(reminder.path("dismissable").asBoolean()).isTrue();

    assertThat(s.as("othermanager").post("/api/v1/reports", Map.of("campaignCode", campaign, "orgCode", s.otherSchool,
        "narrative", "我校报告", "preparedBy", "孙立新", "phone", "029-88888888")).status()).isEqualTo(201);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("manager@" + s.otherSchool).count())
        .as("the unit's reminder is done").isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskHadCandidateGroup("manager@" + s.otherSchool).singleResult().getAssignee()).isEqualTo(s.name("othermanager"));
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("manager@" + s.city).count())
        .as("the city still owes its report").isEqualTo(1);

    // The deadline passes: the reminders and the process end.
    var deadline = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(deadline.getDuedate().toInstant())
        .isEqualTo(LocalDate.now(clock).plusDays(31).atStartOfDay(clock.getZone()).toInstant());
    management.executeJob(deadline.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId("deadlineOver")
        .count()).isEqualTo(1);
  }

  @Test
  void whenEveryUnitHasReportedBeforeTheRemindersTheDeadlineProcessEnds() {
    var pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("DEADLINE-" + campaign).singleResult();
    deadlines.unitReported(campaign, s.school, false);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).as("others still owe").isEqualTo(1);
    deadlines.unitReported(campaign, s.school, true);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId("allReported")
        .count()).isEqualTo(1);
  }

  @Test
  void theReportPageShowsTheReviewFormToTheReviewerAndTheResubmitFormAfterAReturn() {
    long id = submit("manager", "初稿").json().path("id").asLong();
    var city = new cn.warmth.support.BrowserSession(port);
    city.login(s.name("citymanager"), Scenario.PW);
    var page = city.get("/reports/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"review-form\"", "初稿").doesNotContain("id=\"report-form\"");
    var school = new cn.warmth.support.BrowserSession(port);
    school.login(s.name("manager"), Scenario.PW);
    assertThat(school.get("/reports/" + id).body()).doesNotContain("id=\"review-form\"", "id=\"report-form\"");
    s.as("citymanager").post("/api/v1/reports/" + id + "/review", Map.of("decision", "RETURN", "comment", "请补充走访企业"));
    assertThat(school.get("/reports/" + id).body()).contains("id=\"report-form\"", "请补充走访企业");
    var other = new cn.warmth.support.BrowserSession(port);
    other.login(s.name("othermanager"), Scenario.PW);
    var outside = other.get("/reports/" + id);
    assertThat(outside.statusCode()).as("outside scope").isNotEqualTo(200);
    assertThat(outside.body()).doesNotContain("初稿");
  }

  @Autowired
  org.camunda.bpm.engine.RepositoryService repository;

  /** A deadline process started by the model's first version (upgraded database) still sends its reminders. */
  @Test
  void aDeadlineProcessOfTheFirstModelVersionStillRemindsAfterTheUpgrade() throws Exception {
    var v1 = repository.createDeployment().name("report deadline v1")
        .addInputStream("report-deadline.bpmn", getClass().getResourceAsStream("/legacy/report-deadline-v1.bpmn")).deploy();
    try {
      String definition = repository.createProcessDefinitionQuery().deploymentId(v1.getId()).singleResult().getId();
      var pi = runtime.startProcessInstanceById(definition, "LEGACY-" + campaign,
          Map.of("campaignCode", campaign, "remindAt", java.util.Date.from(java.time.Instant.now())));
      management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getId());
      assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("manager@" + s.otherSchool)
          .count()).isEqualTo(1);
      assertThat(s.as("othermanager").get("/api/v1/tasks").text()).contains("submitReportReminder");
    } finally {
      repository.deleteDeployment(v1.getId(), true);
    }
  }

  static JsonNode one(JsonNode list, long id) {
    return StreamSupport.stream(list.spliterator(), false).filter(n -> n.path("id").asLong() == id).findFirst().orElseThrow();
  }

  static List<String> fieldCodes(Api.Res r) {
    return StreamSupport.stream(r.json().path("errors").spliterator(), false)
        .map(n -> n.path("field").asText() + ":" + n.path("code").asText()).toList();
  }
}

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
    assertThat(timer.getDuedate().toInstant()).isEqualTo(deadline.minusDays(3).atTime(9, 0).atZone(clock.getZone()).toInstant());
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

  static JsonNode one(JsonNode list, long id) {
    return StreamSupport.stream(list.spliterator(), false).filter(n -> n.path("id").asLong() == id).findFirst().orElseThrow();
  }

  static List<String> fieldCodes(Api.Res r) {
    return StreamSupport.stream(r.json().path("errors").spliterator(), false)
        .map(n -> n.path("field").asText() + ":" + n.path("code").asText()).toList();
  }
}

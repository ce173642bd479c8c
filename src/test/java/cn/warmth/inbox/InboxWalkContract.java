package cn.warmth.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.BrowserSession;
import cn.warmth.support.Flows;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 我的待办 never leads to an error: after a demo-like campaign (cases in every state, files in
 * review, in 公示 and due for the yearly review, reports submitted and returned, deadline
 * reminders), every work item of every user opens a page that answers 200 for that user.
 */
abstract class InboxWalkContract {
  static final List<String> USERS = List.of("officer", "officer2", "finance", "manager", "manager2", "cityofficer",
      "citymanager", "cityfinance", "otherofficer", "othermanager", "otherfinance");
  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  MutableClock clock;
  Scenario s;
  Flows f;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    f = new Flows(s, LocalDate.now(clock));
  }

  /** Fires the instance's due timer(s) on an activity, then the steps that continue asynchronously after them. */
  void fire(String businessKey, String timerActivity) {
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
    for (Job j : management.createJobQuery().processInstanceId(pi).timers().list()) {
      String activity = management.createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId()).singleResult()
          .getActivityId();
      if (timerActivity.equals(activity)) {
        management.executeJob(j.getId());
      }
    }
    for (Job j : management.createJobQuery().processInstanceId(pi).messages().list()) {
      management.executeJob(j.getId());
    }
  }

  Set<String> cases = new HashSet<>();

  void demoLikeCampaign() {
    // Cases: waiting for finance, for the manager, visits with the day-before reminder and the overdue alert,
    // a failed bank payment, one ready to close, and closed, rejected and voided ones.
    cases.add(f.openCase("CASH", "500", 3));
    String large = f.openCase("CASH", "2500", 3);
    f.approveOk("finance", large);
    String tomorrow = f.openCase("GOODS", "300", 1);
    f.approveOk("finance", tomorrow);
    fire(tomorrow, "visitReminderDue");
    fire(tomorrow, "visitOverdueDue");
    String bank = f.openCase("BANK_CARD", "800", 3);
    f.approveOk("finance", bank);
    Api.Res batch = s.as("finance").post("/api/v1/payment-batches", Map.of("orgCode", s.school));
    assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
    long batchId = batch.json().path("id").asLong();
    assertThat(s.as("finance").get("/api/v1/payment-batches/" + batchId + "/bank-file").status()).isEqualTo(200);
    Api.Res result = s.as("finance").postRaw("/api/v1/payment-batches/" + batchId + "/bank-result", "text/csv",
        ("reference,status,message\n" + bank + ",FAILED,账户已冻结\n").getBytes(StandardCharsets.UTF_8));
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    String ready = f.openCase("CASH", "600", 3);
    f.approveOk("finance", ready);
    f.visit("officer", ready, true);
    String closed = f.openCase("CASH", "400", 3);
    f.approveOk("finance", closed);
    f.visit("officer", closed, true);
    f.close("officer", closed);
    String rejected = f.openCase("CASH", "700", 3);
    s.as("finance").post("/api/v1/cases/" + rejected + "/approval", Map.of("decision", "REJECT", "comment", "不符合"));
    cases.addAll(List.of(large, tomorrow, bank, ready, closed, rejected));

    // Files: in review, in the 公示, filed and due for the yearly review.
    f.submitFile();
    long notice = f.submitFile();
    s.as("manager").post("/api/v1/hardship-files/" + notice + "/review", Map.of("decision", "APPROVE", "comment", "属实"));
    long filed = f.submitFile();
    s.as("manager").post("/api/v1/hardship-files/" + filed + "/review", Map.of("decision", "APPROVE", "comment", "属实"));
    fire("FILE-" + filed, "noticeOver");
    fire("FILE-" + filed, "annualReviewDue");

    // Reports: the school's submitted, the sibling's returned; then the deadline reminders go out.
    assertThat(f.submitReport("manager", "我校报告").status()).isEqualTo(201);
    long returned = s.as("othermanager").post("/api/v1/reports", Map.of("campaignCode", f.campaign, "orgCode",
        s.otherSchool, "narrative", "初稿", "preparedBy", "何静", "phone", "029-88888888")).json().path("id").asLong();
    s.as("citymanager").post("/api/v1/reports/" + returned + "/review", Map.of("decision", "RETURN", "comment", "请补充"));
    fire("DEADLINE-" + f.campaign, "remindersDue");
  }

  @Test
  void everyWorkItemOfEveryUserOpensAPageThatAnswers200() {
    demoLikeCampaign();
    Map<String, Set<String>> keysByUser = new HashMap<>();
    int walked = 0;
    for (String user : USERS) {
      JsonNode items = s.as(user).get("/api/v1/tasks").json();
      BrowserSession page = new BrowserSession(port);
      page.login(s.name(user), Scenario.PW);
      String home = page.get("/").body();
      Set<String> keys = new HashSet<>();
      for (JsonNode t : items) {
        String link = t.path("link").asText(null);
        String what = user + " / " + t;
        keys.add(t.path("key").asText());
        assertThat(link).as("every task says what it opens: " + what).isNotBlank();
        assertThat(t.path("name").asText()).as(what).isNotBlank();
        HttpResponse<String> r = page.get(link.contains("#") ? link.substring(0, link.indexOf('#')) : link);
        assertThat(r.statusCode()).as(what).isEqualTo(200);
        assertThat(home).as("the home page links it: " + what).contains("href=\"" + link.replace("&", "&amp;") + "\"");
        if (t.hasNonNull("caseNumber")) {
          assertThat(link).isEqualTo("/cases/" + t.path("caseNumber").asText());
          assertThat(s.as(user).get("/api/v1/cases/" + t.path("caseNumber").asText()).status())
              .as("a caseNumber is always a real case: " + what).isEqualTo(200);
          assertThat(t.path("worker").asText()).as("masked").contains("*");
        }
        if (t.hasNonNull("dueDate")) {
          assertThat(t.path("dueDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
        walked++;
      }
      keysByUser.put(user, keys);
    }
    assertThat(keysByUser.get("officer")).contains("recordVisit", "visitReminder", "correctBankCard", "closeCase",
        "reviewAnnually");
    assertThat(keysByUser.get("finance")).contains("approveFinance");
    assertThat(keysByUser.get("manager")).contains("approveManager", "visitOverdue", "reviewFile");
    assertThat(keysByUser.get("citymanager")).contains("reviewReport", "submitReportReminder");
    assertThat(keysByUser.get("othermanager")).contains("resubmitReport", "submitReportReminder");
    assertThat(keysByUser.get("manager")).as("the school has reported: no reminder for it")
        .doesNotContain("resubmitReport");
    assertThat(walked).isGreaterThanOrEqualTo(25);
  }

  @Test
  void aReminderIsDismissedFromTheInboxButWorkIsNot() {
    String c = f.openCase("CASH", "500", 1);
    f.approveOk("finance", c);
    fire(c, "visitReminderDue");
    List<JsonNode> mine = new ArrayList<>();
    s.as("officer").get("/api/v1/tasks").json().forEach(t -> {
      if (c.equals(t.path("caseNumber").asText())) {
        mine.add(t);
      }
    });
    JsonNode reminder = mine.stream().filter(t -> "visitReminder".equals(t.path("key").asText())).findFirst().orElseThrow();
    JsonNode visit = mine.stream().filter(t -> "recordVisit".equals(t.path("key").asText())).findFirst().orElseThrow();
    assertThat(reminder.path("dismissable").asBoolean()).isTrue();
    assertThat(visit.path("dismissable").asBoolean()).isFalse();
    assertThat(reminder.path("urgency").asText()).isIn("TODAY", "SOON");
    assertThat(reminder.path("name").asText()).contains("明日走访提醒", c);

    BrowserSession page = new BrowserSession(port);
    page.login(s.name("officer"), Scenario.PW);
    String token = page.csrf("/");
    assertThat(page.post("/tasks/" + visit.path("id").asText() + "/acknowledge", "_csrf=" + BrowserSession.enc(token))
        .statusCode()).isEqualTo(302);
    assertThat(page.post("/tasks/" + reminder.path("id").asText() + "/acknowledge", "_csrf=" + BrowserSession.enc(token))
        .statusCode()).isEqualTo(302);
    String after = s.as("officer").get("/api/v1/tasks").text();
    assertThat(after).as("the visit is work, not dismissed").contains(visit.path("id").asText())
        .doesNotContain(reminder.path("id").asText());
    // Someone outside the case's scope cannot dismiss it.
    assertThat(StreamSupport.stream(s.as("otherofficer").get("/api/v1/tasks").json().spliterator(), false)
        .noneMatch(t -> c.equals(t.path("caseNumber").asText()))).isTrue();
    // In English, titles are English.
    assertThat(page.get("/?lang=en").body()).contains("Visit (planned", "Due soon");
  }
}

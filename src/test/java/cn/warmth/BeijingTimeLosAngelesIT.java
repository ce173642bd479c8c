package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.BrowserSession;
import cn.warmth.support.Flows;
import cn.warmth.support.H2Test;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Beijing time on a server whose zone is neither Beijing nor UTC: this test runs in its own JVM
 * with {@code -Duser.timezone=America/Los_Angeles} (the Failsafe execution of the profile
 * {@code los-angeles}), at 07:00 Beijing time, when Los Angeles (and UTC) is still on the day
 * before. Due dates in the inbox are the planned visit day, the 明日走访提醒 falls due at
 * Beijing midnight the day before, a business date survives the database, and every time a page
 * shows is the Beijing time.
 */
@H2Test
class BeijingTimeLosAngelesIT {
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @LocalServerPort
  int port;
  @Autowired
  MutableClock clock;
  @Autowired
  ManagementService management;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;

  @Test
  void aServerInLosAngelesSchedulesAndShowsBeijingTime() {
    assertThat(TimeZone.getDefault().toZoneId()).as("this JVM's zone (see the profile los-angeles in pom.xml)")
        .isEqualTo(LOS_ANGELES);
    // 07:00 in Beijing: Los Angeles is at 15:00 the day before.
    ZonedDateTime now = clock.instant().atZone(BEIJING);
    ZonedDateTime seven = now.toLocalDate().atTime(7, 0).atZone(BEIJING);
    clock.advance(Duration.between(now, seven.isAfter(now) ? seven : seven.plusDays(1)));
    LocalDate today = LocalDate.now(clock);
    assertThat(clock.instant().atZone(LOS_ANGELES).toLocalDate()).isEqualTo(today.minusDays(1));

    Scenario s = new Scenario(port);
    Flows f = new Flows(s, today);
    LocalDate tomorrow = today.plusDays(1);
    String c = f.openCase("CASH", "500", 1);
    JsonNode opened = s.as("officer").get("/api/v1/cases/" + c).json();
    assertThat(opened.path("visit").path("plannedDate").asText()).as("a business date through the database")
        .isEqualTo(tomorrow.toString());
    f.approveOk("finance", c);

    // 走访慰问 is due on the planned day (a Beijing calendar day), in the API and on the page.
    assertThat(task(s, c, "recordVisit").path("dueDate").asText()).isEqualTo(tomorrow.toString());
    // 明日走访提醒 falls due at 00:00 Beijing time the day before the visit (today here).
    Job reminder = timer(c, "visitReminderDue");
    assertThat(reminder.getDuedate().toInstant()).isEqualTo(today.atStartOfDay(BEIJING).toInstant());
    management.executeJob(reminder.getId());
    runAsyncSteps(c);
    JsonNode tomorrowReminder = task(s, c, "visitReminder");
    assertThat(tomorrowReminder.path("dueDate").asText()).isEqualTo(tomorrow.toString());
    assertThat(tomorrowReminder.path("urgency").asText()).isEqualTo("SOON");

    // A visit planned for today gets no "visit tomorrow" reminder: its visit is already due today.
    String todays = f.openCase("CASH", "300", 0);
    f.approveOk("finance", todays);
    assertThat(task(s, todays, "recordVisit").path("dueDate").asText()).isEqualTo(today.toString());
    management.executeJob(timer(todays, "visitReminderDue").getId());
    runAsyncSteps(todays);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(todays).taskDefinitionKey("visitReminder").count())
        .isZero();

    // The pages show Beijing times: the task's creation in the inbox, the case's opening on its page.
    BrowserSession officer = new BrowserSession(port);
    officer.login(s.name("officer"), Scenario.PW);
    Task engineTask = tasks.createTaskQuery().processInstanceBusinessKey(c).taskDefinitionKey("visitReminder")
        .singleResult();
    String home = officer.get("/?kind=visitReminder").body();
    Instant created = engineTask.getCreateTime().toInstant();
    assertThat(home).contains(tomorrow.toString(), MINUTES.format(created.atZone(BEIJING)))
        .doesNotContain(MINUTES.format(created.atZone(LOS_ANGELES)));
    Instant openedAt = Instant.parse(opened.path("openedAt").asText());
    String casePage = officer.get("/cases/" + c).body();
    assertThat(casePage).contains(MINUTES.format(openedAt.atZone(BEIJING)))
        .doesNotContain(MINUTES.format(openedAt.atZone(LOS_ANGELES)));
    // The visits page counts by the Beijing day: the first is due tomorrow, the second today.
    String visits = officer.get("/visits?when=today").body();
    String list = visits.substring(visits.indexOf("id=\"visits\""), visits.indexOf("</table>", visits.indexOf("id=\"visits\"")));
    assertThat(list).contains(todays).doesNotContain(c);
  }

  private static JsonNode task(Scenario s, String caseNumber, String key) {
    for (JsonNode t : s.as("officer").get("/api/v1/tasks?size=500").json()) {
      if (caseNumber.equals(t.path("caseNumber").asText()) && key.equals(t.path("key").asText())) {
        return t;
      }
    }
    throw new AssertionError("no task " + key + " for " + caseNumber);
  }

  private Job timer(String caseNumber, String activity) {
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
    for (Job j : management.createJobQuery().processInstanceId(pi).timers().list()) {
      if (activity.equals(management.createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId()).singleResult()
          .getActivityId())) {
        return j;
      }
    }
    throw new AssertionError("no timer " + activity + " for " + caseNumber);
  }

  private void runAsyncSteps(String caseNumber) {
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
    for (Job j : management.createJobQuery().processInstanceId(pi).messages().list()) {
      management.executeJob(j.getId());
    }
  }
}

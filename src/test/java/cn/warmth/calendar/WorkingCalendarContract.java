package cn.warmth.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.BrowserSession;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Working days through the State Council's calendar: 公示 across 春节, the fallback, editing by the root ADMIN. */
abstract class WorkingCalendarContract {
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  @LocalServerPort
  int port;
  @Autowired
  WorkingCalendar calendar;
  @Autowired
  MutableClock clock;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  Scenario s;
  Instant realNow;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    realNow = clock.instant();
  }

  @AfterEach
  void restoreClock() {
    clock.advance(Duration.between(clock.instant(), realNow));
  }

  void today(LocalDate day) {
    clock.advance(Duration.between(clock.instant(), day.atTime(10, 0).atZone(BEIJING).toInstant()));
  }

  @Test
  void shippedYearsCountHolidaysAndSwappedWeekendDays() {
    // 2024 春节: 2月10日至17日放假, 2月4日（星期日）、2月18日（星期日）上班.
    assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 4))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 12))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 18))).isTrue();
    assertThat(calendar.after(LocalDate.of(2024, 2, 7), 5)).isEqualTo(LocalDate.of(2024, 2, 20));
    // 2025 春节: 1月28日至2月4日, 1月26日（周日）、2月8日（周六）上班.
    assertThat(calendar.after(LocalDate.of(2025, 1, 24), 1)).isEqualTo(LocalDate.of(2025, 1, 26));
    assertThat(calendar.after(LocalDate.of(2025, 1, 27), 2)).isEqualTo(LocalDate.of(2025, 2, 6));
    // 2026 春节: 2月15日至23日, 2月14日（周六）、2月28日（周六）上班; 国庆 9月20日（周日）上班.
    assertThat(calendar.after(LocalDate.of(2026, 2, 12), 5)).isEqualTo(LocalDate.of(2026, 2, 26));
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
    // Backwards, for reminders before a deadline: three working days before 2026-02-25 skip the holiday.
    assertThat(calendar.before(LocalDate.of(2026, 2, 25), 3)).isEqualTo(LocalDate.of(2026, 2, 13));
    // Across a year end into a year without a calendar: Monday to Friday there.
    assertThat(calendar.after(LocalDate.of(2026, 12, 30), 3)).isEqualTo(LocalDate.of(2027, 1, 4));
    JsonNode years = s.as("officer").get("/api/v1/calendar").json();
    assertThat(years.toString()).contains("\"year\":2024", "\"year\":2025", "\"year\":2026", "\"verified\":true");
  }

  @Test
  void aYearWithoutACalendarFallsBackToMondayToFriday() {
    // 2031 has no calendar: 1 January (a Wednesday) counts as a working day, weekends do not.
    assertThat(calendar.year(2031)).isEmpty();
    assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 1))).isTrue();
    assertThat(calendar.after(LocalDate.of(2031, 1, 2), 2)).isEqualTo(LocalDate.of(2031, 1, 6));
    assertThat(s.as("officer").get("/api/v1/calendar/2031").status()).isEqualTo(404);
    // The admin page says which coming year falls back (here: next year, until its notice is entered).
    int next = LocalDate.now(clock).getYear() + 1;
    BrowserSession admin = new BrowserSession(port);
    admin.login("admin", "warmth-root-pw-1");
    String page = admin.get("/admin/calendar").body();
    if (calendar.year(next).isEmpty()) {
      assertThat(page).contains(next + " 年尚无节假日安排，暂按周一至周五计算工作日");
    }
    assertThat(page).contains("国办发明电〔2023〕7号", "已核对");
  }

  @Test
  void theNoticeEndsOnTheRightDayAcrossSpringFestivalWithItsSwappedSunday() {
    today(LocalDate.of(2024, 2, 7)); // Wednesday before 春节 2024
    long worker = s.worker("春节公示", TestIds.nextId(), null);
    long file = s.as("officer").post("/api/v1/workers/" + worker + "/hardship-file", Map.of("category", "DEEP",
        "reasons", List.of("SERIOUS_ILLNESS"), "householdSize", 3, "annualIncomeYuan", 20000,
        "annualEssentialExpensesYuan", 9000)).json().path("id").asLong();
    JsonNode approved = s.as("manager").post("/api/v1/hardship-files/" + file + "/review",
        Map.of("decision", "APPROVE", "comment", "属实")).json();
    // 2月8日、9日, then 2月10日至17日 holiday, 2月18日 (a swapped Sunday), 19日, 20日: five working days.
    assertThat(approved.path("noticeUntil").asText()).isEqualTo("2024-02-20");
    var timer = management.createJobQuery().processInstanceId(runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey("FILE-" + file).singleResult().getId()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(LocalDate.of(2024, 2, 21).atStartOfDay(BEIJING).toInstant());
    today(LocalDate.of(2024, 2, 21));
    management.executeJob(timer.getId());
    assertThat(s.as("officer").get("/api/v1/hardship-files/" + file).json().path("filedDate").asText())
        .isEqualTo("2024-02-21");
  }

  @Test
  void aNoticeInAYearWithoutACalendarCountsMondayToFriday() {
    today(LocalDate.of(2031, 1, 29)); // a Wednesday; 2031 has no calendar
    long worker = s.worker("无日历年", TestIds.nextId(), null);
    long file = s.as("officer").post("/api/v1/workers/" + worker + "/hardship-file", Map.of("category", "RELATIVE",
        "reasons", List.of("LOW_INCOME"), "householdSize", 2, "annualIncomeYuan", 30000,
        "annualEssentialExpensesYuan", 10000)).json().path("id").asLong();
    JsonNode approved = s.as("manager").post("/api/v1/hardship-files/" + file + "/review",
        Map.of("decision", "APPROVE", "comment", "属实")).json();
    assertThat(approved.path("noticeUntil").asText()).isEqualTo("2031-02-05");
  }

  @Test
  void onlyTheRootAdminEditsAYearAndEveryBadLineIsReported() {
    Map<String, Object> year = Map.of("verified", false, "source", "手工录入测试",
        "holidays", List.of(Map.of("from", "2090-01-01", "to", "2090-01-03", "name", "元旦")),
        "workdays", List.of(Map.of("from", "2090-01-07", "name", "元旦")));
    // 2090-01-07 is a Saturday.
    Api.Res notRoot = s.as("citymanager").put("/api/v1/calendar/2090", year);
    assertThat(notRoot.status()).isEqualTo(403);
    Api.Res bad = s.admin.put("/api/v1/calendar/2090", Map.of("verified", true, "holidays", List.of(
        Map.of("from", "2090-02-01", "to", "2090-01-20", "name", "春节"),
        Map.of("from", "2091-01-01", "name", "元旦"),
        Map.of("from", "2090-03-01", "name", " ")),
        "workdays", List.of(Map.of("from", "2090-01-09", "name", "调休"), Map.of("from", "bad", "name", "x"))));
    assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
    assertThat(bad.text()).contains("CALENDAR_BAD_RANGE", "CALENDAR_OTHER_YEAR", "CALENDAR_NAME_REQUIRED",
        "CALENDAR_WORKDAY_NOT_WEEKEND", "INVALID_DATE");
    assertThat(calendar.year(2090)).isEmpty();

    Api.Res ok = s.admin.put("/api/v1/calendar/2090", year);
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().path("verified").asBoolean()).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2090, 1, 2))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2090, 1, 7))).isTrue();
    assertThat(s.admin.get("/api/v1/calendar/2090").json().path("holidays").get(0).path("to").asText())
        .isEqualTo("2090-01-03");
    // Replacing the year replaces its days.
    s.admin.put("/api/v1/calendar/2090", Map.of("verified", true, "holidays", List.of(), "workdays", List.of()));
    assertThat(calendar.isWorkingDay(LocalDate.of(2090, 1, 2))).isTrue();
    assertThat(calendar.year(2090).orElseThrow().verified()).isTrue();
  }
}

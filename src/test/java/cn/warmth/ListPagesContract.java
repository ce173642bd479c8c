package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.BrowserSession;
import cn.warmth.support.Flows;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Lists that scale (issue 11): every list page answers one page of rows with "共 N 条" counted in
 * SQL, sorts and filters on the server, and keeps its filters in the pager's links; cases are
 * found by number, worker name or the ID's last 4 characters; the 困难档案 list filters by
 * status, unit and worker; the inbox pages in the engine with filters by unit and kind.
 */
abstract class ListPagesContract {
  static final Pattern ROW = Pattern.compile("<tr[ >]");
  static final String NAMES = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
  @LocalServerPort
  int port;
  @Autowired
  MutableClock clock;
  Scenario s;
  LocalDate today;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    today = LocalDate.now(clock);
  }

  BrowserSession page(String role) {
    BrowserSession b = new BrowserSession(port);
    b.login(s.name(role), Scenario.PW);
    return b;
  }

  /** The rows of the table with this id (its tbody). */
  static int rows(String html, String tableId) {
    int start = html.indexOf("id=\"" + tableId + "\"");
    if (start < 0) {
      return 0;
    }
    String body = html.substring(html.indexOf("<tbody>", start), html.indexOf("</tbody>", start));
    Matcher m = ROW.matcher(body);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** The pager's link of a kind (pager-next, pager-prev, …), unescaped. */
  static String link(String html, String kind) {
    Matcher m = Pattern.compile("class=\"page-link " + kind + "\"[^>]*href=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a " + kind + " link").isTrue();
    return m.group(1).replace("&amp;", "&");
  }

  /** The worker names of a worker list page, in order. */
  static List<String> names(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(">(列表..)</a>").matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static String total(long n) {
    return "共 " + n + " 条";
  }

  @Test
  void theWorkerListPagesWithATotalSortsAndKeepsItsFilterInThePagerLinks() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 53; i++) {
      String id = TestIds.nextId();
      ids.add(id);
      s.worker("列表" + NAMES.charAt(i % NAMES.length()) + NAMES.charAt(i / NAMES.length()), id, null);
    }
    s.worker("隔壁职工", TestIds.nextId(), null); // at the school too: the unit filter below is the school
    BrowserSession officer = page("officer");
    String first = officer.get("/workers?org=" + s.school + "&q=" + BrowserSession.enc("列表")).body();
    assertThat(first).contains(total(53), "第 1–50 条，第 1/2 页");
    assertThat(rows(first, "workers")).isEqualTo(50);
    String next = link(first, "pager-next");
    assertThat(next).contains("org=" + s.school, "q=", "page=1");
    String second = officer.get(next).body();
    assertThat(rows(second, "workers")).isEqualTo(3);
    assertThat(second).contains(total(53), "第 51–53 条，第 2/2 页");
    assertThat(link(second, "pager-prev")).doesNotContain("page=").contains("org=" + s.school);

    // Sorted by name, both ways, on the server (in the database's collation): the first page one
    // way holds 50 of the 53 names, the other way's first page the last 50 of them, reversed.
    List<String> asc = names(officer.get("/workers?org=" + s.school + "&q=" + BrowserSession.enc("列表") + "&sort=name")
        .body());
    List<String> desc = names(officer.get("/workers?org=" + s.school + "&q=" + BrowserSession.enc("列表")
        + "&sort=-name").body());
    assertThat(asc).hasSize(50).doesNotHaveDuplicates();
    assertThat(desc).hasSize(50).doesNotContainAnyElementsOf(asc.subList(0, 3));
    List<String> backwards = new ArrayList<>(desc.subList(3, 50));
    java.util.Collections.reverse(backwards);
    assertThat(asc.subList(3, 50)).containsExactlyElementsOf(backwards);
    HttpResponse<String> badSort = officer.get("/workers?sort=salary");
    assertThat(badSort.statusCode()).isEqualTo(400);
    assertThat(badSort.body()).contains("sort", "name, org, registered");

    // The ID's last 4 characters find the worker; the API says so with its total.
    String last4 = ids.get(7).substring(14);
    String found = officer.get("/workers?q=" + last4).body();
    assertThat(found).contains(total(1), "列表" + NAMES.charAt(7) + NAMES.charAt(0));
    Api.Res api = s.as("officer").get("/api/v1/workers?q=" + last4);
    assertThat(api.header("X-Total-Count")).isEqualTo("1");
    assertThat(api.json().get(0).path("idNumberMasked").asText()).endsWith(last4);
    // Out of scope: another city's officer finds nobody by those digits, and cannot name the unit.
    Scenario other = new Scenario(port);
    assertThat(other.as("officer").get("/api/v1/workers?q=" + last4).header("X-Total-Count")).isEqualTo("0");
    BrowserSession stranger = new BrowserSession(port);
    stranger.login(other.name("officer"), Scenario.PW);
    assertThat(stranger.get("/workers?org=" + s.school).statusCode()).isEqualTo(404);
  }

  @Test
  void casesAreFoundByNumberWorkerNameOrTheLastFourOfTheIdNumber() {
    Flows f = new Flows(s, today);
    String idNumber = TestIds.nextId();
    long w = s.worker("查找对象", idNumber, null);
    Map<String, Object> body = Scenario.caseBody(f.campaign, w, "CASH", "800", today);
    Api.Res opened = s.as("officer").post("/api/v1/cases", body);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String number = opened.json().path("caseNumber").asText();
    f.openCase("CASH", "300", 3);
    f.openCase("CASH", "2500", 3);

    BrowserSession officer = page("officer");
    String all = officer.get("/cases?campaign=" + f.campaign).body();
    assertThat(all).contains(total(3));
    for (String q : List.of(number, number.substring(number.length() - 6), "查找对象", idNumber.substring(14), idNumber)) {
      String html = officer.get("/cases?campaign=" + f.campaign + "&q=" + BrowserSession.enc(q)).body();
      assertThat(html).as(q).contains(total(1), number);
    }
    // Sorted by amount on the server: the largest first when descending.
    String byAmount = officer.get("/cases?campaign=" + f.campaign + "&sort=-amount").body();
    assertThat(byAmount.indexOf("2500.00")).isPositive().isLessThan(byAmount.indexOf("800.00"));
    assertThat(byAmount.indexOf("800.00")).isLessThan(byAmount.indexOf("300.00"));
    // Bad filters are refused with the reason, never a server error.
    HttpResponse<String> bad = officer.get("/cases?status=OPENISH");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("status");
  }

  @Test
  void theHardshipFileListFiltersByStatusUnitAndWorkerAndTheApiPagesIt() {
    Flows f = new Flows(s, today);
    long waiting = f.submitFile();
    long notice = f.submitFile();
    long rejected = f.submitFile();
    assertThat(s.as("manager").post("/api/v1/hardship-files/" + notice + "/review", Map.of("decision", "APPROVE",
        "comment", "属实")).status()).isEqualTo(200);
    assertThat(s.as("manager").post("/api/v1/hardship-files/" + rejected + "/review", Map.of("decision", "REJECT",
        "comment", "收入超过标准")).status()).isEqualTo(200);

    BrowserSession manager = page("manager");
    String all = manager.get("/hardship-files").body();
    assertThat(all).contains(total(3), "data-file=\"" + waiting + "\"", "data-file=\"" + notice + "\"");
    String inNotice = manager.get("/hardship-files?status=PUBLIC_NOTICE").body();
    assertThat(inNotice).contains(total(1), "data-file=\"" + notice + "\"", "公示中");
    assertThat(manager.get("/hardship-files?status=PENDING_REVIEW").body()).contains(total(1),
        "data-file=\"" + waiting + "\"");
    assertThat(manager.get("/hardship-files?status=REJECTED&org=" + s.school).body()).contains(total(1),
        "data-file=\"" + rejected + "\"");
    assertThat(manager.get("/hardship-files?status=FILED").body()).contains(total(0));
    assertThat(manager.get("/hardship-files?status=SOMETIMES").statusCode()).isEqualTo(400);
    // The status tabs keep the search and the unit.
    assertThat(manager.get("/hardship-files?q=" + BrowserSession.enc("档案") + "&org=" + s.school).body())
        .contains("status=PUBLIC_NOTICE&amp;org=" + s.school + "&amp;q=");

    Api.Res api = s.as("manager").get("/api/v1/hardship-files?status=PENDING_REVIEW&status=PUBLIC_NOTICE&size=1");
    assertThat(api.status()).isEqualTo(200);
    assertThat(api.header("X-Total-Count")).isEqualTo("2");
    assertThat(api.json().size()).isEqualTo(1);
    assertThat(api.link("next")).contains("page=1", "size=1", "status=PENDING_REVIEW");
    // Another city sees none of them.
    Scenario other = new Scenario(port);
    assertThat(other.as("manager").get("/api/v1/hardship-files").header("X-Total-Count")).isEqualTo("0");
    assertThat(other.as("manager").get("/api/v1/hardship-files?org=" + s.school).status()).isEqualTo(404);
    // The file page keeps the file's history.
    assertThat(manager.get("/hardship-files/" + rejected).body()).contains("收入超过标准");
  }

  @Test
  void theInboxPagesInTheEngineWithFiltersByKindAndUnit() {
    Flows f = new Flows(s, today);
    List<String> opened = List.of(f.openCase("CASH", "300", 3), f.openCase("CASH", "400", 3), f.openCase("CASH", "500", 3));
    f.submitFile();

    BrowserSession finance = page("finance");
    String home = finance.get("/?size=2").body();
    assertThat(home).contains(total(3), "data-kind=\"approveFinance\"", "财务审核 3");
    assertThat(rows(home, "tasks")).isEqualTo(2);
    assertThat(link(home, "pager-next")).contains("size=2", "page=1");
    Api.Res api = s.as("finance").get("/api/v1/tasks?size=2&kind=approveFinance");
    assertThat(api.header("X-Total-Count")).isEqualTo("3");
    assertThat(api.link("next")).contains("kind=approveFinance");
    assertThat(finance.get("/?kind=closeCase").body()).contains(total(0));
    assertThat(finance.get("/?kind=nothing").statusCode()).isEqualTo(400);

    // The city's finance sees the school's work, filtered to a unit and below.
    BrowserSession city = page("cityfinance");
    assertThat(city.get("/?org=" + s.school + "&kind=approveFinance").body()).contains(total(3), opened.get(0));
    assertThat(city.get("/?org=" + s.otherSchool).body()).contains(total(0));
    assertThat(finance.get("/?org=" + s.city).statusCode()).as("above the user's unit: not in scope").isEqualTo(404);
    // The manager's inbox: the file to review, by kind.
    assertThat(page("manager").get("/?kind=reviewFile").body()).contains(total(1), "审核困难档案");
  }

  @Test
  void visitsFundsActivitiesBatchesReportsAndTheAuditLogShowTheirTotals() {
    Flows f = new Flows(s, today);
    String dueToday = f.openCase("CASH", "300", 0);
    f.openCase("CASH", "300", 2);
    f.openCase("CASH", "300", 5);
    BrowserSession officer = page("officer");
    String visits = officer.get("/visits?org=" + s.school).body();
    assertThat(visits).contains(total(3));
    String todays = officer.get("/visits?when=today&org=" + s.school).body();
    assertThat(todays).contains(total(1), dueToday);
    assertThat(officer.get("/visits?when=someday").statusCode()).isEqualTo(400);
    HttpResponse<String> badWeek = officer.get("/visits?week=bad");
    assertThat(badWeek.statusCode()).isEqualTo(400);
    assertThat(badWeek.body()).contains("week", "yyyy-MM-dd");

    for (String source : List.of("B3", "B3", "B4")) {
      assertThat(s.as("finance").post("/api/v1/funds", Map.of("campaignCode", f.campaign, "orgCode", s.school, "source",
          source, "amountYuan", "1000", "receivedOn", today.toString(), "note", "到账")).status()).isEqualTo(201);
    }
    BrowserSession finance = page("finance");
    assertThat(finance.get("/funds?campaign=" + f.campaign).body()).contains(total(3));
    assertThat(finance.get("/funds?campaign=" + f.campaign + "&source=B4&size=1").body()).contains(total(1));
    assertThat(finance.get("/funds?campaign=" + f.campaign + "&sort=-amount").statusCode()).isEqualTo(200);

    for (int i = 0; i < 2; i++) {
      assertThat(s.as("officer").post("/api/v1/activities", Map.of("campaignCode", f.campaign, "orgCode", s.school,
          "kind", "SERVICE_PSYCH", "date", today.toString(), "count", 3 + i)).status()).isEqualTo(201);
    }
    assertThat(officer.get("/activities?campaign=" + f.campaign + "&kind=SERVICE_PSYCH").body()).contains(total(2));
    assertThat(officer.get("/activities?campaign=" + f.campaign + "&kind=MIGRANT_RETURN").body()).contains(total(0));

    assertThat(finance.get("/payment-batches").body()).contains(total(0));
    assertThat(finance.get("/payment-batches?status=LOST").statusCode()).isEqualTo(400);
    assertThat(f.submitReport("manager", "我校报告").status()).isEqualTo(201);
    assertThat(page("citymanager").get("/reports?campaign=" + f.campaign).body()).contains(total(1));

    BrowserSession admin = new BrowserSession(port);
    admin.login("admin", "warmth-root-pw-1");
    String audit = admin.get("/admin/audit?entityType=CASE&entityId=" + dueToday).body();
    assertThat(audit).contains(total(1), "CASE_OPENED");
  }

  /** The API's lists keep their contract: a JSON array, X-Total-Count, Link next/prev. */
  @Test
  void apiListsAnswerAnArrayWithTheirTotalAndLinks() {
    Flows f = new Flows(s, today);
    for (int i = 0; i < 3; i++) {
      f.openCase("CASH", "300", 3);
    }
    Api.Res first = s.as("officer").get("/api/v1/cases?campaign=" + f.campaign + "&size=2");
    assertThat(first.json().isArray()).isTrue();
    assertThat(first.header("X-Total-Count")).isEqualTo("3");
    Api.Res second = s.as("officer").get(first.link("next").substring(first.link("next").indexOf("/api/")));
    assertThat(second.json().size()).isEqualTo(1);
    assertThat(second.link("prev")).contains("page=0");
    JsonNode tasks = s.as("finance").get("/api/v1/tasks?size=500").json();
    assertThat(tasks.size()).isEqualTo(3);
  }
}

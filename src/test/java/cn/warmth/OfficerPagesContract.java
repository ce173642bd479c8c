package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.BrowserSession;
import cn.warmth.support.Flows;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11, items 4–7, as the pages answer them: forms that keep what was typed and put each
 * message under its field; units, campaigns, categories and people in words; the contact person
 * and phone on the 统计表 (page, print view, PDF, XLSX); drill-down rows; a child's frozen table
 * beside its live one; no report form at the root; the 公示名单 for the notice board.
 */
abstract class OfficerPagesContract {
  @LocalServerPort
  int port;
  @Autowired
  MutableClock clock;
  Scenario s;
  Flows flows;
  LocalDate today;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    today = LocalDate.now(clock);
    flows = new Flows(s, today);
  }

  BrowserSession page(String role) {
    BrowserSession b = new BrowserSession(port);
    b.login(s.name(role), Scenario.PW);
    return b;
  }

  /** A CASH case of the school, approved by finance: the visit can be recorded. */
  String approvedCase() {
    String n = flows.openCase("CASH", "800", 0);
    flows.approveOk("finance", n);
    return n;
  }

  String closedCase() {
    String n = approvedCase();
    assertThat(flows.visit("officer", n, true).status()).isEqualTo(200);
    assertThat(flows.close("officer", n).status()).isEqualTo(200);
    return n;
  }

  @Test
  void aVisitDatedTomorrowKeepsWhatWasTypedAndSaysSoUnderTheDate() {
    String n = approvedCase();
    BrowserSession officer = page("officer");
    String tomorrow = today.plusDays(1).toString();
    HttpResponse<String> r = officer.post("/cases/" + n + "/visit", "outcome=COMPLETED&visitedOn=" + tomorrow
        + "&visitors=" + BrowserSession.enc("工会主席、王老师") + "&notes=" + BrowserSession.enc("家中老人卧床，已送米面油")
        + "&receiptSigned=true&_csrf=" + BrowserSession.enc(officer.csrf("/cases/" + n)));
    assertThat(r.statusCode()).isEqualTo(400); // the refusal's status, the page shown again
    String form = section(r.body(), "id=\"visit-form\"", "</form>");
    // The typed notes, visitors, date and the ticked receipt are all still there.
    assertThat(form).contains(">家中老人卧床，已送米面油</textarea>", "value=\"工会主席、王老师\"", "value=\"" + tomorrow + "\"")
        .containsPattern("id=\"receiptSigned\"[^>]*checked");
    // The message sits under the date field: after the date input, before the visitors' field.
    int date = form.indexOf("id=\"visitedOn\"");
    int error = form.indexOf("data-field=\"visitedOn\"");
    int visitors = form.indexOf("id=\"actualVisitors\"");
    assertThat(error).isGreaterThan(date).isLessThan(visitors);
    assertThat(form.substring(error)).contains("不能晚于今天");
    // Labels on every field of the form, and native date inputs.
    assertThat(form).contains("for=\"visitedOn\"", "for=\"actualVisitors\"", "for=\"visit-notes\"", "type=\"date\"");
    // The waive form does not take the visit's text or message.
    assertThat(section(r.body(), "id=\"waive-form\"", "</form>")).doesNotContain("家中老人卧床", "data-field=\"visitedOn\"");
    // Nothing was recorded.
    assertThat(s.as("officer").get("/api/v1/cases/" + n).json().path("visit").path("status").asText()).isEqualTo("PLANNED");

    // A waiver without its reason: the message under the waive form's field only.
    HttpResponse<String> w = officer.post("/cases/" + n + "/visit", "outcome=WAIVED&notes=&_csrf="
        + BrowserSession.enc(officer.csrf("/cases/" + n)));
    assertThat(section(w.body(), "id=\"waive-form\"", "</form>")).contains("data-field=\"notes\"");
    assertThat(section(w.body(), "id=\"visit-form\"", "</form>")).doesNotContain("data-field=\"notes\"");
  }

  @Test
  void theActivityFormKeepsEveryFieldAndTellsWhichKindEachBelongsTo() {
    BrowserSession officer = page("officer");
    HttpResponse<String> r = officer.post("/activities", "campaignCode=" + flows.campaign + "&orgCode=" + s.school
        + "&kind=WAGE_RECOVERY&date=" + today + "&count=abc&amountYuan=12.345&note=" + BrowserSession.enc("为三名农民工追回工资")
        + "&_csrf=" + BrowserSession.enc(officer.csrf("/activities?campaign=" + flows.campaign)));
    assertThat(r.statusCode()).isEqualTo(400); // the refusal's status, the page shown again
    String form = section(r.body(), "id=\"activity-form\"", "</form>");
    assertThat(form).containsPattern("<option value=\"WAGE_RECOVERY\"[^>]*selected").contains("value=\"abc\"",
        "value=\"12.345\"", "value=\"为三名农民工追回工资\"", "value=\"" + today + "\"");
    assertThat(form).contains("data-field=\"count\"", "data-field=\"amountYuan\"");
    // Each field has its label; the kind-specific ones say their kinds (static/js/activities.js shows only those).
    assertThat(form).contains("for=\"activity-count\"", "for=\"activity-amount\"", "for=\"activity-enterprise\"",
        "data-kinds=\"WAGE_RECOVERY\"", "data-kinds=\"ENTERPRISE_VISIT\"");
    assertThat(r.body()).contains("/js/activities.js");
    assertThat(s.as("officer").getAll("/api/v1/activities?campaign=" + flows.campaign)).isEmpty();
  }

  @Test
  void pagesNameUnitsCampaignsCategoriesAndPeople() {
    String n = closedCase();
    BrowserSession officer = page("officer");
    String casePage = officer.get("/cases/" + n).body();
    String facts = section(casePage, "class=\"row mb-0 facts\"", "</dl>");
    assertThat(facts).contains("单位" + s.school, s.p + "送温暖", "测试officer", "测试finance")
        .doesNotContain(">" + s.school + "<", s.name("officer"), ">" + flows.campaign + "<");
    String list = officer.get("/cases?campaign=" + flows.campaign).body();
    assertThat(section(list, "id=\"cases\"", "</table>")).contains("单位" + s.school, "下岗失业、收入低、子女教育负担重的困难职工")
        .doesNotContain(">" + s.school + "<");
    // In English: statuses, badges and the timeline in English words.
    String english = officer.get("/cases/" + n + "?lang=en").body();
    assertThat(english).contains("Closed", "Opened (").doesNotContain("已结案", "待办理", "流程记录");
  }

  @Test
  void theNoticeBoardListNamesUnitsAndCategoriesAndListsFilesInTheirNotice() {
    closedCase();
    long file = flows.submitFile();
    assertThat(s.as("manager").post("/api/v1/hardship-files/" + file + "/review", Map.of("decision", "APPROVE",
        "comment", "属实")).status()).isEqualTo(200);
    s.admin.put("/api/v1/orgs/" + s.school + "/contact", Map.of("contactName", "王联系", "contactPhone", "029-87228992"));
    String board = page("manager").get("/public-list?campaign=" + flows.campaign).body();
    assertThat(section(board, "id=\"public-list\"", "</table>")).contains("单位" + s.school, "下岗失业、收入低、子女教育负担重的困难职工",
        "职*", "800.00").doesNotContain(">" + s.school + "<", ">C1<");
    assertThat(section(board, "id=\"filing-list\"", "</table>")).contains("档**工", "深度困难", "单位" + s.school);
    assertThat(board).contains("联系人：王联系　电话：029-87228992", "/css/print.css", "id=\"print\"");
  }

  @Test
  void theContactPersonAndPhoneFillInTheTableItsPrintItsPdfAndItsWorkbook() throws Exception {
    // Only an ADMIN sets them, in scope; bad values are refused field by field, nothing saved.
    assertThat(s.as("citymanager").put("/api/v1/orgs/" + s.city + "/contact", Map.of("contactName", "王联系",
        "contactPhone", "029-87228992")).status()).isEqualTo(403);
    Api.Res bad = s.admin.put("/api/v1/orgs/" + s.city + "/contact", Map.of("contactName", "<王>", "contactPhone", "电话"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("contactName", "contactPhone");
    Api.Res ok = s.admin.put("/api/v1/orgs/" + s.city + "/contact", Map.of("contactName", "王联系", "contactPhone",
        "029-87228992"));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().path("contactPhone").asText()).isEqualTo("029-87228992");

    String q = "?campaign=" + flows.campaign + "&org=" + s.city;
    BrowserSession manager = page("citymanager");
    String table = manager.get("/statistics" + q).body();
    assertThat(table).contains("id=\"stat-preparer\">王联系<", "id=\"stat-phone\">029-87228992<", "id=\"stat-print\"");
    HttpResponse<String> print = manager.get("/statistics/print" + q);
    assertThat(print.statusCode()).isEqualTo(200);
    assertThat(print.body()).contains("附件", "王联系", "029-87228992", "/css/print.css", "/js/print.js", "id=\"print\"",
        "class=\"sheet wide official\"");
    // Each C/D pair's item text is one cell over its two rows.
    assertThat(print.body()).containsPattern("data-cell=\"C6\"[\\s\\S]*?rowspan=\"2\"[^>]*>\\s*<span>重大灾害期间坚守抗灾一线的职工");
    try (PDDocument pdf = Loader.loadPDF(s.as("citymanager").get("/api/v1/statistics/official.pdf" + q).bytes())) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("王联系", "029-87228992");
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
        s.as("citymanager").get("/api/v1/statistics/export" + q).bytes()))) {
      var sheet = wb.getSheetAt(0);
      assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("填报人:王联系");
      assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("电话:029-87228992");
    }
    // The admin page: a refused contact keeps what was typed.
    BrowserSession admin = new BrowserSession(port);
    admin.login("admin", "warmth-root-pw-1");
    HttpResponse<String> refused = admin.post("/admin/orgs/contact", "code=" + s.school + "&contactName="
        + BrowserSession.enc("李四") + "&contactPhone=abc&_csrf=" + BrowserSession.enc(admin.csrf("/admin/orgs")));
    String form = section(refused.body(), "id=\"contact-form\"", "</form>");
    assertThat(form).contains("value=\"李四\"", "value=\"abc\"", "data-field=\"contactPhone\"");
    assertThat(s.admin.get("/api/v1/statistics/export?campaign=" + flows.campaign + "&org=" + s.school).status())
        .isEqualTo(200);
  }

  @Test
  void aDrillDownRowSaysWhoWhereHowMuchAndWhen() {
    String n = closedCase();
    String rows = page("citymanager").get("/statistics/cases?campaign=" + flows.campaign + "&org=" + s.city + "&cell=C1")
        .body();
    String row = section(rows, "data-case=\"" + n + "\"", "</tr>");
    assertThat(row).contains("职*", "单位" + s.school, "800.00", today.toString(), "href=\"/cases/" + n + "\"");
    assertThat(rows).contains("id=\"case-count\">1<");
  }

  @Test
  void theRootHasNoReportFormButSaysWhyAndAParentOpensAChildsFrozenTable() {
    // A manager of the root organisation: nobody above to report to.
    String root = s.p.toLowerCase() + ".root";
    assertThat(s.admin.post("/api/v1/users", Map.of("username", root, "password", Scenario.PW, "displayName", "省负责人",
        "orgCode", "SX", "roles", List.of("MANAGER"))).status()).isEqualTo(201);
    BrowserSession top = new BrowserSession(port);
    top.login(root, Scenario.PW);
    String rootPage = top.get("/reports?campaign=" + flows.campaign).body();
    assertThat(rootPage).contains("id=\"no-report\"", "没有上级").doesNotContain("id=\"report-form\"");

    closedCase();
    Api.Res report = flows.submitReport("manager", "我校开展送温暖活动。");
    assertThat(report.status()).as(report.toString()).isEqualTo(201);
    long id = report.json().path("id").asLong();
    BrowserSession city = page("citymanager");
    String children = city.get("/reports?campaign=" + flows.campaign).body();
    assertThat(children).contains("href=\"/reports/" + id + "\"");
    String frozen = section(city.get("/reports/" + id).body(), "id=\"frozen-table\"", "</table>");
    assertThat(section(frozen, "data-cell=\"C\"", "</tr>")).contains(">1<").doesNotContain("table-warning");
    // Another case closes at the school: today's figure moves, the submitted one does not.
    closedCase();
    frozen = section(city.get("/reports/" + id).body(), "id=\"frozen-table\"", "</table>");
    String c = section(frozen, "data-cell=\"C\"", "</tr>");
    assertThat(c).contains("table-warning");
    assertThat(section(c, "class=\"text-end nw frozen\"", "</td>")).contains(">1");
    assertThat(section(c, "class=\"text-end nw live\"", "</td>")).contains(">2");
  }

  /** The text from the first {@code from} to the next {@code to} after it (fails when {@code from} is absent). */
  static String section(String html, String from, String to) {
    int start = html.indexOf(from);
    assertThat(start).as("no " + from).isGreaterThanOrEqualTo(0);
    int end = html.indexOf(to, start);
    return end < 0 ? html.substring(start) : html.substring(start, end);
  }
}

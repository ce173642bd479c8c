package cn.warmth.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.BrowserSession;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The finance desk (issue 12): what waits for the caller's sign-off, filtered and paged; many
 * approved at once, each case checked alone; what a sign-off needs; and the next case.
 */
abstract class ApprovalDeskContract {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  MutableClock clock;
  Scenario s;
  String campaign;
  LocalDate today;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    today = LocalDate.now(clock);
    campaign = s.p + "-YD";
    assertThat(s.admin.post("/api/v1/campaigns", Map.of("code", campaign, "name", "送温暖", "startDate",
        today.minusDays(10).toString(), "endDate", today.plusDays(30).toString(), "reportDeadline",
        today.plusDays(40).toString())).status()).isEqualTo(201);
  }

  /** A user of the school with several roles (e.g. an officer who is also finance). */
  void user(String role, String... roles) {
    Api.Res r = s.admin.post("/api/v1/users", Map.of("username", s.name(role), "password", Scenario.PW, "displayName",
        "测试" + role, "orgCode", s.school, "roles", List.of(roles)));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  record Opened(String caseNumber, long workerId, String card) {}

  Opened open(String who, String org, String amount, String source) {
    return open(who, org, amount, source, null);
  }

  /** A new worker of the unit and a BANK_CARD case for them, opened by {@code who}: PENDING_APPROVAL. */
  Opened open(String who, String org, String amount, String source, String overCapReason) {
    String card = TestIds.nextCard();
    Api.Res w = s.as(who).post("/api/v1/workers", Map.of("name", "职工" + "甲乙丙丁戊".charAt((int) (System.nanoTime() % 5)),
        "idNumber", TestIds.nextId(), "orgCode", org, "employmentType", "ESTABLISHED", "disabled", false, "bankName",
        "中国工商银行", "bankCardNumber", card));
    assertThat(w.status()).as(w.toString()).isEqualTo(201);
    long workerId = w.json().path("id").asLong();
    return new Opened(openFor(who, workerId, amount, source, "C1", overCapReason), workerId, card);
  }

  String openFor(String who, long workerId, String amount, String source, String category, String overCapReason) {
    Map<String, Object> body = new HashMap<>(Map.of("campaignCode", campaign, "workerId", workerId, "category", category,
        "fundSource", source, "paymentMethod", "BANK_CARD", "amountYuan", amount, "reason", "春节慰问", "visit",
        Map.of("plannedDate", today.plusDays(3).toString(), "location", "家中", "visitors", "经办人")));
    if (overCapReason != null) {
      body.put("overCapReason", overCapReason);
    }
    Api.Res r = s.as(who).post("/api/v1/cases", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("caseNumber").asText();
  }

  Api.Res bulk(String who, List<String> caseNumbers) {
    return s.as(who).post("/api/v1/approvals", Map.of("caseNumbers", caseNumbers, "comment", "同意"));
  }

  static List<String> numbers(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false).map(n -> n.path("caseNumber").asText()).toList();
  }

  String status(String caseNumber) {
    return s.as("officer").get("/api/v1/cases/" + caseNumber).json().path("status").asText();
  }

  @Test
  void fiftyApprovedAtOnceAndTheOneTheApproverOpenedIsRefusedAlone() {
    user("officerfinance", "OFFICER", "FINANCE");
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 49; i++) {
      cases.add(open("officer", s.school, String.valueOf(100 + i), i % 2 == 0 ? "B3" : "B4").caseNumber());
    }
    String own = open("officerfinance", s.school, "300", "B3").caseNumber();
    cases.add(20, own);
    JsonNode waiting = s.as("officerfinance").get("/api/v1/approvals?size=100").json();
    assertThat(numbers(waiting)).containsAll(cases);
    JsonNode ownRow = StreamSupport.stream(waiting.spliterator(), false)
        .filter(n -> n.path("caseNumber").asText().equals(own)).findFirst().orElseThrow();
    assertThat(ownRow.path("mine").asText()).isEqualTo("OPENED");

    Api.Res r = bulk("officerfinance", cases);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().path("approved").asInt()).isEqualTo(49);
    assertThat(r.json().path("refused").asInt()).isEqualTo(1);
    JsonNode results = r.json().path("results");
    assertThat(results.size()).isEqualTo(50);
    JsonNode refused = results.get(20);
    assertThat(refused.path("caseNumber").asText()).isEqualTo(own);
    assertThat(refused.path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(refused.path("code").asText()).isEqualTo("SEGREGATION_OF_DUTIES");
    assertThat(refused.path("message").asText()).isNotBlank();
    assertThat(StreamSupport.stream(results.spliterator(), false).filter(n -> !n.path("caseNumber").asText().equals(own)))
        .allSatisfy(n -> {
          assertThat(n.path("outcome").asText()).isEqualTo("APPROVED");
          assertThat(n.path("status").asText()).isEqualTo("IN_PROGRESS");
        });
    assertThat(status(own)).isEqualTo("PENDING_APPROVAL");
    assertThat(status(cases.get(0))).isEqualTo("IN_PROGRESS");
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'CASE_APPROVED_FINANCE' and actor = ?",
        Integer.class, s.name("officerfinance"))).isEqualTo(49);
    // Only the refused one is still waiting; the queue says why it cannot be signed.
    assertThat(numbers(s.as("officerfinance").get("/api/v1/approvals").json())).containsExactly(own);
  }

  @Test
  void aSecondSignOffByTheSamePersonIsRefusedAloneAndBulkIsApprovalOnly() {
    user("fm", "FINANCE", "MANAGER");
    String big = open("officer", s.school, "2500", "B3").caseNumber();
    String small = open("officer", s.school, "800", "B3").caseNumber();
    Api.Res first = bulk("fm", List.of(big, small));
    assertThat(first.json().path("approved").asInt()).isEqualTo(2);
    assertThat(status(big)).isEqualTo("PENDING_APPROVAL"); // the manager must sign too
    JsonNode again = bulk("fm", List.of(big, small, "XA-1999-000001")).json();
    assertThat(again.path("results").get(0).path("code").asText()).isEqualTo("SEGREGATION_OF_DUTIES");
    assertThat(again.path("results").get(1).path("code").asText()).isEqualTo("INVALID_STATE");
    assertThat(again.path("results").get(2).path("code").asText()).isEqualTo("NOT_FOUND");
    assertThat(again.path("approved").asInt()).isZero();
    JsonNode mine = s.as("fm").get("/api/v1/approvals").json();
    assertThat(numbers(mine)).containsExactly(big);
    assertThat(mine.get(0).path("step").asText()).isEqualTo("MANAGER");
    assertThat(mine.get(0).path("mine").asText()).isEqualTo("SIGNED");
    // Another manager signs it.
    assertThat(bulk("manager", List.of(big)).json().path("results").get(0).path("status").asText()).isEqualTo("IN_PROGRESS");

    Api.Res reject = s.as("finance").post("/api/v1/approvals", Map.of("caseNumbers", List.of(small), "decision", "REJECT"));
    assertThat(reject.status()).isEqualTo(400);
    assertThat(reject.json().path("errors").get(0).path("code").asText()).isEqualTo("BULK_APPROVE_ONLY");
    Api.Res none = s.as("finance").post("/api/v1/approvals", Map.of("caseNumbers", List.of()));
    assertThat(none.json().path("errors").get(0).path("code").asText()).isEqualTo("NOTHING_SELECTED");
    assertThat(bulk("officer", List.of(small)).status()).isEqualTo(403);
  }

  @Test
  void theQueueIsFilteredByUnitAndSourceAndPaged() {
    String a = open("officer", s.school, "100", "B3").caseNumber();
    String b = open("officer", s.school, "200", "B4").caseNumber();
    String c = open("officer", s.school, "2100", "B3").caseNumber();
    String other = open("otherofficer", s.otherSchool, "300", "B3").caseNumber();

    Api.Res all = s.as("finance").get("/api/v1/approvals");
    assertThat(all.status()).isEqualTo(200);
    assertThat(numbers(all.json())).containsExactly(a, b, c); // oldest first, own scope only
    assertThat(all.json().get(0).path("workerName").asText()).startsWith("职工");
    assertThat(all.json().get(0).path("step").asText()).isEqualTo("FINANCE");
    assertThat(numbers(s.as("finance").get("/api/v1/approvals?source=B4").json())).containsExactly(b);
    assertThat(s.as("finance").get("/api/v1/approvals?org=" + s.otherSchool).status()).isEqualTo(404);
    assertThat(numbers(s.as("cityfinance").get("/api/v1/approvals").json())).containsExactly(a, b, c, other);
    assertThat(numbers(s.as("cityfinance").get("/api/v1/approvals?org=" + s.otherSchool).json())).containsExactly(other);
    assertThat(numbers(s.as("cityfinance").get("/api/v1/approvals?org=" + s.school + "&source=B3").json()))
        .containsExactly(a, c);

    Api.Res page0 = s.as("cityfinance").get("/api/v1/approvals?size=3");
    // The list headers of api.md.
    assertThat(numbers(page0.json())).containsExactly(a, b, c);
    assertThat(page0.status()).isEqualTo(200);
    Api.Res page1 = s.as("cityfinance").get("/api/v1/approvals?size=3&page=1");
    assertThat(numbers(page1.json())).containsExactly(other);
    assertThat(s.as("cityfinance").get("/api/v1/approvals?size=0").status()).isEqualTo(400);
    assertThat(s.as("cityfinance").get("/api/v1/approvals?page=-1").status()).isEqualTo(400);
    assertThat(s.as("cityfinance").get("/api/v1/approvals?size=501").status()).isEqualTo(400);
    assertThat(s.as("officer").get("/api/v1/approvals").status()).isEqualTo(403);

    // The manager's step appears only once finance signed.
    assertThat(numbers(s.as("manager").get("/api/v1/approvals").json())).isEmpty();
    bulk("finance", List.of(c));
    JsonNode manager = s.as("manager").get("/api/v1/approvals").json();
    assertThat(numbers(manager)).containsExactly(c);
    assertThat(manager.get(0).path("step").asText()).isEqualTo("MANAGER");
  }

  @Test
  void listHeadersGiveTheTotalAndTheNextAndPreviousPages() throws Exception {
    for (int i = 0; i < 3; i++) {
      open("officer", s.school, "100", "B3");
    }
    HttpResponse<String> first = raw("finance", "/api/v1/approvals?size=2&page=0");
    assertThat(first.headers().firstValue("X-Total-Count")).hasValue("3");
    assertThat(first.headers().firstValue("Link").orElse("")).contains("page=1", "rel=\"next\"").doesNotContain("prev");
    HttpResponse<String> last = raw("finance", "/api/v1/approvals?size=2&page=1");
    assertThat(last.headers().firstValue("Link").orElse("")).contains("page=0", "rel=\"prev\"").doesNotContain("next");
  }

  /** A GET with its response headers (Api keeps only status, type and body). */
  HttpResponse<String> raw(String who, String path) throws Exception {
    String auth = java.util.Base64.getEncoder().encodeToString((s.name(who) + ":" + Scenario.PW).getBytes());
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + auth).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theBriefShowsWhatTheSignOffNeeds() {
    Opened earlier = open("officer", s.school, "600", "B3");
    Api.Res file = s.as("officer").post("/api/v1/workers/" + earlier.workerId() + "/hardship-file", Map.of("category",
        "DEEP", "reasons", List.of("SERIOUS_ILLNESS"), "householdSize", 3, "annualIncomeYuan", 20000,
        "annualEssentialExpensesYuan", 9000));
    assertThat(file.status()).as(file.toString()).isEqualTo(201);
    assertThat(s.as("finance").post("/api/v1/funds", Map.of("campaignCode", campaign, "orgCode", s.school, "source", "B3",
        "amountYuan", "1000", "receivedOn", today.toString())).status()).isEqualTo(201);
    bulk("finance", List.of(earlier.caseNumber()));
    String now = openFor("officer", earlier.workerId(), "500", "B3", "C2", null);

    Api.Res r = s.as("finance").get("/api/v1/approvals/" + now);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode b = r.json();
    assertThat(b.path("step").asText()).isEqualTo("FINANCE");
    assertThat(b.path("blocked").isNull()).isTrue();
    assertThat(b.path("payee").path("bankName").asText()).isEqualTo("中国工商银行");
    assertThat(b.path("payee").path("bankCardMasked").asText()).endsWith(earlier.card().substring(15)).startsWith("*");
    assertThat(r.text()).doesNotContain(earlier.card());
    assertThat(b.path("file").path("status").asText()).isEqualTo("PENDING_REVIEW");
    assertThat(b.path("file").path("category").asText()).isEqualTo("DEEP");
    JsonNode caps = b.path("caps");
    assertThat(caps.path("caseTotalYuan").asText()).isEqualTo("500.00");
    assertThat(caps.path("caseCapYuan").asText()).isEqualTo("3000.00");
    assertThat(caps.path("yearTotalYuan").asText()).isEqualTo("1100.00");
    assertThat(caps.path("annualCapYuan").asText()).isEqualTo("6000.00");
    assertThat(caps.path("annualLeftYuan").asText()).isEqualTo("4900.00");
    assertThat(caps.path("overAnnualCap").asBoolean()).isFalse();
    assertThat(caps.path("cases").size()).isEqualTo(2);
    assertThat(caps.path("cases").get(0).path("current").asBoolean()).isTrue();
    JsonNode fund = b.path("fund");
    assertThat(fund.path("source").asText()).isEqualTo("B3");
    assertThat(fund.path("raisedYuan").asText()).isEqualTo("1000.00");
    assertThat(fund.path("approvedYuan").asText()).isEqualTo("600.00");
    assertThat(fund.path("paidYuan").asText()).isEqualTo("0.00");
    assertThat(fund.path("leftYuan").asText()).isEqualTo("400.00");
    assertThat(fund.path("leftAfterYuan").asText()).isEqualTo("-100.00");
    assertThat(fund.path("shortAfter").asBoolean()).isTrue();
    assertThat(s.as("officer").get("/api/v1/approvals/" + now).json().path("step").isNull()).isTrue();

    // Over the cap: flagged, with the written reason.
    Opened over = open("officer", s.school, "3500", "B3", "家中突发重大变故，经研究超标慰问");
    JsonNode o = s.as("finance").get("/api/v1/approvals/" + over.caseNumber()).json();
    assertThat(o.path("overCap").asBoolean()).isTrue();
    assertThat(o.path("overCapReason").asText()).isEqualTo("家中突发重大变故，经研究超标慰问");
    assertThat(o.path("caps").path("overCaseCap").asBoolean()).isTrue();
    assertThat(o.path("file").isNull()).isTrue();
    assertThat(o.path("waiting").asInt()).isEqualTo(2);
    assertThat(o.path("next").asText()).isEqualTo(now);
    assertThat(s.as("otherfinance").get("/api/v1/approvals/" + over.caseNumber()).status()).isEqualTo(404);
  }

  @Test
  void nextLeadsToTheOldestOtherCaseTheCallerCanSign() {
    user("officerfinance", "OFFICER", "FINANCE");
    String own = open("officerfinance", s.school, "100", "B3").caseNumber();
    String first = open("officer", s.school, "200", "B3").caseNumber();
    String second = open("officer", s.school, "300", "B3").caseNumber();
    BrowserSession web = new BrowserSession(port);
    web.login(s.name("officerfinance"), Scenario.PW);
    assertThat(web.get("/approvals/next?after=" + own).headers().firstValue("Location").orElse("")).endsWith("/cases/" + first);
    assertThat(web.get("/approvals/next?after=" + first).headers().firstValue("Location").orElse("")).endsWith("/cases/" + second);
    bulk("finance", List.of(first, second));
    assertThat(web.get("/approvals/next?after=" + second).headers().firstValue("Location").orElse("")).endsWith("/approvals");
    // The desk page lists the caller's own case, marked, and no other.
    String page = web.get("/approvals").body();
    assertThat(page).contains(own, "本人立案，不能签批").doesNotContain(first);
  }
}

package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
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
 * Strict input, errors as problem+json and bounded paging (issue 9 item 7, issue 11 item 3),
 * run on H2 ({@link StrictInputTest}) and PostgreSQL ({@link StrictInputPostgresIT}).
 */
abstract class StrictInputContract {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  MutableClock clock;

  Scenario s;
  String campaign;
  long worker;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    campaign = s.p + "-SI";
    s.runningCampaign(campaign, LocalDate.now(clock));
    worker = s.worker("严格", TestIds.nextId(), TestIds.nextCard());
  }

  Map<String, Object> caseBody() {
    Map<String, Object> m = Scenario.caseBody(campaign, worker, "CASH", "500", LocalDate.now(clock));
    m.put("assistance", List.of("E2"));
    return m;
  }

  int cases() {
    return jdbc.queryForObject("select count(*) from aid_case where worker_id = ?", Integer.class, worker);
  }

  @Test
  void integersRefuseFractionsStringsAndOtherDigits() {
    Map<String, Object> body = caseBody();
    body.put("workerId", worker + 0.5);
    Api.Res r = s.as("officer").post("/api/v1/cases", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(fieldCodes(r)).containsExactly("workerId:INVALID_INTEGER");
    body.put("workerId", String.valueOf(worker));
    assertThat(fieldCodes(s.as("officer").post("/api/v1/cases", body))).containsExactly("workerId:INVALID_INTEGER");
    assertThat(cases()).isZero();

    Map<String, Object> activity = new HashMap<>(Map.of("campaignCode", campaign, "orgCode", s.school, "kind",
        "SERVICE_PSYCH", "date", LocalDate.now(clock).toString(), "count", 1.5));
    assertThat(fieldCodes(s.as("officer").post("/api/v1/activities", activity))).containsExactly("count:INVALID_INTEGER");
    activity.put("count", 2.0);
    assertThat(fieldCodes(s.as("officer").post("/api/v1/activities", activity))).containsExactly("count:INVALID_INTEGER");
    assertThat(jdbc.queryForObject("select count(*) from activity where org_code = ?", Integer.class, s.school)).isZero();

    // Paths and query strings: ASCII digits only (Java alone would read these as 12 or 16).
    for (String id : List.of("%EF%BC%91%EF%BC%92", "%D9%A1%D9%A2", "0x10", "+12", "1.0", "1e2")) {
      Api.Res w = s.as("officer").get("/api/v1/workers/" + id);
      assertThat(w.status()).as(id + " " + w).isEqualTo(400);
      assertThat(fieldCodes(w)).as(id).containsExactly("id:INVALID_INTEGER");
    }
  }

  @Test
  void amountsAreAsciiDigitsWithAtMostTwoDecimals() {
    for (Object bad : List.of("１２３", "١٢٣", "1e3", "+100", "-5", "12.345", "1,000", "100000000.01", 1.0e9, 12.345)) {
      Map<String, Object> body = caseBody();
      body.put("amountYuan", bad);
      Api.Res r = s.as("officer").post("/api/v1/cases", body);
      assertThat(r.status()).as(bad + " " + r).isEqualTo(400);
      assertThat(fieldCodes(r)).as(String.valueOf(bad)).contains("amountYuan:INVALID_AMOUNT");
    }
    assertThat(cases()).isZero();
    Map<String, Object> body = caseBody();
    body.put("amountYuan", 300.5);
    Api.Res ok = s.as("officer").post("/api/v1/cases", body);
    assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    assertThat(ok.json().path("amountYuan").asText()).isEqualTo("300.50");
  }

  @Test
  void datesAreAsciiAndWithinTheirWindow() {
    for (String bad : List.of("9999-12-31", "2024-1-5", "２０２４-０１-０５", "+2024-01-05", "2024-02-30", "20240105")) {
      Map<String, Object> body = caseBody();
      body.put("visit", Map.of("plannedDate", bad, "location", "家中", "visitors", "工会主席"));
      Api.Res r = s.as("officer").post("/api/v1/cases", body);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(fieldCodes(r).get(0)).as(bad).startsWith("visit.plannedDate:");
    }
    Api.Res farCampaign = s.admin.post("/api/v1/campaigns", Map.of("code", s.p + "-FAR", "name", "遥远的活动",
        "startDate", "2999-01-01", "endDate", "2999-02-01", "reportDeadline", "2999-03-01"));
    assertThat(fieldCodes(farCampaign)).contains("startDate:DATE_OUT_OF_RANGE", "endDate:DATE_OUT_OF_RANGE");
    assertThat(cases()).isZero();
  }

  @Test
  void namesRefuseBidiZeroWidthAndEmojiFreeTextTakesEmojiOnly() {
    for (String name : List.of("王\u202E振华", "王\u200B振华", "王振华😀", "王\uFEFF振华", "王\u2066振华")) {
      Api.Res r = s.admin.post("/api/v1/users", Map.of("username", s.p.toLowerCase() + ".n" + name.length(),
          "password", Scenario.PW, "displayName", name, "orgCode", s.school, "roles", List.of("OFFICER")));
      assertThat(r.status()).as(name).isEqualTo(400);
      assertThat(fieldCodes(r)).as(name).containsAnyOf("displayName:INVALID_NAME", "displayName:INVALID_TEXT");
      Api.Res org = s.admin.post("/api/v1/orgs", Map.of("code", s.p + "-X", "name", "学校" + name, "type",
          "GRASSROOTS", "parentCode", s.city));
      assertThat(fieldCodes(org)).as(name).containsAnyOf("name:INVALID_NAME", "name:INVALID_TEXT");
    }
    assertThat(jdbc.queryForObject("select count(*) from org_unit where code = ?", Integer.class, s.p + "-X")).isZero();
    // Free text: emoji yes, invisible characters no.
    Map<String, Object> body = caseBody();
    body.put("reason", "春节慰问\u202E");
    assertThat(fieldCodes(s.as("officer").post("/api/v1/cases", body))).containsExactly("reason:INVALID_TEXT");
    body.put("reason", "春节慰问 🧧");
    Api.Res ok = s.as("officer").post("/api/v1/cases", body);
    assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    // The visitors are names: no emoji there.
    body = caseBody();
    body.put("category", "C5");
    body.put("visit", Map.of("plannedDate", LocalDate.now(clock).plusDays(2).toString(), "location", "家中 🏠",
        "visitors", "工会主席🧧"));
    assertThat(fieldCodes(s.as("officer").post("/api/v1/cases", body))).containsExactly("visit.visitors:INVALID_NAME");
    assertThat(cases()).isEqualTo(1);
  }

  @Test
  void malformedJsonIsRefusedWholeWithTheField() {
    Api officer = s.as("officer");
    assertThat(officer.post("/api/v1/cases", "{not json").code()).isEqualTo("VALIDATION_FAILED");
    assertThat(officer.post("/api/v1/cases", "{\"campaignCode\":\"x\"} trailing").status()).isEqualTo(400);
    assertThat(officer.post("/api/v1/cases", "{\"amountYuan\":\"1\",\"amountYuan\":\"9999\"}").status()).isEqualTo(400);
    assertThat(officer.post("/api/v1/cases", "[".repeat(500) + "]".repeat(500)).status()).isEqualTo(400);
    assertThat(fieldCodes(officer.post("/api/v1/cases", "{\"assistance\":\"E1\",\"workerId\":1}")))
        .containsExactly("assistance:INVALID_LIST");
    assertThat(fieldCodes(officer.post("/api/v1/cases", "{\"reason\":{\"deep\":[1,2]},\"workerId\":1}")))
        .containsExactly("reason:INVALID_TEXT");
    assertThat(cases()).isZero();
  }

  @Test
  void everyRefusalOfTheApiIsProblemJson() throws Exception {
    Api officer = s.as("officer");
    Map<String, Api.Res> answers = new java.util.LinkedHashMap<>();
    answers.put("unknown path 404", officer.get("/api/v1/no-such-thing"));
    answers.put("unknown id 404", officer.get("/api/v1/cases/XA-2026-999999"));
    answers.put("method 405", officer.put("/api/v1/orgs", Map.of()));
    answers.put("media type 415", officer.postRaw("/api/v1/cases", "text/plain", "hello".getBytes()));
    answers.put("encoded slash 400", officer.get("/api/v1/cases/XA%2F2026"));
    answers.put("bad query 400", officer.get("/api/v1/cases?page=abc"));
    Map<String, Integer> expected = Map.of("unknown path 404", 404, "unknown id 404", 404, "method 405", 405,
        "media type 415", 415, "encoded slash 400", 400, "bad query 400", 400);
    answers.forEach((what, r) -> {
      assertThat(r.status()).as(what + " " + r).isEqualTo(expected.get(what));
      assertThat(r.contentType()).as(what).startsWith("application/problem+json");
      assertThat(r.code()).as(what).isNotBlank();
      assertThat(r.json().path("detail").asText()).as(what).isNotBlank();
    });
    // A page with a refused path gets the error page, not JSON.
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/cases/XA%2F2026")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
  }

  @Test
  void listsArePagedWithTotalAndLinks() {
    for (int i = 0; i < 5; i++) {
      s.worker("分页" + "甲乙丙丁戊".charAt(i), TestIds.nextId(), null);
    }
    Api officer = s.as("officer");
    Api.Res first = officer.get("/api/v1/workers?size=2");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().isArray()).isTrue();
    assertThat(first.json()).hasSize(2);
    assertThat(first.header("X-Total-Count")).isEqualTo("6");
    assertThat(first.link("next")).contains("/api/v1/workers?").contains("page=1").contains("size=2");
    assertThat(first.link("prev")).isNull();
    Api.Res last = officer.get("/api/v1/workers?size=2&page=2");
    assertThat(last.json()).hasSize(2);
    assertThat(last.link("next")).isNull();
    assertThat(last.link("prev")).contains("page=1");
    List<Long> ids = officer.getAll("/api/v1/workers?size=4").stream().map(n -> n.path("id").asLong()).toList();
    assertThat(ids).hasSize(6).doesNotHaveDuplicates();
    // Name search keeps its filter in the links.
    assertThat(officer.get("/api/v1/workers?q=分页&size=3").link("next")).contains("q=").contains("page=1");
    assertThat(officer.get("/api/v1/workers?q=分页&size=3").header("X-Total-Count")).isEqualTo("5");

    for (String bad : List.of("page=-1", "size=0", "size=501", "page=2147483647", "page=1.5", "size=%EF%BC%95")) {
      for (String list : List.of("/api/v1/workers", "/api/v1/cases", "/api/v1/orgs", "/api/v1/tasks",
          "/api/v1/campaigns", "/api/v1/activities?campaign=" + campaign)) {
        Api.Res r = officer.get(list + (list.contains("?") ? "&" : "?") + bad);
        assertThat(r.status()).as(list + " " + bad + " " + r).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
      }
    }
    assertThat(officer.get("/api/v1/workers?page=999").json()).isEmpty();
  }

  static List<String> fieldCodes(Api.Res r) {
    JsonNode errors = r.json().path("errors");
    return StreamSupport.stream(errors.spliterator(), false)
        .map(n -> n.path("field").asText() + ":" + n.path("code").asText()).toList();
  }
}

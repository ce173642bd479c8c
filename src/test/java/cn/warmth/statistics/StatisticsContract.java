package cn.warmth.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A generated campaign whose every statistics cell is also computed here, independently, from
 * what the test itself did: compared cell by cell at school, sibling school and city level.
 */
abstract class StatisticsContract {
  @LocalServerPort
  int port;
  @Autowired
  MutableClock clock;
  Scenario s;
  String campaign;
  String today;
  final Random random = new Random(20240224);

  /** What the test knows about each case it made. */
  record Made(String caseNumber, String org, int category, long fen, Set<Integer> assistance, boolean newForm,
      boolean disabled, String end) {}

  final List<Made> made = new ArrayList<>();
  final Map<String, Map<String, Long>> expected = new HashMap<>();

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    LocalDate now = LocalDate.now(clock);
    today = now.toString();
    campaign = s.p + "-ST";
    s.admin.post("/api/v1/campaigns", Map.of("code", campaign, "name", "2024年元旦春节送温暖", "startDate",
        now.minusDays(10).toString(), "endDate", now.plusDays(30).toString(), "reportDeadline", now.plusDays(40).toString()));
  }

  long worker(String officer, String org, boolean newForm, boolean disabled) {
    Map<String, Object> w = new HashMap<>(Map.of("name", "统计" + "甲乙丙丁戊己".charAt(random.nextInt(6)), "idNumber",
        TestIds.nextId(), "orgCode", org, "employmentType", newForm ? "NEW_FORM" : "ESTABLISHED", "disabled", disabled,
        "bankName", "中国银行", "bankCardNumber", TestIds.nextCard()));
    if (disabled) {
      w.put("disabilityCertNo", "61010219800101123X42");
    }
    Api.Res r = s.as(officer).post("/api/v1/workers", w);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  /** Opens a cash case and drives it to the given end: CLOSED, VOIDED, REJECTED or OPEN. */
  void aCase(String unit, String org, String end) {
    String officer = unit.equals("A") ? "officer" : "otherofficer";
    String finance = unit.equals("A") ? "finance" : "otherfinance";
    String manager = unit.equals("A") ? "manager" : "othermanager";
    boolean newForm = random.nextInt(3) == 0;
    boolean disabled = random.nextInt(4) == 0;
    long w = worker(officer, org, newForm, disabled);
    int category = 1 + random.nextInt(11);
    long money = 10_000 + random.nextInt(190_000) + (random.nextInt(100) == 0 ? 0 : random.nextInt(100)); // awkward fen
    long goods = random.nextBoolean() ? 0 : 1 + random.nextInt(50_000);
    Set<Integer> assistance = new TreeSet<>();
    for (int e = 1; e <= 5; e++) {
      if (random.nextInt(3) == 0) {
        assistance.add(e);
      }
    }
    Map<String, Object> b = new HashMap<>(Map.of("campaignCode", campaign, "workerId", w, "category", "C" + category,
        "fundSource", "B" + (3 + random.nextInt(4)), "paymentMethod", "CASH", "amountYuan", new BigDecimal(money).movePointLeft(2),
        "goodsValueYuan", new BigDecimal(goods).movePointLeft(2), "goodsDescription", "物品", "reason", "慰问",
        "assistance", assistance.stream().map(e -> "E" + e).toList()));
    b.put("visit", Map.of("plannedDate", today, "location", "家中", "visitors", "经办人"));
    Api.Res r = s.as(officer).post("/api/v1/cases", b);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String n = r.json().path("caseNumber").asText();
    if (end.equals("OPEN")) {
      made.add(new Made(n, org, category, money + goods, assistance, newForm, disabled, end));
      return;
    }
    boolean reject = end.equals("REJECTED");
    s.as(finance).post("/api/v1/cases/" + n + "/approval", Map.of("decision", reject ? "REJECT" : "APPROVE", "comment", "意见"));
    if (!reject && money + goods > 200_000) {
      s.as(manager).post("/api/v1/cases/" + n + "/approval", Map.of("decision", "APPROVE"));
    }
    if (!reject) {
      s.as(officer).post("/api/v1/cases/" + n + "/visit", Map.of("outcome", "COMPLETED", "visitedOn", today, "visitors",
          "经办人", "notes", "已慰问", "receiptSigned", true));
      Api.Res c = s.as(officer).post("/api/v1/cases/" + n + "/close", Map.of());
      assertThat(c.json().path("status").asText()).as(c.toString()).isEqualTo("CLOSED");
      if (end.equals("VOIDED")) {
        s.as(manager).post("/api/v1/cases/" + n + "/void", Map.of("reason", "重复"));
      }
    }
    made.add(new Made(n, org, category, money + goods, assistance, newForm, disabled, end));
  }

  void add(String org, String cell, long v) {
    for (String unit : List.of(org, s.city)) {
      expected.computeIfAbsent(unit, k -> new HashMap<>()).merge(cell, v, Long::sum);
    }
  }

  void generate() {
    String[] ends = {"CLOSED", "CLOSED", "CLOSED", "CLOSED", "VOIDED", "REJECTED", "OPEN"};
    for (int i = 0; i < 14; i++) {
      aCase("A", s.school, ends[i % ends.length]);
    }
    for (int i = 0; i < 8; i++) {
      aCase("B", s.otherSchool, ends[(i + 3) % ends.length]);
    }
    for (Made m : made) {
      if (!m.end().equals("CLOSED")) {
        continue;
      }
      add(m.org(), "C" + m.category(), 1);
      add(m.org(), "D" + m.category(), m.fen());
      add(m.org(), "C", 1);
      add(m.org(), "D", m.fen());
      for (int e : m.assistance()) {
        add(m.org(), "E" + e, 1);
        add(m.org(), "E", 1);
      }
      if (m.newForm()) {
        add(m.org(), "J1", 1);
        add(m.org(), "J2", m.fen());
      }
      if (m.disabled()) {
        add(m.org(), "K1", 1);
        add(m.org(), "K2", m.fen());
      }
    }
    // Funds: at both schools and at the city itself.
    for (String org : List.of(s.school, s.otherSchool, s.city)) {
      for (int src = 1; src <= 6; src++) {
        long fen = 100_000 + random.nextInt(10_000_000);
        Api.Res r = s.as(org.equals(s.city) ? "cityfinance" : org.equals(s.school) ? "finance" : "otherfinance")
            .post("/api/v1/funds", Map.of("campaignCode", campaign, "orgCode", org, "source", "B" + src, "amountYuan",
                new BigDecimal(fen).movePointLeft(2), "receivedOn", today));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        add(org, "B" + src, fen);
        add(org, "B", fen);
        if (org.equals(s.city)) {
          // add() counted the city twice for its own records
          expected.get(s.city).merge("B" + src, -fen, Long::sum);
          expected.get(s.city).merge("B", -fen, Long::sum);
        }
      }
    }
    // Activities: the same enterprise twice (by credit code), another by name twice, services, migrant workers.
    activity("officer", s.school, Map.of("kind", "ENTERPRISE_VISIT", "enterpriseName", "陕西鼓风机厂", "enterpriseCreditCode", "91350100M000100Y43"));
    activity("officer", s.school, Map.of("kind", "ENTERPRISE_VISIT", "enterpriseName", "陕鼓集团（同一家）", "enterpriseCreditCode", "91350100M000100Y43"));
    activity("otherofficer", s.otherSchool, Map.of("kind", "ENTERPRISE_VISIT", "enterpriseName", "西安某服装厂"));
    activity("otherofficer", s.otherSchool, Map.of("kind", "ENTERPRISE_VISIT", "enterpriseName", "西安某服装厂"));
    activity("cityofficer", s.city, Map.of("kind", "ENTERPRISE_VISIT", "enterpriseName", "西安某服装厂"));
    expected.computeIfAbsent(s.school, k -> new HashMap<>()).put("A", 1L);
    expected.computeIfAbsent(s.otherSchool, k -> new HashMap<>()).put("A", 1L);
    expected.get(s.city).put("A", 2L); // the credit-coded one, and the garment factory (visited by two units) once
    activity("officer", s.school, Map.of("kind", "SERVICE_PSYCH", "count", 12));
    activity("otherofficer", s.otherSchool, Map.of("kind", "SERVICE_PSYCH", "count", 5));
    activity("officer", s.school, Map.of("kind", "SERVICE_CULTURE", "count", 30));
    activity("officer", s.school, Map.of("kind", "SERVICE_OTHER", "count", 7));
    activity("otherofficer", s.otherSchool, Map.of("kind", "MIGRANT_RETURN", "count", 40));
    activity("officer", s.school, Map.of("kind", "WAGE_RECOVERY", "count", 3, "amountYuan", "12345.67"));
    add(s.school, "F1", 12);
    add(s.otherSchool, "F1", 5);
    add(s.school, "F2", 30);
    add(s.school, "F3", 7);
    add(s.school, "F", 49);
    add(s.otherSchool, "F", 5);
    add(s.otherSchool, "G", 40);
    add(s.school, "H", 3);
    add(s.school, "I", 1_234_567);
  }

  void activity(String who, String org, Map<String, Object> fields) {
    Map<String, Object> b = new HashMap<>(fields);
    b.put("campaignCode", campaign);
    b.put("orgCode", org);
    b.put("date", today);
    Api.Res r = s.as(who).post("/api/v1/activities", b);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  void assertCells(String who, String org) {
    Api.Res r = s.as(who).get("/api/v1/statistics?campaign=" + campaign + "&org=" + org);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().path("campaignCode").asText()).isEqualTo(campaign);
    assertThat(r.json().path("orgCode").asText()).isEqualTo(org);
    JsonNode cells = r.json().path("cells");
    Map<String, Long> want = expected.getOrDefault(org, Map.of());
    for (String name : Cells.NAMES) {
      long value = want.getOrDefault(name, 0L);
      JsonNode got = cells.path(name);
      assertThat(got.isMissingNode()).as(name).isFalse();
      if (Cells.AMOUNTS.contains(name)) {
        assertThat(got.isTextual()).as(name + " is a yuan string").isTrue();
        assertThat(got.asText()).as(org + " " + name).isEqualTo(new BigDecimal(value).movePointLeft(2).toPlainString());
      } else {
        assertThat(got.isIntegralNumber()).as(name + " is an integer").isTrue();
        assertThat(got.asLong()).as(org + " " + name).isEqualTo(value);
      }
    }
  }

  @Test
  void everyCellMatchesAnIndependentComputationAtEveryLevel() throws Exception {
    generate();
    assertCells("manager", s.school);
    assertCells("othermanager", s.otherSchool);
    assertCells("citymanager", s.city);
    assertCells("cityfinance", s.school); // the city reads a school below it

    // Scope: a school never sees a sibling's or its parent's figures.
    assertThat(s.as("manager").get("/api/v1/statistics?campaign=" + campaign + "&org=" + s.otherSchool).status()).isEqualTo(404);
    assertThat(s.as("manager").get("/api/v1/statistics?campaign=" + campaign + "&org=" + s.city).status()).isEqualTo(404);
    assertThat(s.as("manager").get("/api/v1/statistics?campaign=NOPE&org=" + s.school).status()).isEqualTo(404);

    // Breakdown: one entry per direct child.
    JsonNode breakdown = s.as("citymanager").get("/api/v1/statistics/breakdown?campaign=" + campaign + "&org=" + s.city).json();
    assertThat(StreamSupport.stream(breakdown.spliterator(), false).map(n -> n.path("orgCode").asText()))
        .containsExactlyInAnyOrder(s.school, s.otherSchool);
    for (JsonNode row : breakdown) {
      assertThat(row.path("cells").path("C").asLong())
          .isEqualTo(expected.get(row.path("orgCode").asText()).getOrDefault("C", 0L));
    }

    // Drill-down: the cases behind a cell are exactly the test's.
    for (String cell : List.of("C", "E2", "J1", "K2", "C" + made.get(0).category())) {
      JsonNode d = s.as("citymanager").get("/api/v1/statistics/cases?campaign=" + campaign + "&org=" + s.city + "&cell=" + cell).json();
      assertThat(d.path("cell").asText()).isEqualTo(cell);
      List<String> want = made.stream().filter(m -> m.end().equals("CLOSED")).filter(m -> switch (cell.charAt(0)) {
        case 'E' -> m.assistance().contains(cell.charAt(1) - '0');
        case 'J' -> m.newForm();
        case 'K' -> m.disabled();
        default -> cell.equals("C") || cell.equals("C" + m.category());
      }).map(Made::caseNumber).sorted().toList();
      assertThat(StreamSupport.stream(d.path("caseNumbers").spliterator(), false).map(JsonNode::asText).toList())
          .as(cell).containsExactlyElementsOf(want);
    }
    assertThat(s.as("citymanager").get("/api/v1/statistics/cases?campaign=" + campaign + "&org=" + s.city + "&cell=B1").status())
        .isEqualTo(400);

    // The official XLSX read back: 万元 figures balanced, formulas recompute to the same totals.
    Api.Res x = s.as("citymanager").get("/api/v1/statistics/export?campaign=" + campaign + "&org=" + s.city + "&phone=029-87228992");
    assertThat(x.status()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.bytes()))) {
      var sheet = wb.getSheetAt(0);
      // The attachment's layout (issue 11): 附件, the title, 填报单位/填报人, 电话/date, the header, the rows.
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("附件");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2024年元旦春节期间各级工会送温暖统计表");
      assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).contains("填报单位:单位" + s.city);
      assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("电话:029-87228992");
      assertThat(sheet.getNumMergedRegions()).isGreaterThan(5);
      FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
      Map<String, Double> byCode = new HashMap<>();
      for (int r = 5; r <= sheet.getLastRowNum(); r++) {
        var row = sheet.getRow(r);
        if (row == null || row.getCell(1) == null || row.getCell(4) == null) {
          continue;
        }
        var cell = row.getCell(4);
        double v = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
            ? eval.evaluate(cell).getNumberValue() : cell.getNumericCellValue();
        byCode.put(row.getCell(1).getStringCellValue(), v);
      }
      Map<String, Long> want = expected.get(s.city);
      long bTotal = want.getOrDefault("B", 0L);
      assertThat(BigDecimal.valueOf(byCode.get("B")).setScale(2, java.math.RoundingMode.HALF_UP))
          .isEqualByComparingTo(WanYuan.single(bTotal, 2));
      assertThat(BigDecimal.valueOf(byCode.get("D")).setScale(2, java.math.RoundingMode.HALF_UP))
          .isEqualByComparingTo(WanYuan.single(want.getOrDefault("D", 0L), 2));
      assertThat(byCode.get("C").longValue()).isEqualTo(want.getOrDefault("C", 0L));
      assertThat(byCode.get("E").longValue()).isEqualTo(want.getOrDefault("E", 0L));
      assertThat(byCode.get("A").longValue()).isEqualTo(2L);
      assertThat(byCode.get("H").longValue()).isEqualTo(3L);
      assertThat(sheet.getRow(5).getCell(2).getStringCellValue()).isEqualTo("走访企业(家)");
    }
  }

  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void theSummaryAgreesWithTheFactsWhenCasesCloseConcurrently() throws Exception {
    List<String> ready = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      long w = worker("officer", s.school, i % 2 == 0, i % 3 == 0);
      Map<String, Object> b = new HashMap<>(Map.of("campaignCode", campaign, "workerId", w, "category", "C2", "fundSource",
          "B3", "paymentMethod", "CASH", "amountYuan", "100.01", "assistance", List.of("E1", "E3"), "reason", "慰问"));
      b.put("visit", Map.of("plannedDate", today, "location", "家中", "visitors", "经办人"));
      String n = s.as("officer").post("/api/v1/cases", b).json().path("caseNumber").asText();
      s.as("finance").post("/api/v1/cases/" + n + "/approval", Map.of("decision", "APPROVE"));
      s.as("officer").post("/api/v1/cases/" + n + "/visit", Map.of("outcome", "COMPLETED", "visitedOn", today,
          "visitors", "经办人", "notes", "已慰问", "receiptSigned", true));
      ready.add(n);
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    var start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Api.Res>> closes = new ArrayList<>();
    for (String n : ready) {
      closes.add(pool.submit(() -> {
        start.await();
        return s.as("officer").post("/api/v1/cases/" + n + "/close", Map.of());
      }));
    }
    start.countDown();
    for (var f : closes) {
      assertThat(f.get().status()).as(f.get().toString()).isEqualTo(200);
    }
    pool.shutdown();
    Map<String, Object> summary = jdbc.queryForMap("select cases, total_fen, e1, e3, nf_cases, dis_cases from stat_summary "
        + "where campaign_code = ? and org_code = ? and category = 'C2'", campaign, s.school);
    assertThat(((Number) value(summary, "cases")).longValue()).isEqualTo(6);
    assertThat(((Number) value(summary, "total_fen")).longValue()).isEqualTo(6 * 10_001);
    assertThat(((Number) value(summary, "e1")).longValue()).isEqualTo(6);
    assertThat(((Number) value(summary, "nf_cases")).longValue()).isEqualTo(3);
    assertThat(((Number) value(summary, "dis_cases")).longValue()).isEqualTo(2);
    assertThat(jdbc.queryForObject("select count(*) from stat_case_fact where campaign_code = ? and org_code = ? and category = 'C2'",
        Long.class, campaign, s.school)).isEqualTo(6);
  }

  static Object value(Map<String, Object> row, String column) {
    return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
  }

  @Test
  void activitiesAreValidated() {
    Api.Res bad = s.as("officer").post("/api/v1/activities", Map.of("campaignCode", campaign, "orgCode", s.school, "kind",
        "ENTERPRISE_VISIT", "date", today, "enterpriseName", "某公司", "enterpriseCreditCode", "91350100M000100Y44"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(StreamSupport.stream(bad.json().path("errors").spliterator(), false).map(e -> e.path("code").asText()))
        .contains("INVALID_CREDIT_CODE");
    assertThat(s.as("finance").post("/api/v1/activities", Map.of("campaignCode", campaign, "orgCode", s.school, "kind",
        "SERVICE_PSYCH", "date", today, "count", 3)).status()).isEqualTo(403);
    Api.Res amount = s.as("officer").post("/api/v1/activities", Map.of("campaignCode", campaign, "orgCode", s.school,
        "kind", "SERVICE_PSYCH", "date", today, "count", 3, "amountYuan", "5"));
    assertThat(amount.status()).isEqualTo(400);
    assertThat(s.as("officer").post("/api/v1/activities", Map.of("campaignCode", campaign, "orgCode", s.otherSchool,
        "kind", "SERVICE_PSYCH", "date", today, "count", 3)).status()).isEqualTo(400);
  }
}

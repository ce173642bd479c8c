package cn.warmth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import cn.warmth.support.Xlsx;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Workers, personal data and hardship files through the API, on H2 and on PostgreSQL. */
@ExtendWith(OutputCaptureExtension.class)
abstract class RegistryApiContract {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  Scenario s;

  @BeforeEach
  void scenario() {
    s = new Scenario(port);
  }

  Map<String, Object> worker(String name, String id, String card) {
    Map<String, Object> m = new HashMap<>(Map.of("name", name, "idNumber", id, "orgCode", s.school,
        "employmentType", "NEW_FORM", "disabled", false, "phone", "+86 13912345678"));
    if (card != null) {
      m.put("bankName", "中国建设银行");
      m.put("bankCardNumber", card);
    }
    return m;
  }

  @Test
  void registersAWorkerWithDerivedFieldsAndMaskedNumbers(CapturedOutput output) {
    String id = TestIds.nextId();
    String card = TestIds.nextCard();
    Api.Res r = s.as("officer").post("/api/v1/workers", worker("古丽·艾买提", id.toLowerCase(), card));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode w = r.json();
    assertThat(w.path("id").asLong()).isPositive();
    assertThat(w.path("name").asText()).isEqualTo("古丽·艾买提");
    assertThat(w.path("idNumberMasked").asText()).isEqualTo(id.substring(0, 3) + "*".repeat(11) + id.substring(14));
    assertThat(w.path("gender").asText()).isEqualTo((id.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE");
    assertThat(w.path("birthDate").asText()).isEqualTo(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
    assertThat(w.path("orgCode").asText()).isEqualTo(s.school);
    assertThat(w.path("employmentType").asText()).isEqualTo("NEW_FORM");
    assertThat(w.path("bankCardMasked").asText()).isEqualTo("*".repeat(15) + card.substring(15));
    assertThat(w.path("warnings").size()).isZero();
    assertThat(r.text()).doesNotContain(id).doesNotContain(card);
    assertThat(output.getAll()).doesNotContain(id).doesNotContain(card);
  }

  @Test
  void aCardFailingLuhnIsAWarningNotARefusal() {
    String card = TestIds.nextCard();
    String bad = card.substring(0, 18) + (char) ('0' + (card.charAt(18) - '0' + 1) % 10);
    Api.Res r = s.as("officer").post("/api/v1/workers", worker("李四", TestIds.nextId(), bad));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().path("warnings").get(0).asText()).isEqualTo("BANK_CARD_CHECKSUM");
  }

  @Test
  void everyInvalidFieldHasItsCode() {
    String valid = TestIds.nextId();
    String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? "2" : "1");
    Map<String, Object> body = new HashMap<>(Map.of("name", "<script>", "idNumber", wrongCheck, "orgCode", s.school,
        "employmentType", "NEW_FORM", "phone", "12345", "bankName", "银行", "bankCardNumber", "12345", "disabled", true));
    Api.Res r = s.as("officer").post("/api/v1/workers", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(fieldCodes(r)).contains("name:INVALID_PERSON_NAME", "idNumber:INVALID_ID_NUMBER", "phone:INVALID_PHONE",
        "bankCardNumber:INVALID_BANK_CARD", "disabilityCertNo:REQUIRED");
    assertThat(r.json().path("errors").get(0).path("message").asText()).isNotBlank();
    for (String id : List.of(TestIds.withCheck("99010219800101123"), TestIds.withCheck("61010219800230123"),
        TestIds.withCheck("61010230000101123"), "61010219800101", "6101021980010112AB")) {
      assertThat(fieldCodes(s.as("officer").post("/api/v1/workers", worker("王五", id, null))))
          .as(id).contains("idNumber:INVALID_ID_NUMBER");
    }
    assertThat(jdbc.queryForObject("select count(*) from worker where org_code=?", Integer.class, s.school)).isZero();
  }

  @Test
  void oneIdNumberIsOneWorkerProvinceWide() {
    String id = TestIds.nextId();
    assertThat(s.as("officer").post("/api/v1/workers", worker("赵六", id, null)).status()).isEqualTo(201);
    Map<String, Object> elsewhere = worker("赵六", id, null);
    elsewhere.put("orgCode", s.otherSchool);
    Api.Res r = s.as("otherofficer").post("/api/v1/workers", elsewhere);
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.code()).isEqualTo("DUPLICATE_WORKER");
    assertThat(r.text()).doesNotContain(s.school);
  }

  @Test
  void workersOutsideScopeAreNotFound() {
    long id = s.worker("钱七", TestIds.nextId(), TestIds.nextCard());
    Api other = s.as("otherofficer");
    for (String path : List.of("/api/v1/workers/" + id, "/api/v1/workers/" + id + "/pii",
        "/api/v1/workers/" + id + "/hardship-files")) {
      Api.Res r = other.get(path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.code()).isEqualTo("NOT_FOUND");
    }
    assertThat(other.put("/api/v1/workers/" + id + "/bank-card", Map.of("bankName", "农行", "bankCardNumber",
        TestIds.nextCard())).status()).isEqualTo(404);
    assertThat(other.get("/api/v1/workers?q=钱七").json().size()).isZero();
    // The city above sees it.
    assertThat(s.as("cityofficer").get("/api/v1/workers/" + id).status()).isEqualTo(200);
    // Registering into a unit outside scope is refused as unknown.
    Map<String, Object> body = worker("孙八", TestIds.nextId(), null);
    body.put("orgCode", s.school);
    assertThat(fieldCodes(other.post("/api/v1/workers", body))).contains("orgCode:UNKNOWN_ORG");
  }

  @Test
  void searchByNameFragmentOrFullId() {
    String id = TestIds.nextId();
    long wid = s.worker("欧阳娜娜", id, null);
    assertThat(ids(s.as("officer").get("/api/v1/workers?q=" + id))).containsExactly(wid);
    assertThat(ids(s.as("officer").get("/api/v1/workers?q=" + id.toLowerCase()))).containsExactly(wid);
    assertThat(ids(s.as("officer").get("/api/v1/workers?q=欧阳"))).contains(wid);
    assertThat(ids(s.as("officer").get("/api/v1/workers?q=" + TestIds.nextId()))).isEmpty();
  }

  @Test
  void revealIsForOfficerAndFinanceAndAudited() {
    String id = TestIds.nextId();
    String card = TestIds.nextCard();
    long wid = s.worker("孙九", id, card);
    Api.Res r = s.as("finance").get("/api/v1/workers/" + wid + "/pii");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("idNumber").asText()).isEqualTo(id);
    assertThat(r.json().path("bankCardNumber").asText()).isEqualTo(card);
    assertThat(s.as("officer").get("/api/v1/workers/" + wid + "/pii").status()).isEqualTo(200);
    assertThat(s.as("manager").get("/api/v1/workers/" + wid + "/pii").status()).isEqualTo(403);
    List<Map<String, Object>> audits = jdbc.queryForList(
        "select actor, after_json from audit_log where action='WORKER_PII_REVEALED' and entity_id=? order by id",
        String.valueOf(wid));
    assertThat(audits).extracting(m -> m.get("actor")).containsExactly(s.name("finance"), s.name("officer"));
    assertThat(audits.toString()).doesNotContain(id).doesNotContain(card);
  }

  @Test
  void fullNumbersAreNeverStoredInClearNorAnsweredOutsideTheReveal() {
    String id = TestIds.nextId();
    String card = TestIds.nextCard();
    List<Api.Res> answers = new ArrayList<>();
    Api.Res created = s.as("officer").post("/api/v1/workers", worker("周十", id, card));
    long wid = created.json().path("id").asLong();
    answers.add(created);
    answers.add(s.as("officer").get("/api/v1/workers/" + wid));
    answers.add(s.as("officer").get("/api/v1/workers?q=" + id));
    answers.add(s.as("officer").get("/api/v1/workers?q=周十"));
    String card2 = TestIds.nextCard();
    answers.add(s.as("officer").put("/api/v1/workers/" + wid + "/bank-card", Map.of("bankName", "农业银行", "bankCardNumber", card2)));
    answers.add(s.as("officer").post("/api/v1/workers/" + wid + "/hardship-file", fileBody()));
    answers.add(s.as("officer").get("/api/v1/workers/" + wid + "/hardship-files"));
    for (Api.Res a : answers) {
      assertThat(a.status()).as(a.toString()).isLessThan(300);
      assertThat(a.text()).doesNotContain(id).doesNotContain(card).doesNotContain(card2);
    }
    Map<String, Object> row = jdbc.queryForMap("select * from worker where id=?", wid);
    assertThat(row.values().toString()).doesNotContain(id).doesNotContain(card2).doesNotContain(id.substring(0, 17));
    assertThat(jdbc.queryForList("select * from audit_log where entity_type='WORKER' and entity_id=?", String.valueOf(wid))
        .toString()).doesNotContain(id).doesNotContain(card).doesNotContain(card2);
  }

  @Test
  void theDisabilityCertificateIsPersonalDataLikeTheIdNumber(CapturedOutput output) {
    String id = TestIds.nextId();
    String cert = id + "42";
    Map<String, Object> body = worker("郑残", id, null);
    body.put("disabled", true);
    body.put("disabilityCertNo", cert);
    Api.Res created = s.as("officer").post("/api/v1/workers", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long wid = created.json().path("id").asLong();
    String masked = cert.substring(0, 3) + "*".repeat(13) + cert.substring(16);
    assertThat(created.json().path("disabilityCertNoMasked").asText()).isEqualTo(masked);
    assertThat(created.json().has("disabilityCertNo")).isFalse();

    // Corrections: a blank certificate keeps the one on file; a new one replaces it.
    Map<String, Object> edit = new HashMap<>(Map.of("name", "郑残", "employmentType", "NEW_FORM", "disabled", true));
    Api.Res kept = s.as("officer").put("/api/v1/workers/" + wid, edit);
    assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
    assertThat(kept.json().path("disabilityCertNoMasked").asText()).isEqualTo(masked);
    String cert2 = id + "31";
    edit.put("disabilityCertNo", cert2);
    assertThat(s.as("officer").put("/api/v1/workers/" + wid, edit).json().path("disabilityCertNoMasked").asText())
        .isEqualTo(cert2.substring(0, 3) + "*".repeat(13) + cert2.substring(16));

    List<Api.Res> answers = List.of(created, kept, s.as("officer").get("/api/v1/workers/" + wid),
        s.as("manager").get("/api/v1/workers/" + wid), s.as("officer").get("/api/v1/workers?q=郑残"));
    for (Api.Res a : answers) {
      assertThat(a.status()).as(a.toString()).isEqualTo(200 + (a == created ? 1 : 0));
      assertThat(a.text()).doesNotContain(cert).doesNotContain(cert2).doesNotContain(id);
    }
    Map<String, Object> row = jdbc.queryForMap("select * from worker where id=?", wid);
    assertThat(row).doesNotContainKey("DISABILITY_CERT_NO").doesNotContainKey("disability_cert_no");
    assertThat(row.values().toString()).doesNotContain(cert2).doesNotContain(id.substring(0, 17));

    Api.Res revealed = s.as("officer").get("/api/v1/workers/" + wid + "/pii");
    assertThat(revealed.json().path("disabilityCertNo").asText()).isEqualTo(cert2);
    assertThat(revealed.json().path("idNumber").asText()).isEqualTo(id);
    List<Map<String, Object>> audits = jdbc.queryForList(
        "select action, before_json, after_json from audit_log where entity_type='WORKER' and entity_id=? order by id",
        String.valueOf(wid));
    assertThat(audits).extracting(m -> m.get("action")).containsExactly("WORKER_REGISTERED", "WORKER_CHANGED",
        "WORKER_CHANGED", "WORKER_PII_REVEALED");
    assertThat(audits.get(3).get("after_json").toString()).contains("disabilityCertNo", cert2.substring(16));
    assertThat(audits.toString()).doesNotContain(cert).doesNotContain(cert2).doesNotContain(id);
    assertThat(output.getAll()).doesNotContain(cert).doesNotContain(cert2);
  }

  @Test
  void freeTextRefusesAnIdNumber() {
    String id = TestIds.nextId();
    long wid = s.worker("钱十一", id, null);
    Map<String, Object> body = new HashMap<>(fileBody());
    body.put("description", "妻子（身份证 " + TestIds.nextId() + "）患病");
    Api.Res r = s.as("officer").post("/api/v1/workers/" + wid + "/hardship-file", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(fieldCodes(r)).containsExactly("description:CONTAINS_ID_NUMBER");
    assertThat(jdbc.queryForObject("select count(*) from hardship_file where worker_id=?", Integer.class, wid)).isZero();
  }

  @Test
  void bankCardCanBeChanged() {
    long wid = s.worker("吴一", TestIds.nextId(), null);
    assertThat(s.as("officer").get("/api/v1/workers/" + wid).json().path("hasBankCard").asBoolean()).isFalse();
    String card = TestIds.nextCard();
    Api.Res r = s.as("officer").put("/api/v1/workers/" + wid + "/bank-card", Map.of("bankName", "邮储银行", "bankCardNumber", card));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("bankCardMasked").asText()).endsWith(card.substring(15));
    assertThat(fieldCodes(s.as("officer").put("/api/v1/workers/" + wid + "/bank-card",
        Map.of("bankName", "邮储银行", "bankCardNumber", "1234")))).contains("bankCardNumber:INVALID_BANK_CARD");
    assertThat(s.as("finance").put("/api/v1/workers/" + wid + "/bank-card",
        Map.of("bankName", "邮储银行", "bankCardNumber", card)).status()).isEqualTo(403);
  }

  // ---- hardship files ----

  static Map<String, Object> fileBody() {
    return Map.of("category", "DEEP", "reasons", List.of("SERIOUS_ILLNESS", "CHILD_EDUCATION"), "householdSize", 3,
        "annualIncomeYuan", "24000.00", "annualEssentialExpensesYuan", 12000.5, "description", "妻子患病，孩子上学");
  }

  @Test
  void fileIsSubmittedWithTheComputedPerCapitaFigure() {
    long wid = s.worker("郑二", TestIds.nextId(), null);
    Api.Res r = s.as("officer").post("/api/v1/workers/" + wid + "/hardship-file", fileBody());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode f = r.json();
    assertThat(f.path("workerId").asLong()).isEqualTo(wid);
    assertThat(f.path("status").asText()).isEqualTo("PENDING_REVIEW");
    assertThat(f.path("category").asText()).isEqualTo("DEEP");
    assertThat(f.path("reasons").toString()).isEqualTo("[\"SERIOUS_ILLNESS\",\"CHILD_EDUCATION\"]");
    // (24000.00 − 12000.50) / 12 / 3 = 333.3194… → 333.32
    assertThat(f.path("perCapitaMonthlyYuan").asText()).isEqualTo("333.32");
    assertThat(f.path("annualEssentialExpensesYuan").asText()).isEqualTo("12000.50");
    long fileId = f.path("id").asLong();
    assertThat(s.as("officer").get("/api/v1/hardship-files/" + fileId).json().path("status").asText()).isEqualTo("PENDING_REVIEW");
    assertThat(s.as("otherofficer").get("/api/v1/hardship-files/" + fileId).status()).isEqualTo(404);
  }

  @Test
  void fileFieldsAreValidated() {
    long wid = s.worker("冯三", TestIds.nextId(), null);
    Api.Res r = s.as("officer").post("/api/v1/workers/" + wid + "/hardship-file", Map.of("category", "POOR",
        "reasons", List.of("LAZINESS"), "householdSize", 0, "annualIncomeYuan", "-5", "annualEssentialExpensesYuan", "1.234"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(fieldCodes(r)).contains("category:INVALID_CODE", "reasons:INVALID_CODE", "householdSize:INVALID_HOUSEHOLD_SIZE",
        "annualIncomeYuan:INVALID_AMOUNT", "annualEssentialExpensesYuan:INVALID_AMOUNT");
    assertThat(fieldCodes(s.as("officer").post("/api/v1/workers/" + wid + "/hardship-file", Map.of("category", "DEEP",
        "reasons", List.of("OTHER", "LOW_INCOME", "DISASTER", "ACCIDENT", "DISABILITY"), "householdSize", 2,
        "annualIncomeYuan", 1, "annualEssentialExpensesYuan", 1)))).contains("reasons:TOO_MANY_REASONS");
    assertThat(jdbc.queryForObject("select count(*) from hardship_file where worker_id=?", Integer.class, wid)).isZero();
  }

  @Test
  void oneActiveFilePerWorkerAndReviewRules() {
    long wid = s.worker("陈四", TestIds.nextId(), null);
    long fileId = s.as("officer").post("/api/v1/workers/" + wid + "/hardship-file", fileBody()).json().path("id").asLong();
    Api.Res again = s.as("officer2").post("/api/v1/workers/" + wid + "/hardship-file", fileBody());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("ACTIVE_FILE_EXISTS");

    // Only a manager reviews; an officer cannot.
    assertThat(s.as("officer").post("/api/v1/hardship-files/" + fileId + "/review",
        Map.of("decision", "APPROVE", "comment", "")).status()).isEqualTo(403);
    // Rejection needs a reason.
    assertThat(fieldCodes(s.as("manager").post("/api/v1/hardship-files/" + fileId + "/review",
        Map.of("decision", "REJECT", "comment", " ")))).contains("comment:REQUIRED");
    Api.Res rejected = s.as("manager").post("/api/v1/hardship-files/" + fileId + "/review",
        Map.of("decision", "REJECT", "comment", "收入高于标准"));
    assertThat(rejected.json().path("status").asText()).isEqualTo("REJECTED");
    // Reviewing twice, or closing a rejected file, is a state conflict.
    Api.Res twice = s.as("manager2").post("/api/v1/hardship-files/" + fileId + "/review", Map.of("decision", "APPROVE"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.code()).isEqualTo("INVALID_STATE");
    assertThat(s.as("officer").post("/api/v1/hardship-files/" + fileId + "/close",
        Map.of("reason", "RELIEVED")).code()).isEqualTo("INVALID_STATE");
    // After a rejection a new file may be opened.
    assertThat(s.as("officer").post("/api/v1/workers/" + wid + "/hardship-file", fileBody()).status()).isEqualTo(201);
  }

  @Test
  void theSubmitterCannotReviewTheirOwnFile() {
    // A user who is both officer and manager submits; they may not review it.
    String both = s.p.toLowerCase() + ".both";
    s.admin.post("/api/v1/users", Map.of("username", both, "password", Scenario.PW, "displayName", "兼任",
        "orgCode", s.school, "roles", List.of("OFFICER", "MANAGER")));
    Api asBoth = s.anonymous.as(both, Scenario.PW);
    long wid = s.worker("褚五", TestIds.nextId(), null);
    long fileId = asBoth.post("/api/v1/workers/" + wid + "/hardship-file", fileBody()).json().path("id").asLong();
    Api.Res r = asBoth.post("/api/v1/hardship-files/" + fileId + "/review", Map.of("decision", "APPROVE", "comment", "ok"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.code()).isEqualTo("SEGREGATION_OF_DUTIES");
    assertThat(s.as("manager").post("/api/v1/hardship-files/" + fileId + "/review",
        Map.of("decision", "APPROVE", "comment", "ok")).json().path("status").asText()).isEqualTo("PUBLIC_NOTICE");
  }

  // ---- import ----

  Api.Res upload(Api as, byte[] xlsx) {
    String boundary = "----warmth" + System.nanoTime();
    return as.postRaw("/api/v1/workers/import", "multipart/form-data; boundary=" + boundary,
        Xlsx.multipart(boundary, "file", "workers.xlsx", xlsx));
  }

  @Test
  void templateHasChineseHeadersExampleAndNotes() throws Exception {
    Api.Res r = s.as("officer").get("/api/v1/workers/import-template");
    assertThat(r.status()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.bytes()))) {
      assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("身份证号");
      assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("张建国");
      assertThat(wb.getSheetName(1)).isEqualTo("填写说明");
    }
  }

  @Test
  void aBadRowInTheMiddleRefusesTheWholeFile() {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      rows.add(Xlsx.row("导入" + (char) ('甲' + i % 10) + "某", TestIds.nextId(), s.school));
    }
    rows.get(25)[1] = "610102198001011230"; // wrong check character → spreadsheet row 27
    rows.get(30)[2] = s.otherSchool + "X";    // unknown unit → row 32
    rows.get(40)[1] = rows.get(10)[1];         // same ID as row 12 → row 42
    Api.Res r = upload(s.as("officer"), Xlsx.workers(rows));
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    List<String> errors = StreamSupport.stream(r.json().path("errors").spliterator(), false)
        .map(e -> e.path("row").asInt() + ":" + e.path("field").asText() + ":" + e.path("code").asText()).toList();
    assertThat(errors).containsExactly("27:idNumber:INVALID_ID_NUMBER", "32:orgCode:UNKNOWN_ORG",
        "42:idNumber:DUPLICATE_IN_FILE");
    assertThat(jdbc.queryForObject("select count(*) from worker where org_code=?", Integer.class, s.school)).isZero();

    rows.get(25)[1] = TestIds.nextId();
    rows.get(30)[2] = s.school;
    rows.get(40)[1] = TestIds.nextId();
    String card = rows.get(4)[8]; // spreadsheet row 6: a card whose check digit is off by one
    rows.get(4)[8] = card.substring(0, card.length() - 1) + (char) ('0' + (card.charAt(card.length() - 1) - '0' + 1) % 10);
    Api.Res ok = upload(s.as("officer"), Xlsx.workers(rows));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().path("imported").asInt()).isEqualTo(50);
    // Saved, as on the form, but listed so that the officer checks it with the worker.
    assertThat(ok.json().path("warnings").size()).as(ok.toString()).isEqualTo(1);
    assertThat(ok.json().path("warnings").get(0).path("row").asInt()).isEqualTo(6);
    assertThat(ok.json().path("warnings").get(0).path("code").asText()).isEqualTo("BANK_CARD_CHECKSUM");
    assertThat(ok.json().path("warnings").get(0).path("message").asText()).isNotBlank();
    assertThat(jdbc.queryForObject("select count(*) from worker where org_code=?", Integer.class, s.school)).isEqualTo(50);
    // Importing the same file again: every row is already registered.
    Api.Res dup = upload(s.as("officer"), Xlsx.workers(rows));
    assertThat(dup.status()).isEqualTo(400);
    assertThat(dup.json().path("errors").size()).isEqualTo(50);
    assertThat(dup.json().path("errors").get(0).path("code").asText()).isEqualTo("DUPLICATE_WORKER");
  }

  @Test
  void notAnXlsxIsRefused() {
    Api.Res r = upload(s.as("officer"), "not a spreadsheet".getBytes());
    assertThat(r.status()).isEqualTo(400);
    assertThat(fieldCodes(r)).contains("file:NOT_XLSX");
  }

  @Test
  void tenThousandRowsImportWellUnderAMinute() {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      rows.add(Xlsx.row("批量" + (char) ('甲' + i % 10) + (char) ('子' + i % 12), TestIds.nextId(), s.school));
    }
    byte[] file = Xlsx.workers(rows);
    long start = System.nanoTime();
    Api.Res r = upload(s.as("officer"), file);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().path("imported").asInt()).isEqualTo(10_000);
    System.out.printf("IMPORT-10000 %s: %d ms (%d KiB file)%n", getClass().getSimpleName(), ms, file.length / 1024);
    assertThat(ms).isLessThan(60_000);
    assertThat(jdbc.queryForObject("select count(*) from worker where org_code=?", Integer.class, s.school)).isEqualTo(10_000);
  }

  static List<String> fieldCodes(Api.Res r) {
    return StreamSupport.stream(r.json().path("errors").spliterator(), false)
        .map(n -> n.path("field").asText() + ":" + n.path("code").asText()).toList();
  }

  static List<Long> ids(Api.Res r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return StreamSupport.stream(r.json().spliterator(), false).map(n -> n.path("id").asLong()).toList();
  }
}

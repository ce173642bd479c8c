package cn.warmth.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bank batches, the bank file, results with failures and retries, the funds ledger; races too. */
abstract class DisbursementContract {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TaskService tasks;
  @Autowired
  MutableClock clock;
  Scenario s;
  PaymentsFixture f;
  String campaign;
  String today;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    f = new PaymentsFixture(s, LocalDate.now(clock));
    campaign = f.campaign;
    today = f.today.toString();
  }

  /** An approved BANK_CARD case (union funds, so no file needed): QUEUED. */
  PaymentsFixture.Paid queued(String amount) {
    return f.queued(amount, "B3");
  }

  JsonNode build(String who) {
    Api.Res r = s.as(who).post("/api/v1/payment-batches", Map.of("orgCode", s.school));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  Api.Res result(long batch, String csv) {
    return f.result(batch, csv);
  }

  String payment(String caseNumber) {
    return f.payment(caseNumber);
  }

  @Test
  void aBatchTakesEveryQueuedPaymentInScopeOnce() {
    PaymentsFixture.Paid a = queued("1200.50");
    PaymentsFixture.Paid b = queued("800");
    JsonNode batch = build("finance");
    assertThat(batch.path("status").asText()).isEqualTo("CREATED");
    assertThat(batch.path("totalYuan").asText()).isEqualTo("2000.50");
    assertThat(StreamSupport.stream(batch.path("items").spliterator(), false).map(i -> i.path("caseNumber").asText()))
        .containsExactlyInAnyOrder(a.caseNumber(), b.caseNumber());
    assertThat(batch.path("items").get(0).path("amountYuan").asText()).matches("\\d+\\.\\d{2}");
    assertThat(payment(a.caseNumber())).isEqualTo("IN_BATCH");
    // Nothing left: a payment is in one open batch only.
    Api.Res again = s.as("finance").post("/api/v1/payment-batches", Map.of());
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.code()).isEqualTo("NOTHING_TO_PAY");
    assertThat(s.as("officer").post("/api/v1/payment-batches", Map.of()).status()).isEqualTo(403);
    assertThat(s.as("otherfinance").get("/api/v1/payment-batches/" + batch.path("id").asLong()).status()).isEqualTo(404);
    assertThat(s.as("otherfinance").post("/api/v1/payment-batches", Map.of()).code()).isEqualTo("NOTHING_TO_PAY");
    assertThat(batch.toString()).doesNotContain(a.card()).doesNotContain(b.card());
  }

  @Test
  void theBankFileCarriesFullCardNumbersAndIsAudited() throws Exception {
    PaymentsFixture.Paid a = queued("1500");
    long id = build("finance").path("id").asLong();
    assertThat(s.as("manager").get("/api/v1/payment-batches/" + id + "/bank-file").status()).isEqualTo(403);
    assertThat(s.as("otherfinance").get("/api/v1/payment-batches/" + id + "/bank-file").status()).isEqualTo(404);
    Api.Res file = s.as("finance").get("/api/v1/payment-batches/" + id + "/bank-file");
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.contentType()).startsWith("text/csv");
    // UTF-8 with a byte-order mark, so that Excel on Chinese Windows opens it right.
    assertThat(java.util.Arrays.copyOf(file.bytes(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String[] lines = file.text().substring(1).split("\r\n");
    assertThat(lines[0]).isEqualTo("seq,name,bank,cardNumber,amountYuan,reference");
    assertThat(lines[1]).isEqualTo("1,收款人" + lines[1].substring(5, 6) + ",中国工商银行," + a.card() + ",1500.00," + a.caseNumber());
    assertThat(s.as("finance").get("/api/v1/payment-batches/" + id).json().path("status").asText()).isEqualTo("EXPORTED");
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action='BANK_FILE_EXPORTED' and entity_id=?",
        Integer.class, String.valueOf(id))).isEqualTo(1);
    assertThat(jdbc.queryForList("select * from audit_log where entity_id=?", String.valueOf(id)).toString())
        .doesNotContain(a.card());
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
        s.as("finance").get("/api/v1/payment-batches/" + id + "/bank-file.xlsx").bytes()))) {
      assertThat(wb.getSheetAt(0).getRow(1).getCell(3).getStringCellValue()).isEqualTo(a.card());
      // The amount is a number Excel can total, shown with two decimals.
      assertThat(wb.getSheetAt(0).getRow(1).getCell(4).getNumericCellValue()).isEqualTo(1500.0);
      assertThat(wb.getSheetAt(0).getRow(1).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.00");
    }
    // Everything else stays masked.
    for (String path : List.of("/api/v1/payment-batches/" + id, "/api/v1/payment-batches", "/api/v1/cases/" + a.caseNumber(),
        "/api/v1/workers/" + a.workerId())) {
      assertThat(s.as("finance").get(path).text()).as(path).doesNotContain(a.card());
    }
  }

  @Test
  void successPaysFailureGoesBackToTheOfficerAndARetryJoinsALaterBatch() {
    PaymentsFixture.Paid ok = queued("1000");
    PaymentsFixture.Paid bad = queued("600");
    long id = build("finance").path("id").asLong();
    assertThat(result(id, "reference,status,message\r\n" + ok.caseNumber() + ",SUCCESS,\r\n").code())
        .as("no result before the file went to the bank").isEqualTo("INVALID_STATE");
    s.as("finance").get("/api/v1/payment-batches/" + id + "/bank-file");
    String csv = "reference,status,message\n" + ok.caseNumber() + ",SUCCESS,\n" + bad.caseNumber() + ",FAILED,\"户名与卡号不符, 请核对\"\n";
    Api.Res r = result(id, csv);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().path("succeeded").asInt()).isEqualTo(1);
    assertThat(r.json().path("failed").asInt()).isEqualTo(1);
    assertThat(payment(ok.caseNumber())).isEqualTo("PAID");
    JsonNode failed = s.as("officer").get("/api/v1/cases/" + bad.caseNumber()).json();
    assertThat(failed.path("payment").path("status").asText()).isEqualTo("FAILED");
    assertThat(failed.path("payment").path("message").asText()).isEqualTo("户名与卡号不符, 请核对");
    assertThat(s.as("finance").get("/api/v1/payment-batches/" + id).json().path("status").asText()).isEqualTo("PARTLY_FAILED");
    assertThat(s.as("officer").get("/api/v1/tasks").text()).contains("\"key\":\"correctBankCard\"", bad.caseNumber());

    // The same file again changes nothing.
    Api.Res again = result(id, csv);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("applied").asInt()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action='CASE_PAYMENT_PAID' and entity_id=?",
        Integer.class, ok.caseNumber())).isEqualTo(1);

    // The officer corrects the name and the card and retries; the payment joins the next batch, nowhere else.
    String newCard = TestIds.nextCard();
    s.as("officer").put("/api/v1/workers/" + bad.workerId() + "/bank-card", Map.of("bankName", "中国银行", "bankCardNumber", newCard));
    s.as("officer").put("/api/v1/workers/" + bad.workerId(), Map.of("name", "更正后姓名", "employmentType", "ESTABLISHED",
        "disabled", false));
    assertThat(s.as("officer").post("/api/v1/cases/" + bad.caseNumber() + "/payment/retry", Map.of()).json()
        .path("payment").path("status").asText()).isEqualTo("QUEUED");
    assertThat(s.as("officer").post("/api/v1/cases/" + bad.caseNumber() + "/payment/retry", Map.of()).code()).isEqualTo("INVALID_STATE");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(bad.caseNumber()).taskDefinitionKey("correctBankCard").count()).isZero();
    JsonNode second = build("finance");
    assertThat(second.path("items").size()).isEqualTo(1);
    assertThat(second.path("items").get(0).path("caseNumber").asText()).isEqualTo(bad.caseNumber());
    long id2 = second.path("id").asLong();
    // The bank gets the name and card as they are now, not as they were when the case was opened.
    String secondFile = s.as("finance").get("/api/v1/payment-batches/" + id2 + "/bank-file").text();
    assertThat(secondFile).contains("1,更正后姓名,中国银行," + newCard + ",600.00," + bad.caseNumber());
    assertThat(result(id2, "reference,status,message\n" + bad.caseNumber() + ",SUCCESS,\n").status()).isEqualTo(200);
    assertThat(payment(bad.caseNumber())).isEqualTo("PAID");
    // The old batch's failure cannot be turned into a success afterwards.
    assertThat(fieldCodes(result(id, "reference,status,message\n" + bad.caseNumber() + ",SUCCESS,\n")))
        .contains("status:CONFLICTING_RESULT");
    // With the visit recorded the bank-paid case closes.
    s.as("officer").post("/api/v1/cases/" + ok.caseNumber() + "/visit", Map.of("outcome", "COMPLETED", "visitedOn", today,
        "visitors", "经办人", "notes", "已慰问"));
    assertThat(s.as("officer").post("/api/v1/cases/" + ok.caseNumber() + "/close", Map.of()).json().path("status").asText())
        .isEqualTo("CLOSED");
  }

  @Test
  void aBadResultFileIsRefusedWholeAndNothingIsApplied() {
    PaymentsFixture.Paid a = queued("500");
    PaymentsFixture.Paid b = queued("700");
    long id = build("finance").path("id").asLong();
    s.as("finance").get("/api/v1/payment-batches/" + id + "/bank-file");
    Api.Res r = result(id, "reference,status,message\n" + a.caseNumber() + ",SUCCESS,\nXA-1999-000001,SUCCESS,\n"
        + b.caseNumber() + ",PERHAPS,\n" + a.caseNumber() + ",SUCCESS,\nonly-one-column\n");
    assertThat(r.status()).isEqualTo(400);
    assertThat(rows(r)).containsExactly("3:reference:UNKNOWN_REFERENCE", "4:status:BAD_RESULT_STATUS",
        "5:reference:DUPLICATE_ROW", "6:row:BAD_ROW");
    assertThat(payment(a.caseNumber())).isEqualTo("IN_BATCH");
    assertThat(payment(b.caseNumber())).isEqualTo("IN_BATCH");
    assertThat(fieldCodes(result(id, "case,result\n" + a.caseNumber() + ",SUCCESS\n"))).contains("file:BAD_RESULT_HEADER");
    // A case of another batch is unknown here.
    PaymentsFixture.Paid c = queued("300");
    long other = build("finance").path("id").asLong();
    s.as("finance").get("/api/v1/payment-batches/" + other + "/bank-file");
    assertThat(rows(result(id, "reference,status,message\n" + c.caseNumber() + ",SUCCESS,\n"))).contains("2:reference:UNKNOWN_REFERENCE");
  }

  @Test
  void concurrentImportsOfTheSameFilePayOnce() throws Exception {
    List<PaymentsFixture.Paid> paid = List.of(queued("100"), queued("200"), queued("300"));
    long id = build("finance").path("id").asLong();
    s.as("finance").get("/api/v1/payment-batches/" + id + "/bank-file");
    StringBuilder csv = new StringBuilder("reference,status,message\n");
    paid.forEach(p -> csv.append(p.caseNumber()).append(",SUCCESS,\n"));
    List<Api.Res> results = race(4, () -> result(id, csv.toString()));
    assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 409));
    int applied = results.stream().filter(r -> r.status() == 200).mapToInt(r -> r.json().path("applied").asInt()).sum();
    assertThat(applied).isEqualTo(3);
    for (PaymentsFixture.Paid p : paid) {
      assertThat(payment(p.caseNumber())).isEqualTo("PAID");
      assertThat(jdbc.queryForObject("select count(*) from audit_log where action='CASE_PAYMENT_PAID' and entity_id=?",
          Integer.class, p.caseNumber())).isEqualTo(1);
    }
  }

  @Test
  void aResultImportRacingARetryNeverPaysTwiceNorPutsAPaymentInTwoBatches() throws Exception {
    PaymentsFixture.Paid p = queued("450");
    long id = build("finance").path("id").asLong();
    s.as("finance").get("/api/v1/payment-batches/" + id + "/bank-file");
    String failedCsv = "reference,status,message\n" + p.caseNumber() + ",FAILED,卡号错误\n";
    assertThat(result(id, failedCsv).status()).isEqualTo(200);
    List<Api.Res> results = race(4, () -> result(id, failedCsv),
        () -> s.as("officer").post("/api/v1/cases/" + p.caseNumber() + "/payment/retry",
            Map.of("confirmBankIssue", true, "note", "开户行系统故障，卡号已核实")),
        () -> s.as("cityfinance").post("/api/v1/payment-batches", Map.of("orgCode", s.school)),
        () -> result(id, "reference,status,message\n" + p.caseNumber() + ",SUCCESS,\n"));
    assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isLessThan(500));
    assertThat(jdbc.queryForObject("select count(*) from payment_item where case_number=? and status='PENDING'",
        Integer.class, p.caseNumber())).isLessThanOrEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from payment_item where case_number=? and status='PAID'",
        Integer.class, p.caseNumber())).isZero();
    assertThat(payment(p.caseNumber())).isIn("QUEUED", "IN_BATCH");
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action='CASE_PAYMENT_PAID' and entity_id=?",
        Integer.class, p.caseNumber())).isZero();
  }

  // ---- funds ----

  @Test
  void fundsAreRecordedAndTheOverviewComparesRaisedApprovedAndPaid() {
    Api.Res r = s.as("finance").post("/api/v1/funds", Map.of("campaignCode", campaign, "orgCode", s.school, "source", "B3",
        "amountYuan", "1000.00", "receivedOn", today, "note", "工会经费划拨"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().path("amountYuan").asText()).isEqualTo("1000.00");
    assertThat(r.json().path("source").asText()).isEqualTo("B3");
    assertThat(s.as("officer").post("/api/v1/funds", Map.of("campaignCode", campaign, "orgCode", s.school, "source", "B3",
        "amountYuan", "1", "receivedOn", today)).status()).isEqualTo(403);
    Api.Res bad = s.as("finance").post("/api/v1/funds", Map.of("campaignCode", "NOPE", "orgCode", s.otherSchool, "source",
        "B9", "amountYuan", "-3", "receivedOn", "2999-01-01"));
    assertThat(fieldCodes(bad)).contains("campaignCode:UNKNOWN_CAMPAIGN", "orgCode:UNKNOWN_ORG", "source:INVALID_CODE",
        "amountYuan:INVALID_AMOUNT", "receivedOn:DATE_OUT_OF_RANGE");

    PaymentsFixture.Paid a = queued("700");
    PaymentsFixture.Paid b = queued("600.50");
    long id = build("finance").path("id").asLong();
    s.as("finance").get("/api/v1/payment-batches/" + id + "/bank-file");
    result(id, "reference,status,message\n" + a.caseNumber() + ",SUCCESS,\n" + b.caseNumber() + ",SUCCESS,\n");
    JsonNode lines = s.as("finance").get("/api/v1/funds/overview?campaign=" + campaign).json();
    JsonNode b3 = StreamSupport.stream(lines.spliterator(), false).filter(l -> l.path("source").asText().equals("B3")).findFirst().orElseThrow();
    assertThat(b3.path("raisedYuan").asText()).isEqualTo("1000.00");
    assertThat(b3.path("approvedYuan").asText()).isEqualTo("1300.50");
    assertThat(b3.path("paidYuan").asText()).isEqualTo("1300.50");
    assertThat(b3.path("overspent").asBoolean()).isTrue();
    assertThat(s.as("citymanager").get("/api/v1/funds/overview?campaign=" + campaign).text()).contains("1300.50");
    assertThat(s.as("othermanager").get("/api/v1/funds/overview?campaign=" + campaign).text()).doesNotContain("1300.50");
  }

  @SafeVarargs
  final List<Api.Res> race(int threads, Callable<Api.Res>... calls) throws Exception {
    List<Callable<Api.Res>> all = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      all.add(calls[i % calls.length]);
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Api.Res>> futures = new ArrayList<>();
    for (Callable<Api.Res> c : all) {
      futures.add(pool.submit(() -> {
        start.await();
        return c.call();
      }));
    }
    start.countDown();
    List<Api.Res> results = new ArrayList<>();
    for (Future<Api.Res> f : futures) {
      results.add(f.get());
    }
    pool.shutdown();
    return results;
  }

  static List<String> fieldCodes(Api.Res r) {
    return StreamSupport.stream(r.json().path("errors").spliterator(), false)
        .map(n -> n.path("field").asText() + ":" + n.path("code").asText()).toList();
  }

  static List<String> rows(Api.Res r) {
    return StreamSupport.stream(r.json().path("errors").spliterator(), false)
        .map(n -> n.path("row").asText() + ":" + n.path("field").asText() + ":" + n.path("code").asText()).toList();
  }
}

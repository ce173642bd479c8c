package cn.warmth.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Queued bank payments, batches and result files for the disbursement contracts, through the real API. */
final class PaymentsFixture {
  final Scenario s;
  final String campaign;
  final LocalDate today;

  PaymentsFixture(Scenario s, LocalDate today) {
    this.s = s;
    this.today = today;
    this.campaign = s.p + "-YD";
    Api.Res c = s.admin.post("/api/v1/campaigns", Map.of("code", campaign, "name", "送温暖", "startDate",
        today.minusDays(10).toString(), "endDate", today.plusDays(30).toString(), "reportDeadline",
        today.plusDays(40).toString()));
    assertThat(c.status()).as(c.toString()).isEqualTo(201);
  }

  record Paid(String caseNumber, String card, long workerId) {}

  /** A worker with a card at the school, with the bank name given. */
  long worker(String name, String bank, String card) {
    Api.Res r = s.as("officer").post("/api/v1/workers", Map.of("name", name, "idNumber", TestIds.nextId(), "orgCode",
        s.school, "employmentType", "ESTABLISHED", "disabled", false, "bankName", bank, "bankCardNumber", card));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  /** An approved BANK_CARD case from a source that needs no hardship file (B3–B6): QUEUED. */
  Paid queued(String amount, String source) {
    return queued(amount, source, "收款人" + "甲乙丙丁".charAt((int) (System.nanoTime() % 4)), "中国工商银行");
  }

  Paid queued(String amount, String source, String name, String bank) {
    String card = TestIds.nextCard();
    long w = worker(name, bank, card);
    Map<String, Object> b = new HashMap<>(Map.of("campaignCode", campaign, "workerId", w, "category", "C1", "fundSource",
        source, "paymentMethod", "BANK_CARD", "amountYuan", amount, "reason", "春节慰问", "visit",
        Map.of("plannedDate", today.plusDays(2).toString(), "location", "家中", "visitors", "经办人")));
    Api.Res r = s.as("officer").post("/api/v1/cases", b);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String n = r.json().path("caseNumber").asText();
    Api.Res a = s.as("finance").post("/api/v1/cases/" + n + "/approval", Map.of("decision", "APPROVE"));
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    return new Paid(n, card, w);
  }

  JsonNode build(Map<String, Object> body) {
    Map<String, Object> b = new HashMap<>(body);
    b.putIfAbsent("orgCode", s.school);
    Api.Res r = s.as("finance").post("/api/v1/payment-batches", b);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  /** The bank file as downloaded (which sends the batch to the bank). */
  Api.Res export(long batch) {
    Api.Res r = s.as("finance").get("/api/v1/payment-batches/" + batch + "/bank-file");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r;
  }

  Api.Res result(long batch, byte[] file) {
    return s.as("finance").postRaw("/api/v1/payment-batches/" + batch + "/bank-result", "text/csv", file);
  }

  Api.Res result(long batch, String csv) {
    return result(batch, csv.getBytes(StandardCharsets.UTF_8));
  }

  String payment(String caseNumber) {
    return s.as("officer").get("/api/v1/cases/" + caseNumber).json().path("payment").path("status").asText();
  }

  JsonNode caseView(String caseNumber) {
    return s.as("officer").get("/api/v1/cases/" + caseNumber).json();
  }
}

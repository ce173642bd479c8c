package cn.warmth.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The usual steps of a campaign through the API, for tests that need cases, files and reports
 * in some state rather than test one step: each asserts that its call succeeded.
 */
public final class Flows {
  private final Scenario s;
  public final String campaign;
  private final LocalDate today;

  /** A running campaign of the scenario (deadline in 40 days). */
  public Flows(Scenario s, LocalDate today) {
    this.s = s;
    this.today = today;
    this.campaign = s.p + "-WF";
    Api.Res c = s.admin.post("/api/v1/campaigns", Map.of("code", campaign, "name", s.p + "送温暖", "startDate",
        today.minusDays(10).toString(), "endDate", today.plusDays(30).toString(), "reportDeadline",
        today.plusDays(40).toString()));
    assertThat(c.status()).as(c.toString()).isEqualTo(201);
  }

  public long worker() {
    return s.worker("职工" + "甲乙丙丁戊己".charAt((int) (System.nanoTime() % 6)), TestIds.nextId(), TestIds.nextCard());
  }

  /** Opens a case for a new worker as the school's officer; the visit is planned {@code visitInDays} from today. */
  public String openCase(String method, String amountYuan, int visitInDays) {
    Map<String, Object> m = new HashMap<>();
    m.put("campaignCode", campaign);
    m.put("workerId", worker());
    m.put("category", "C1");
    m.put("fundSource", "B3");
    m.put("paymentMethod", method);
    m.put("amountYuan", "GOODS".equals(method) ? "0" : amountYuan);
    m.put("goodsValueYuan", "GOODS".equals(method) ? amountYuan : "0");
    m.put("goodsDescription", "米、面、油");
    m.put("assistance", List.of("E2"));
    m.put("reason", "春节慰问");
    m.put("visit", Map.of("plannedDate", today.plusDays(visitInDays).toString(), "location", "职工家中",
        "visitors", "工会主席、经办人"));
    Api.Res r = s.as("officer").post("/api/v1/cases", m);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("caseNumber").asText();
  }

  public Api.Res approve(String who, String caseNumber) {
    return s.as(who).post("/api/v1/cases/" + caseNumber + "/approval", Map.of("decision", "APPROVE", "comment", "同意"));
  }

  public void approveOk(String who, String caseNumber) {
    Api.Res r = approve(who, caseNumber);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  public Api.Res visit(String who, String caseNumber, boolean receiptSigned) {
    return s.as(who).post("/api/v1/cases/" + caseNumber + "/visit", Map.of("outcome", "COMPLETED", "visitedOn",
        today.toString(), "visitors", "工会主席、经办人", "notes", "已当面慰问", "receiptSigned", receiptSigned));
  }

  public Api.Res close(String who, String caseNumber) {
    return s.as(who).post("/api/v1/cases/" + caseNumber + "/close", Map.of());
  }

  /** Submits a hardship file for a new worker; returns its id. */
  public long submitFile() {
    long w = s.worker("档案职工", TestIds.nextId(), null);
    Api.Res f = s.as("officer").post("/api/v1/workers/" + w + "/hardship-file", Map.of("category", "DEEP",
        "reasons", List.of("SERIOUS_ILLNESS"), "householdSize", 3, "annualIncomeYuan", 20000,
        "annualEssentialExpensesYuan", 9000));
    assertThat(f.status()).as(f.toString()).isEqualTo(201);
    return f.json().path("id").asLong();
  }

  /** A unit's manager submits the unit's report (manager: the school's; citymanager: the city's). */
  public Api.Res submitReport(String who, String narrative) {
    return s.as(who).post("/api/v1/reports", Map.of("campaignCode", campaign, "orgCode",
        who.startsWith("city") ? s.city : who.startsWith("other") ? s.otherSchool : s.school, "narrative", narrative,
        "preparedBy", "孙立新", "phone", "029-88888888"));
  }
}

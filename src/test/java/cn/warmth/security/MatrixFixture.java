package cn.warmth.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Real objects for the authorization matrix, at four places seen from a school's users:
 * their OWN school, a SIBLING school in the same city, the PARENT city, and a school in
 * ANOTHER city. At each: a worker with a bank card, a hardship file waiting for review, a
 * bank-card case (approved, in a payment batch) with an attachment, a batch, a report, a campaign
 * owned there and an officer's username.
 */
final class MatrixFixture {
  enum Where { OWN, SIBLING, PARENT, OTHER_CITY }

  record Objects(String org, String officer, long worker, long file, String caseNumber, long batch, long report,
      String campaign, String reviewTaskId, long attachment) {}

  final Scenario s;
  final Scenario other;
  final String campaign;
  final Api cityAdmin;
  final String cityAdminName;
  final Map<Where, Objects> at = new EnumMap<>(Where.class);
  /** Two API tokens of the root ADMIN (issue 13): one for the API's DELETE, one for the page's revoke. */
  final long apiToken;
  final long pageToken;

  MatrixFixture(int port, LocalDate today, org.camunda.bpm.engine.TaskService tasks) {
    s = new Scenario(port);
    other = new Scenario(port);
    cityAdminName = s.p.toLowerCase() + ".cityadmin";
    ok(s.admin.post("/api/v1/users", Map.of("username", cityAdminName, "password", Scenario.PW, "displayName",
        "市管理员", "orgCode", s.city, "roles", List.of("ADMIN"))), 201);
    cityAdmin = s.anonymous.as(cityAdminName, Scenario.PW);
    campaign = s.p + "-MX";
    s.runningCampaign(campaign, today);
    build(Where.OWN, s, s.school, "officer", "finance", "manager", today, tasks);
    build(Where.SIBLING, s, s.otherSchool, "otherofficer", "otherfinance", "othermanager", today, tasks);
    build(Where.PARENT, s, s.city, "cityofficer", "cityfinance", "citymanager", today, tasks);
    build(Where.OTHER_CITY, other, other.school, "officer", "finance", "manager", today, tasks);
    apiToken = ok(s.admin.post("/api/v1/tokens", Map.of("name", "矩阵令牌", "expiresOn", today.plusDays(30).toString())),
        201).json().path("id").asLong();
    pageToken = ok(s.admin.post("/api/v1/tokens", Map.of("name", "矩阵页面令牌", "expiresOn",
        today.plusDays(30).toString())), 201).json().path("id").asLong();
  }

  private void build(Where where, Scenario sc, String org, String officer, String finance, String manager,
      LocalDate today, org.camunda.bpm.engine.TaskService tasks) {
    Map<String, Object> w = new HashMap<>(Map.of("name", "矩阵职工", "idNumber", TestIds.nextId(), "orgCode", org,
        "employmentType", "ESTABLISHED", "disabled", false, "bankName", "中国工商银行",
        "bankCardNumber", TestIds.nextCard()));
    long worker = ok(sc.as(officer).post("/api/v1/workers", w), 201).json().path("id").asLong();
    long file = ok(sc.as(officer).post("/api/v1/workers/" + worker + "/hardship-file", Map.of("category", "DEEP",
        "reasons", List.of("SERIOUS_ILLNESS"), "householdSize", 3, "annualIncomeYuan", 20000,
        "annualEssentialExpensesYuan", 9000)), 201).json().path("id").asLong();
    String reviewTask = tasks.createTaskQuery().processInstanceBusinessKey("FILE-" + file).singleResult().getId();
    Map<String, Object> c = Scenario.caseBody(campaign, worker, "BANK_CARD", "500", today);
    String caseNumber = ok(sc.as(officer).post("/api/v1/cases", c), 201).json().path("caseNumber").asText();
    ok(sc.as(finance).post("/api/v1/cases/" + caseNumber + "/approval", Map.of("decision", "APPROVE",
        "comment", "同意")), 200);
    long attachment = ok(sc.as(officer).postMultipart("/api/v1/cases/" + caseNumber + "/attachments",
        Map.of("kind", "OTHER"), "file", "note.png", png()), 201).json().path("id").asLong();
    long batch = ok(sc.as(finance).post("/api/v1/payment-batches", Map.of("orgCode", org)), 201).json().path("id")
        .asLong();
    long report = ok(sc.as(manager).post("/api/v1/reports", Map.of("campaignCode", campaign, "orgCode", org,
        "narrative", "矩阵报告", "preparedBy", "王振华", "phone", "029-88888888")), 201).json().path("id").asLong();
    String owned = sc.p + "-" + where.ordinal() + "-OWN";
    ok(s.admin.post("/api/v1/campaigns", Map.of("code", owned, "name", "本单位活动", "orgCode", org, "startDate",
        today.minusDays(5).toString(), "endDate", today.plusDays(30).toString(), "reportDeadline",
        today.plusDays(40).toString())), 201);
    at.put(where, new Objects(org, sc.name(officer), worker, file, caseNumber, batch, report, owned, reviewTask,
        attachment));
  }

  /** A small real PNG. */
  private static byte[] png() {
    var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(image, "png", out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Api.Res ok(Api.Res r, int status) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    return r;
  }
}

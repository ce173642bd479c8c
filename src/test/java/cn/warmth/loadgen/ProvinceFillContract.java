package cn.warmth.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The load harness's province generator on a small plan: the tree and its users, workers stored as
 * the application stores them (the reveal decrypts them), finished cases with their facts and
 * summary (the statistics table agrees), open cases with the process and task they need (an officer
 * carries one to the end through the API), and case numbers that go on without a clash.
 */
abstract class ProvinceFillContract {
  @LocalServerPort
  int port;
  @Autowired
  ProvinceFill fill;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TaskService tasks;
  @Autowired
  RuntimeService runtime;
  @Autowired
  MutableClock clock;

  @Test
  void fillsASmallProvinceConsistently() {
    Scenario s = new Scenario(port);
    String campaign = s.p + "-LD";
    List<String> cities = List.of(s.p + "-LA", s.p + "-LB");
    ProvinceFill.Result r = fill.fill(new ProvinceFill.Plan("admin", cities, 2, 60, 200, 12, campaign, Scenario.PW, 2,
        0.5));

    // The tree: 2 cities × 2 units, each with its three users.
    assertThat(r.units()).hasSize(4);
    String unit = r.units().get(0).code();
    Api officer = s.anonymous.as(unit.toLowerCase() + ".officer", Scenario.PW);
    assertThat(officer.get("/api/v1/cases?campaign=" + campaign).status()).isEqualTo(200);

    // Workers, encrypted with the application's keys: the audited reveal gives the real numbers back.
    assertThat(r.workers()).isEqualTo(60);
    assertThat(jdbc.queryForObject("select count(*) from worker where org_path like ?", Integer.class,
        "/SX/" + s.p + "-L%")).isEqualTo(60);
    long worker = jdbc.queryForObject("select min(id) from worker where org_code = ?", Long.class, unit);
    JsonNode pii = officer.get("/api/v1/workers/" + worker + "/pii").json();
    assertThat(pii.path("idNumber").asText()).matches("610113\\d{11}[\\dX]");
    assertThat(officer.get("/api/v1/workers/" + worker).json().path("idNumberMasked").asText())
        .isEqualTo(pii.path("idNumber").asText().substring(0, 3) + "*".repeat(11) + pii.path("idNumber").asText().substring(14));

    // Cases in every state, as counted in the database.
    Map<String, Integer> byStatus = r.casesByStatus();
    assertThat(byStatus.keySet()).contains("CLOSED", "VOIDED", "REJECTED", "PENDING_APPROVAL", "IN_PROGRESS");
    assertThat(byStatus.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
    byStatus.forEach((status, n) -> assertThat(jdbc.queryForObject(
        "select count(*) from aid_case where campaign_code = ? and status = ?", Integer.class, campaign, status))
        .as(status).isEqualTo(n));

    // The statistics table (summary) agrees with the facts and with the cases.
    for (String city : cities) {
      JsonNode cells = s.admin.get("/api/v1/statistics?campaign=" + campaign + "&org=" + city).json().path("cells");
      Integer closed = jdbc.queryForObject("select count(*) from aid_case where campaign_code = ? and status = 'CLOSED' "
          + "and org_path like ?", Integer.class, campaign, "/SX/" + city + "/%");
      assertThat(cells.path("C").asInt()).as(city).isEqualTo(closed).isPositive();
      long fen = jdbc.queryForObject("select sum(amount_fen + goods_value_fen) from aid_case where campaign_code = ? "
          + "and status = 'CLOSED' and org_path like ?", Long.class, campaign, "/SX/" + city + "/%");
      assertThat(new java.math.BigDecimal(cells.path("D").asText()).movePointRight(2).longValueExact()).isEqualTo(fen);
      assertThat(cells.path("B3").asText()).isNotEqualTo("0.00");
    }

    // Open cases have their process: a finance sign-off waits, or the visit.
    List<Map<String, Object>> open = jdbc.queryForList("select case_number, status, process_instance_id, payment_method "
        + "from aid_case where campaign_code = ? and status in ('PENDING_APPROVAL', 'IN_PROGRESS')", campaign);
    assertThat(open).hasSize(12);
    for (Map<String, Object> c : open) {
      List<String> keys = tasks.createTaskQuery().processInstanceId((String) c.get("process_instance_id")).list().stream()
          .map(t -> t.getTaskDefinitionKey()).toList();
      assertThat(keys).as(c.toString()).contains(c.get("status").equals("IN_PROGRESS") ? "recordVisit" : "approveFinance");
    }
    // Finished cases have none.
    assertThat(jdbc.queryForObject("select count(*) from aid_case where campaign_code = ? and status in "
        + "('CLOSED', 'VOIDED', 'REJECTED') and process_instance_id is not null", Integer.class, campaign)).isZero();

    // An officer carries a generated case to the end: visit with a signed receipt, then close.
    Map<String, Object> cash = open.stream().filter(c -> c.get("status").equals("IN_PROGRESS")
        && c.get("payment_method").equals("CASH")).findFirst().orElseThrow();
    String number = (String) cash.get("case_number");
    String owner = jdbc.queryForObject("select org_code from aid_case where case_number = ?", String.class, number);
    Api its = s.anonymous.as(owner.toLowerCase() + ".officer", Scenario.PW);
    LocalDate today = LocalDate.now(clock);
    Api.Res visit = its.post("/api/v1/cases/" + number + "/visit", Map.of("outcome", "COMPLETED", "visitedOn",
        today.toString(), "visitors", "工会主席", "notes", "已送达", "receiptSigned", true));
    assertThat(visit.status()).as(visit.toString()).isEqualTo(200);
    Api.Res closed = its.post("/api/v1/cases/" + number + "/close", Map.of());
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    assertThat(closed.json().path("status").asText()).isEqualTo("CLOSED");

    // A new case gets a number after the generated ones; reports were submitted.
    long fresh = jdbc.queryForObject("select max(id) from worker where org_code = ?", Long.class, owner);
    String freeCategory = jdbc.queryForObject("""
        select min(k.c) from (select 'C1' c union select 'C2' union select 'C3' union select 'C4' union select 'C5'
          union select 'C6' union select 'C7' union select 'C8' union select 'C9' union select 'C10' union select 'C11') k
        where not exists (select 1 from aid_case a where a.worker_id = ? and a.campaign_code = ? and a.category = k.c)""",
        String.class, fresh, campaign);
    Map<String, Object> body = new java.util.HashMap<>(Scenario.caseBody(campaign, fresh, "CASH", "200", today));
    body.put("category", freeCategory);
    Api.Res again = its.post("/api/v1/cases", body);
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(jdbc.queryForObject("select count(*) from campaign_report where campaign_code = ?", Integer.class,
        campaign)).isEqualTo(2);
  }
}

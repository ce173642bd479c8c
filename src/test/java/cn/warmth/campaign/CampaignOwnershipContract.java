package cn.warmth.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Campaigns belong to an organisation (issue 9 item 6, api.md "Campaigns"): a city's campaign is
 * seen and used in that city's subtree, overseen by the province, unknown to a sibling city.
 * Run on H2 ({@link CampaignOwnershipTest}) and PostgreSQL ({@link CampaignOwnershipPostgresIT}).
 */
abstract class CampaignOwnershipContract {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  MutableClock clock;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  TaskService tasks;

  Scenario s;
  Scenario sibling;
  Api cityAdmin;
  String code;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    sibling = new Scenario(port);
    String admin = s.p.toLowerCase() + ".cityadmin";
    assertThat(s.admin.post("/api/v1/users", Map.of("username", admin, "password", Scenario.PW, "displayName", "市管理员",
        "orgCode", s.city, "roles", List.of("ADMIN"))).status()).isEqualTo(201);
    cityAdmin = s.anonymous.as(admin, Scenario.PW);
    code = s.p + "-CITY";
    Api.Res r = cityAdmin.post("/api/v1/campaigns", campaign(code, null));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().path("orgCode").asText()).as("default: the caller's own organisation").isEqualTo(s.city);
    assertThat(r.json().has("orgPath")).isFalse();
  }

  Map<String, Object> campaign(String c, String org) {
    LocalDate now = LocalDate.now(clock);
    Map<String, Object> m = new HashMap<>(Map.of("code", c, "name", "市级慰问活动", "startDate",
        now.minusDays(5).toString(), "endDate", now.plusDays(30).toString(), "reportDeadline",
        now.plusDays(10).toString()));
    if (org != null) {
      m.put("orgCode", org);
    }
    return m;
  }

  static List<String> codes(List<com.fasterxml.jackson.databind.JsonNode> rows) {
    return rows.stream().map(n -> n.path("code").asText()).toList();
  }

  @Test
  void aCitysCampaignIsSeenInItsSubtreeAndByTheProvinceOnly() {
    assertThat(s.as("officer").get("/api/v1/campaigns/" + code).status()).isEqualTo(200);
    assertThat(codes(s.as("officer").getAll("/api/v1/campaigns"))).contains(code);
    assertThat(s.admin.get("/api/v1/campaigns/" + code).json().path("orgCode").asText()).isEqualTo(s.city);
    Api.Res other = sibling.as("officer").get("/api/v1/campaigns/" + code);
    assertThat(other.status()).isEqualTo(404);
    assertThat(codes(sibling.as("officer").getAll("/api/v1/campaigns"))).doesNotContain(code);
    assertThat(sibling.as("othermanager").get("/api/v1/statistics?campaign=" + code).status()).isEqualTo(404);
    // A province campaign reaches everyone.
    String wide = s.p + "-PROV";
    assertThat(s.admin.post("/api/v1/campaigns", campaign(wide, null)).json().path("orgCode").asText()).isEqualTo("SX");
    assertThat(codes(sibling.as("officer").getAll("/api/v1/campaigns"))).contains(wide);
  }

  @Test
  void onlyTheRootCreatesProvinceWideCampaigns() {
    Api.Res up = cityAdmin.post("/api/v1/campaigns", campaign(s.p + "-UP", "SX"));
    assertThat(up.status()).isEqualTo(400);
    assertThat(up.json().path("errors").get(0).path("code").asText()).isEqualTo("UNKNOWN_ORG");
    Api.Res across = cityAdmin.post("/api/v1/campaigns", campaign(s.p + "-AX", sibling.city));
    assertThat(across.status()).isEqualTo(400);
    assertThat(jdbc.queryForObject("select count(*) from campaign where code in (?, ?)", Integer.class, s.p + "-UP",
        s.p + "-AX")).isZero();
    Api.Res down = cityAdmin.post("/api/v1/campaigns", campaign(s.p + "-SCH", s.school));
    assertThat(down.status()).isEqualTo(201);
    assertThat(down.json().path("orgCode").asText()).isEqualTo(s.school);
    assertThat(s.as("otherofficer").get("/api/v1/campaigns/" + s.p + "-SCH").status()).as("a sibling school").isEqualTo(404);
    assertThat(s.as("cityofficer").get("/api/v1/campaigns/" + s.p + "-SCH").status()).as("the city above").isEqualTo(200);
  }

  @Test
  void itIsUsedOnlyForUnitsInItsSubtree() {
    long mine = s.worker("本市", TestIds.nextId(), TestIds.nextCard());
    long theirs = sibling.worker("外市", TestIds.nextId(), TestIds.nextCard());
    assertThat(s.as("officer").post("/api/v1/cases", caseFor(mine)).status()).isEqualTo(201);
    // The sibling city does not know the campaign.
    Api.Res unknown = sibling.as("officer").post("/api/v1/cases", caseFor(theirs));
    assertThat(unknown.status()).isEqualTo(404);
    // A province officer sees both, but the campaign does not run at the other city.
    String provOfficer = s.p.toLowerCase() + ".provofficer";
    s.admin.post("/api/v1/users", Map.of("username", provOfficer, "password", Scenario.PW, "displayName", "省经办人",
        "orgCode", "SX", "roles", List.of("OFFICER", "FINANCE")));
    Api prov = s.anonymous.as(provOfficer, Scenario.PW);
    Api.Res notHere = prov.post("/api/v1/cases", caseFor(theirs));
    assertThat(notHere.status()).as(notHere.toString()).isEqualTo(422);
    assertThat(notHere.code()).isEqualTo("CAMPAIGN_NOT_RUNNING");
    assertThat(jdbc.queryForObject("select count(*) from aid_case where worker_id = ?", Integer.class, theirs)).isZero();
    // Funds and activities likewise.
    Api.Res fund = prov.post("/api/v1/funds", Map.of("campaignCode", code, "orgCode", sibling.school, "source", "B3",
        "amountYuan", "100", "receivedOn", LocalDate.now(clock).toString()));
    assertThat(fund.status()).isEqualTo(400);
    assertThat(fund.json().path("errors").get(0).path("code").asText()).isEqualTo("CAMPAIGN_NOT_HERE");
    assertThat(sibling.as("finance").post("/api/v1/funds", Map.of("campaignCode", code, "orgCode", sibling.school,
        "source", "B3", "amountYuan", "100", "receivedOn", LocalDate.now(clock).toString())).status()).isEqualTo(400);
    assertThat(jdbc.queryForObject("select count(*) from fund_record where campaign_code = ?", Integer.class, code)).isZero();
  }

  @Test
  void remindersAndReportsConcernTheOwnersSubtreeOnly() {
    var pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("DEADLINE-" + code).singleResult();
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getId());
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("manager@" + s.school).count())
        .isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("manager@" + s.otherSchool)
        .count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("manager@" + s.city).count())
        .as("the owner reports to nobody").isZero();
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("manager@" + sibling.school)
        .count()).isZero();
    Map<String, Object> report = Map.of("campaignCode", code, "narrative", "本市情况", "preparedBy", "王振华",
        "phone", "029-88888888");
    Api.Res owner = s.as("citymanager").post("/api/v1/reports", report);
    assertThat(owner.status()).isEqualTo(422);
    assertThat(owner.code()).isEqualTo("CAMPAIGN_OWNER_DOES_NOT_REPORT");
    assertThat(s.as("manager").post("/api/v1/reports", report).status()).isEqualTo(201);
  }

  Map<String, Object> caseFor(long worker) {
    return Scenario.caseBody(code, worker, "CASH", "300", LocalDate.now(clock));
  }
}

package cn.warmth.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh corner of the union tree for one test: a city with two schools and users of every
 * role, so that tests sharing one application context never see each other's data.
 */
public final class Scenario {
  public static final String PW = "secret-pass-1";
  public final Api anonymous;
  public final Api admin;
  public final String p;
  public final String city;
  public final String school;
  public final String otherSchool;

  public Scenario(int port) {
    anonymous = Api.at(port);
    admin = anonymous.as("admin", "warmth-root-pw-1");
    p = "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    city = p + "-C";
    school = p + "-C-A";
    otherSchool = p + "-C-B";
    org(city, "CITY", "SX");
    org(school, "GRASSROOTS", city);
    org(otherSchool, "GRASSROOTS", city);
    user("officer", school, "OFFICER");
    user("officer2", school, "OFFICER");
    user("finance", school, "FINANCE");
    user("manager", school, "MANAGER");
    user("manager2", school, "MANAGER");
    user("cityofficer", city, "OFFICER");
    user("citymanager", city, "MANAGER");
    user("cityfinance", city, "FINANCE");
    user("otherofficer", otherSchool, "OFFICER");
    user("othermanager", otherSchool, "MANAGER");
    user("otherfinance", otherSchool, "FINANCE");
  }

  private void org(String code, String type, String parent) {
    Api.Res r = admin.post("/api/v1/orgs", Map.of("code", code, "name", "单位" + code, "type", type, "parentCode", parent));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  private void user(String role, String org, String... roles) {
    Api.Res r = admin.post("/api/v1/users", Map.of("username", name(role), "password", PW, "displayName", "测试" + role,
        "orgCode", org, "roles", List.of(roles)));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  public String name(String role) {
    return p.toLowerCase() + "." + role;
  }

  /** The API as one of the scenario's users (officer, manager, finance, cityofficer, ...). */
  public Api as(String role) {
    return anonymous.as(name(role), PW);
  }

  /** Registers a worker at the school as the officer; returns its id. */
  public long worker(String name, String idNumber, String card) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "idNumber", idNumber, "orgCode", school,
        "employmentType", "ESTABLISHED", "disabled", false));
    if (card != null) {
      body.put("bankName", "中国工商银行");
      body.put("bankCardNumber", card);
    }
    Api.Res r = as("officer").post("/api/v1/workers", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  /** A province-wide campaign (created by the root ADMIN) running from 5 days ago to 30 days ahead. */
  public void runningCampaign(String code, java.time.LocalDate today) {
    Api.Res r = admin.post("/api/v1/campaigns", Map.of("code", code, "name", "测试活动" + code, "startDate",
        today.minusDays(5).toString(), "endDate", today.plusDays(30).toString(), "reportDeadline",
        today.plusDays(40).toString()));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  /** A valid body for POST /api/v1/cases: category C4, fund B3, the visit in two days. */
  public static Map<String, Object> caseBody(String campaign, long workerId, String paymentMethod, String amountYuan,
      java.time.LocalDate today) {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put("campaignCode", campaign);
    m.put("workerId", workerId);
    m.put("category", "C4");
    m.put("fundSource", "B3");
    m.put("paymentMethod", paymentMethod);
    m.put("amountYuan", amountYuan);
    m.put("reason", "春节慰问");
    m.put("visit", Map.of("plannedDate", today.plusDays(2).toString(), "location", "职工家中", "visitors", "工会主席"));
    return m;
  }
}

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
}

package cn.warmth.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.BrowserSession;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Personal API tokens (api.md "API tokens", issue 13): shown once, stored as SHA-256, Bearer,
 * revoked at once, expiry, last use at most once a minute, audited, ADMIN for users in scope,
 * no password check (and no sign-in guard write) per Bearer request, HTTP Basic unchanged.
 */
abstract class ApiTokenContract {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  MutableClock clock;
  Scenario s;
  Instant realNow;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    realNow = clock.instant();
  }

  @AfterEach
  void restoreClock() {
    clock.advance(Duration.between(clock.instant(), realNow));
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  Api.Res create(Api as, String name, LocalDate expiresOn) {
    return as.post("/api/v1/tokens", Map.of("name", name, "expiresOn", expiresOn.toString()));
  }

  String token(Api as, String name) {
    Api.Res r = create(as, name, today().plusDays(30));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("token").asText();
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aTokenIsShownOnceStoredAsItsHashAndSignsInAsItsOwner() throws Exception {
    Api.Res r = create(s.as("officer"), "市局数据对接", today().plusDays(30));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode body = r.json();
    String token = body.path("token").asText();
    long id = body.path("id").asLong();
    assertThat(token).matches("wt_[A-Za-z0-9_-]{43}"); // 32 random bytes
    assertThat(body.path("name").asText()).isEqualTo("市局数据对接");
    assertThat(body.path("expiresOn").asText()).isEqualTo(today().plusDays(30).toString());

    // Only the hash is stored; no column holds the token.
    Map<String, Object> row = jdbc.queryForMap("select * from api_token where id = ?", id);
    assertThat(row.get("token_hash")).isEqualTo(sha256(token));
    assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(token.substring(8)));
    assertThat(row.get("username")).isEqualTo(s.name("officer"));

    // The list never shows it again.
    Api.Res list = s.as("officer").get("/api/v1/tokens");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.header("X-Total-Count")).isEqualTo("1");
    assertThat(list.text()).doesNotContain(token.substring(8));
    JsonNode listed = list.json().get(0);
    assertThat(listed.path("id").asLong()).isEqualTo(id);
    assertThat(listed.path("hint").asText()).isEqualTo(token.substring(0, 8) + "…");
    for (String field : List.of("name", "createdAt", "expiresOn", "lastUsedAt")) {
      assertThat(listed.has(field)).as(field).isTrue();
    }

    // Bearer signs in as the owner, with the owner's scope.
    Api bearer = s.anonymous.bearer(token);
    long worker = s.worker("令牌职工", cn.warmth.support.TestIds.nextId(), null);
    assertThat(bearer.get("/api/v1/workers/" + worker).status()).isEqualTo(200);
    assertThat(bearer.get("/api/v1/tasks").status()).isEqualTo(200);
    Scenario other = new Scenario(port);
    long elsewhere = other.worker("别处职工", cn.warmth.support.TestIds.nextId(), null);
    assertThat(bearer.get("/api/v1/workers/" + elsewhere).status()).isEqualTo(404);
    // Its role too: an officer's token cannot create a campaign.
    assertThat(bearer.post("/api/v1/campaigns", Map.of("code", "X")).status()).isEqualTo(403);

    // Audited without the secret.
    List<Map<String, Object>> audit = jdbc.queryForList(
        "select actor, action, after_json from audit_log where entity_type = 'API_TOKEN' and entity_id = ?", String.valueOf(id));
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0)).containsEntry("action", "TOKEN_CREATED").containsEntry("actor", s.name("officer"));
    assertThat(String.valueOf(audit.get(0).get("after_json"))).contains("市局数据对接").doesNotContain(token.substring(8));
  }

  @Test
  void revokedAtOnceAndAudited() {
    String token = token(s.as("manager"), "一次性");
    Api bearer = s.anonymous.bearer(token);
    assertThat(bearer.get("/api/v1/cases").status()).isEqualTo(200);
    long id = s.as("manager").get("/api/v1/tokens").json().get(0).path("id").asLong();

    // Someone else cannot revoke it (it does not exist for them).
    assertThat(s.as("officer").delete("/api/v1/tokens/" + id).status()).isEqualTo(404);
    assertThat(bearer.get("/api/v1/cases").status()).isEqualTo(200);

    Api.Res revoked = s.as("manager").delete("/api/v1/tokens/" + id);
    assertThat(revoked.status()).isEqualTo(204);
    Api.Res refused = bearer.get("/api/v1/cases");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.contentType()).contains("application/problem+json");
    assertThat(refused.code()).isEqualTo("UNAUTHENTICATED");
    assertThat(s.as("manager").get("/api/v1/tokens").json()).isEmpty();
    assertThat(s.as("manager").delete("/api/v1/tokens/" + id).status()).isEqualTo(404);
    assertThat(jdbc.queryForList("select action from audit_log where entity_type = 'API_TOKEN' and entity_id = ? order by id",
        String.class, String.valueOf(id))).containsExactly("TOKEN_CREATED", "TOKEN_REVOKED");
  }

  @Test
  void expiresAtTheEndOfItsBeijingDay() {
    Api.Res r = create(s.as("finance"), "短期", today());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    Api bearer = s.anonymous.bearer(r.json().path("token").asText());
    assertThat(bearer.get("/api/v1/cases").status()).isEqualTo(200);
    // The next Beijing day it no longer works.
    LocalDate tomorrow = today().plusDays(1);
    clock.advance(Duration.between(clock.instant(), tomorrow.atStartOfDay(clock.getZone()).toInstant().plusSeconds(1)));
    assertThat(bearer.get("/api/v1/cases").status()).isEqualTo(401);
    assertThat(s.as("finance").get("/api/v1/tokens").json().get(0).path("expired").asBoolean()).isTrue();
  }

  @Test
  void lastUseIsWrittenAtMostOnceAMinute() {
    String token = token(s.as("officer"), "计时");
    Api bearer = s.anonymous.bearer(token);
    long id = s.as("officer").get("/api/v1/tokens").json().get(0).path("id").asLong();
    assertThat(lastUsed(id)).isNull();

    assertThat(bearer.get("/api/v1/cases").status()).isEqualTo(200);
    Instant first = lastUsed(id);
    assertThat(first).isNotNull();
    clock.advance(Duration.ofSeconds(30));
    assertThat(bearer.get("/api/v1/cases").status()).isEqualTo(200);
    assertThat(lastUsed(id)).isEqualTo(first);
    clock.advance(Duration.ofSeconds(31));
    assertThat(bearer.get("/api/v1/cases").status()).isEqualTo(200);
    assertThat(lastUsed(id)).isAfter(first);
  }

  Instant lastUsed(long id) {
    Timestamp t = jdbc.queryForObject("select last_used_at from api_token where id = ?", Timestamp.class, id);
    return t == null ? null : t.toInstant();
  }

  @Test
  void aBearerRequestChecksNoPasswordAndWritesNothingToTheSignInGuard() {
    String token = token(s.as("officer"), "无密码");
    String user = s.name("officer");
    // The stored password hash becomes unusable and the guard's last attempt a sentinel: a Bearer
    // request that looked at either would fail or change it.
    String hash = jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, user);
    Timestamp sentinel = Timestamp.from(Instant.parse("2001-02-03T04:05:06Z"));
    jdbc.update("update app_user set password_hash = 'not-a-bcrypt-hash', last_attempt_at = ? where username = ?",
        sentinel, user);
    try {
      Api bearer = s.anonymous.bearer(token);
      for (int i = 0; i < 5; i++) {
        assertThat(bearer.get("/api/v1/cases").status()).isEqualTo(200);
      }
      assertThat(jdbc.queryForObject("select last_attempt_at from app_user where username = ?", Timestamp.class, user))
          .isEqualTo(sentinel);
    } finally {
      jdbc.update("update app_user set password_hash = ? where username = ?", hash, user);
    }
    // HTTP Basic keeps working as before (and does go through the guard).
    assertThat(s.as("officer").get("/api/v1/cases").status()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select last_attempt_at from app_user where username = ?", Timestamp.class, user))
        .isNotEqualTo(sentinel);
  }

  @Test
  void wrongTokensAre401AndNeverReachTheApplication() {
    for (String wrong : List.of("wt_" + "A".repeat(43), "nonsense", "wt_short", "", "wt_" + "A".repeat(42) + "!")) {
      Api.Res r = s.anonymous.bearer(wrong).get("/api/v1/cases");
      assertThat(r.status()).as(wrong).isEqualTo(401);
      assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
    }
    // A token is for the API: the pages do not take it.
    String token = token(s.as("officer"), "只用于接口");
    BrowserSession browser = new BrowserSession(port);
    var page = browser.request("/cases", b -> b.header("Authorization", "Bearer " + token).GET());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElse("")).contains("/login");
  }

  @Test
  void aDisabledUsersTokensStopWorking() {
    String token = token(s.as("otherofficer"), "停用前");
    assertThat(s.anonymous.bearer(token).get("/api/v1/cases").status()).isEqualTo(200);
    // Disabled as the user page does it (no API for it): the flag on the user.
    jdbc.update("update app_user set enabled = false where username = ?", s.name("otherofficer"));
    assertThat(s.anonymous.bearer(token).get("/api/v1/cases").status()).isEqualTo(401);
  }

  @Test
  void anAdminCreatesATokenForAUserInScopeAndMayRevokeIt() {
    // A service account of the city, created by the root ADMIN; its token is made by the ADMIN.
    String service = s.p.toLowerCase() + ".sync";
    assertThat(s.admin.post("/api/v1/users", Map.of("username", service, "password", Scenario.PW, "displayName",
        "数据对接", "orgCode", s.city, "roles", List.of("MANAGER"))).status()).isEqualTo(201);
    Api.Res r = s.admin.post("/api/v1/tokens", Map.of("name", "对接", "expiresOn", today().plusDays(365).toString(),
        "username", service));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().path("username").asText()).isEqualTo(service);
    Api bearer = s.anonymous.bearer(r.json().path("token").asText());
    assertThat(bearer.get("/api/v1/statistics/breakdown?campaign=NONE").status()).isEqualTo(404); // signed in, no such campaign
    assertThat(bearer.get("/api/v1/tokens").json()).hasSize(1); // its own list
    long id = r.json().path("id").asLong();
    assertThat(jdbc.queryForObject("select actor from audit_log where entity_type = 'API_TOKEN' and entity_id = ?",
        String.class, String.valueOf(id))).isEqualTo("admin");

    // The ADMIN lists and revokes it; nobody else may ask for another user's tokens.
    assertThat(s.admin.get("/api/v1/tokens?username=" + service).json()).hasSize(1);
    assertThat(s.as("manager").get("/api/v1/tokens?username=" + service).status()).isEqualTo(403);
    assertThat(s.as("manager").post("/api/v1/tokens", Map.of("name", "冒用", "expiresOn",
        today().plusDays(3).toString(), "username", service)).status()).isEqualTo(403);
    // A city ADMIN of another city: the user is not in scope.
    Scenario other = new Scenario(port);
    String otherAdmin = other.p.toLowerCase() + ".cityadmin";
    assertThat(other.admin.post("/api/v1/users", Map.of("username", otherAdmin, "password", Scenario.PW, "displayName",
        "别市管理员", "orgCode", other.city, "roles", List.of("ADMIN"))).status()).isEqualTo(201);
    Api foreign = s.anonymous.as(otherAdmin, Scenario.PW);
    assertThat(foreign.post("/api/v1/tokens", Map.of("name", "越权", "expiresOn", today().plusDays(3).toString(),
        "username", service)).status()).isEqualTo(404);
    assertThat(foreign.delete("/api/v1/tokens/" + id).status()).isEqualTo(404);
    assertThat(bearer.get("/api/v1/tokens").status()).isEqualTo(200);

    assertThat(s.admin.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
    assertThat(bearer.get("/api/v1/tokens").status()).isEqualTo(401);
  }

  @Test
  void aTokenCannotMintTokensAndInputIsChecked() {
    String token = token(s.as("officer"), "不能再生");
    Api.Res minted = create(s.anonymous.bearer(token), "再生", today().plusDays(3));
    assertThat(minted.status()).isEqualTo(403);
    assertThat(minted.code()).isEqualTo("TOKEN_NOT_ALLOWED");

    Api officer = s.as("officer");
    assertThat(fields(officer.post("/api/v1/tokens", Map.of("expiresOn", today().plusDays(3).toString()))))
        .containsExactly("name:REQUIRED");
    assertThat(fields(officer.post("/api/v1/tokens", Map.of("name", "<b>", "expiresOn", today().toString()))))
        .containsExactly("name:INVALID_NAME");
    assertThat(fields(officer.post("/api/v1/tokens", Map.of("name", "过去", "expiresOn", today().minusDays(1).toString()))))
        .containsExactly("expiresOn:DATE_OUT_OF_RANGE");
    assertThat(fields(officer.post("/api/v1/tokens", Map.of("name", "太久", "expiresOn", today().plusDays(367).toString()))))
        .containsExactly("expiresOn:DATE_OUT_OF_RANGE");
    assertThat(fields(officer.post("/api/v1/tokens", Map.of("name", "格式", "expiresOn", "2026/1/1"))))
        .containsExactly("expiresOn:INVALID_DATE");
    assertThat(officer.get("/api/v1/tokens").json()).hasSize(1); // nothing half-saved
  }

  static List<String> fields(Api.Res r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    List<String> out = new java.util.ArrayList<>();
    r.json().path("errors").forEach(e -> out.add(e.path("field").asText() + ":" + e.path("code").asText()));
    return out;
  }

  @Test
  void thePageShowsTheTokenOnceAndRevokes() {
    BrowserSession browser = new BrowserSession(port);
    assertThat(browser.login(s.name("finance"), Scenario.PW)).doesNotContain("error");
    String csrf = browser.csrf("/tokens");
    var created = browser.post("/tokens", "_csrf=" + csrf + "&name=" + enc("财务对账脚本") + "&expiresOn="
        + today().plusDays(10));
    assertThat(created.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("id=\"new-token\"[^>]*value=\"(wt_[A-Za-z0-9_-]{43})\"").matcher(created.body());
    assertThat(m.find()).as(created.body()).isTrue();
    String token = m.group(1);
    assertThat(s.anonymous.bearer(token).get("/api/v1/cases").status()).isEqualTo(200);

    // Shown once: the list page has the hint only.
    var list = browser.get("/tokens");
    assertThat(list.body()).contains("财务对账脚本").contains(token.substring(0, 8)).doesNotContain(token.substring(8));
    Matcher id = Pattern.compile("data-token-id=\"(\\d+)\"").matcher(list.body());
    assertThat(id.find()).isTrue();
    var revoked = browser.post("/tokens/" + id.group(1) + "/revoke", "_csrf=" + browser.csrf("/tokens"));
    assertThat(revoked.statusCode()).isEqualTo(302);
    assertThat(s.anonymous.bearer(token).get("/api/v1/cases").status()).isEqualTo(401);

    // A refused form keeps the values and shows the message next to the field.
    var refused = browser.post("/tokens", "_csrf=" + browser.csrf("/tokens") + "&name=&expiresOn=" + today());
    assertThat(refused.statusCode()).isEqualTo(400); // the refusal's status, the page shown again
    assertThat(refused.body()).contains("data-field=\"name\"").doesNotContain("id=\"new-token\"");
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

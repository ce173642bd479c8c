package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.shared.EngineGroups;
import cn.warmth.shared.Role;
import cn.warmth.support.Api;
import cn.warmth.support.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The foundation's API contract (api.md: conventions, organisations, users, campaigns), run on
 * H2 ({@link FoundationApiTest}) and on PostgreSQL ({@link FoundationApiPostgresIT}).
 */
abstract class FoundationApiContract {
  static final String ADMIN_PW = "warmth-root-pw-1";
  static final String PW = "secret-pass-1";

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  IdentityService identity;
  @Autowired
  MutableClock clock;

  Api anonymous;
  Api admin;
  String p; // a unique prefix, so that tests sharing the context never collide

  @BeforeEach
  void setUp() {
    anonymous = Api.at(port);
    admin = anonymous.as("admin", ADMIN_PW);
    p = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
  }

  Api.Res createOrg(Api as, String code, String type, String parent) {
    return as.post("/api/v1/orgs", Map.of("code", code, "name", "测试单位" + code, "type", type, "parentCode", parent));
  }

  Api.Res createUser(Api as, String username, String org, String... roles) {
    return as.post("/api/v1/users", Map.of("username", username, "password", PW, "displayName", "测试用户",
        "orgCode", org, "roles", List.of(roles)));
  }

  /** A city with one school, and a city administrator. */
  void cityWithSchool() {
    assertThat(createOrg(admin, p + "-C", "CITY", "SX").status()).isEqualTo(201);
    assertThat(createOrg(admin, p + "-C-S", "GRASSROOTS", p + "-C").status()).isEqualTo(201);
    assertThat(createUser(admin, p.toLowerCase() + ".cadmin", p + "-C", "ADMIN").status()).isEqualTo(201);
  }

  @Test
  void noCredentialsIs401ProblemJson() {
    Api.Res r = anonymous.get("/api/v1/orgs");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
    assertThat(r.json().path("status").asInt()).isEqualTo(401);
    assertThat(r.json().path("title").asText()).isNotBlank();
    assertThat(r.json().path("detail").asText()).contains("登录");
  }

  @Test
  void wrongPasswordIs401() {
    assertThat(anonymous.as("admin", "nope-nope").get("/api/v1/orgs").status()).isEqualTo(401);
  }

  @Test
  void adminCreatesOrganisationsExactlyAsTheContractSays() {
    Api.Res r = createOrg(admin, p + "-C", "CITY", "SX");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode body = r.json();
    assertThat(body.path("code").asText()).isEqualTo(p + "-C");
    assertThat(body.path("name").asText()).isEqualTo("测试单位" + p + "-C");
    assertThat(body.path("type").asText()).isEqualTo("CITY");
    assertThat(body.path("parentCode").asText()).isEqualTo("SX");

    Api.Res school = createOrg(admin, p + "-C-S", "GRASSROOTS", p + "-C");
    assertThat(school.status()).isEqualTo(201);
    assertThat(admin.getAll("/api/v1/orgs").stream().map(n -> n.path("code").asText()))
        .contains("SX", p + "-C", p + "-C-S");
    // Audited in the same transaction.
    assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type='ORG' and entity_id=?",
        Integer.class, p + "-C-S")).isEqualTo(1);
  }

  @Test
  void invalidOrganisationFieldsAre400WithFieldCodes() {
    Api.Res r = admin.post("/api/v1/orgs", Map.of("code", "bad code", "name", "<script>", "type", "CITY",
        "parentCode", "NOPE"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(fieldCodes(r)).contains("code:INVALID_ORG_CODE", "name:INVALID_NAME", "parentCode:UNKNOWN_ORG");

    Api.Res type = admin.post("/api/v1/orgs", Map.of("code", p, "name", "某单位", "type", "VILLAGE", "parentCode", "SX"));
    assertThat(type.status()).isEqualTo(400);
    assertThat(fieldCodes(type)).contains("type:INVALID_CODE");

    // A city cannot hang under a grassroots unit, nor a second province anywhere.
    createOrg(admin, p + "-G", "GRASSROOTS", "SX");
    assertThat(fieldCodes(createOrg(admin, p + "-X", "CITY", p + "-G"))).contains("parentCode:INVALID_PARENT_TYPE");
    assertThat(fieldCodes(createOrg(admin, p + "-P", "PROVINCE", "SX"))).contains("type:PROVINCE_IS_ROOT");
  }

  @Test
  void malformedJsonIs400() {
    Api.Res r = admin.post("/api/v1/orgs", "{not json");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void duplicateOrganisationIs409() {
    createOrg(admin, p + "-C", "CITY", "SX");
    Api.Res again = createOrg(admin, p + "-C", "CITY", "SX");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("DUPLICATE_ORG");
  }

  @Test
  void nonAdminRolesAre403() {
    cityWithSchool();
    String officer = p.toLowerCase() + ".officer";
    assertThat(createUser(admin, officer, p + "-C-S", "OFFICER", "FINANCE", "MANAGER").status()).isEqualTo(201);
    Api asOfficer = anonymous.as(officer, PW);
    Api.Res r = createOrg(asOfficer, p + "-Z", "GRASSROOTS", p + "-C");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(createUser(asOfficer, p.toLowerCase() + ".x", p + "-C-S", "OFFICER").status()).isEqualTo(403);
    assertThat(asOfficer.post("/api/v1/campaigns", Map.of("code", p, "name", "活动", "startDate", "2024-01-01",
        "endDate", "2024-02-01", "reportDeadline", "2024-02-24")).status()).isEqualTo(403);
    // Reading organisations and campaigns is for everyone, within scope.
    assertThat(codes(asOfficer.get("/api/v1/orgs"))).containsExactly(p + "-C-S");
    assertThat(asOfficer.get("/api/v1/campaigns").status()).isEqualTo(200);
  }

  @Test
  void scopeIsOwnOrganisationAndBelowAndOutsideIsNotFound() {
    cityWithSchool();
    createOrg(admin, p + "-D", "CITY", "SX");
    createUser(admin, p.toLowerCase() + ".other", p + "-D", "OFFICER");
    Api cityAdmin = anonymous.as(p.toLowerCase() + ".cadmin", PW);

    assertThat(codes(cityAdmin.get("/api/v1/orgs"))).containsExactly(p + "-C", p + "-C-S");
    // A sibling city is unknown to them: creating below it or seeing its users is refused as not found.
    assertThat(fieldCodes(createOrg(cityAdmin, p + "-D-S", "GRASSROOTS", p + "-D"))).contains("parentCode:UNKNOWN_ORG");
    assertThat(fieldCodes(createUser(cityAdmin, p.toLowerCase() + ".y", p + "-D", "OFFICER"))).contains("orgCode:UNKNOWN_ORG");
    Api.Res other = cityAdmin.get("/api/v1/users/" + p.toLowerCase() + ".other");
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.code()).isEqualTo("NOT_FOUND");
    // Within scope it works.
    assertThat(createOrg(cityAdmin, p + "-C-T", "GRASSROOTS", p + "-C").status()).isEqualTo(201);
  }

  @Test
  void usersAreCreatedAsTheContractSaysAndKnownToTheEngine() {
    cityWithSchool();
    String name = p.toLowerCase() + ".fin";
    Api.Res r = createUser(admin, name, p + "-C-S", "FINANCE", "MANAGER");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().path("username").asText()).isEqualTo(name);
    assertThat(r.json().path("displayName").asText()).isEqualTo("测试用户");
    assertThat(r.json().path("orgCode").asText()).isEqualTo(p + "-C-S");
    assertThat(StreamSupport.stream(r.json().path("roles").spliterator(), false).map(JsonNode::asText))
        .containsExactlyInAnyOrder("FINANCE", "MANAGER");
    assertThat(r.text()).doesNotContain("password");
    // The password is stored as a BCrypt hash only.
    String hash = jdbc.queryForObject("select password_hash from app_user where username=?", String.class, name);
    assertThat(hash).startsWith("$2").doesNotContain(PW);
    // Engine: user and role@org groups exist, so tasks can be offered to them.
    assertThat(identity.createUserQuery().userId(name).count()).isEqualTo(1);
    assertThat(identity.createGroupQuery().groupMember(name).list()).extracting(g -> g.getId())
        .containsExactlyInAnyOrder(EngineGroups.of(Role.FINANCE, p + "-C-S"), EngineGroups.of(Role.MANAGER, p + "-C-S"));
    // And the user can sign in.
    assertThat(anonymous.as(name, PW).get("/api/v1/orgs").status()).isEqualTo(200);
  }

  @Test
  void invalidUsersAre400AndDuplicates409() {
    cityWithSchool();
    Api.Res r = admin.post("/api/v1/users", Map.of("username", "a b", "password", "short", "displayName", "x",
        "orgCode", p + "-C", "roles", List.of("KING")));
    assertThat(r.status()).isEqualTo(400);
    assertThat(fieldCodes(r)).contains("roles:INVALID_CODE");
    Api.Res r2 = admin.post("/api/v1/users", Map.of("username", "a b", "password", "short", "displayName", "x",
        "orgCode", p + "-C", "roles", List.of()));
    assertThat(fieldCodes(r2)).contains("username:INVALID_USERNAME", "password:PASSWORD_TOO_SHORT",
        "displayName:INVALID_NAME", "roles:ROLE_REQUIRED");
    assertThat(createUser(admin, p.toLowerCase() + ".cadmin", p + "-C", "OFFICER").code()).isEqualTo("DUPLICATE_USER");
  }

  @Test
  void campaignsAsTheContractSays() {
    Api.Res r = admin.post("/api/v1/campaigns", Map.of("code", p, "name", "2024年元旦春节送温暖",
        "startDate", "2023-12-28", "endDate", "2024-02-20", "reportDeadline", "2024-02-24"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().path("code").asText()).isEqualTo(p);
    assertThat(r.json().path("startDate").asText()).isEqualTo("2023-12-28");
    assertThat(r.json().path("reportDeadline").asText()).isEqualTo("2024-02-24");
    assertThat(admin.getAll("/api/v1/campaigns").stream().map(n -> n.path("code").asText())).contains(p);

    Api.Res backwards = admin.post("/api/v1/campaigns", Map.of("code", p + "B", "name", "倒序",
        "startDate", "2024-02-01", "endDate", "2024-01-01", "reportDeadline", "2023-12-01"));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(fieldCodes(backwards)).contains("endDate:END_BEFORE_START", "reportDeadline:DEADLINE_BEFORE_START");
    assertThat(admin.post("/api/v1/campaigns", Map.of("code", p, "name", "重复", "startDate", "2024-01-01",
        "endDate", "2024-02-01", "reportDeadline", "2024-02-24")).code()).isEqualTo("DUPLICATE_CAMPAIGN");
    assertThat(admin.post("/api/v1/campaigns", "{\"code\":\"X1\",\"startDate\":\"2024-13-45\"}").status()).isEqualTo(400);
    assertThat(jdbc.queryForObject("select count(*) from campaign where code=?", Integer.class, p + "B")).isZero();
  }

  @Test
  void fiveWrongPasswordsLockTheAccountFor15Minutes() {
    cityWithSchool();
    String name = p.toLowerCase() + ".lock";
    createUser(admin, name, p + "-C", "OFFICER");
    Api wrong = anonymous.as(name, "wrong-password");
    for (int i = 0; i < 4; i++) {
      assertThat(wrong.get("/api/v1/orgs").status()).isEqualTo(401);
    }
    Api right = anonymous.as(name, PW);
    assertThat(right.get("/api/v1/orgs").status()).as("four failures do not lock").isEqualTo(200);
    assertThat(jdbc.queryForObject("select failed_attempts from app_user where username=?", Integer.class, name))
        .as("a success clears the count").isZero();
    for (int i = 0; i < 5; i++) {
      wrong.get("/api/v1/orgs");
    }
    Api.Res locked = right.get("/api/v1/orgs");
    assertThat(locked.status()).isEqualTo(401);
    assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");
    clock.advance(Duration.ofMinutes(14));
    assertThat(right.get("/api/v1/orgs").status()).isEqualTo(401);
    clock.advance(Duration.ofMinutes(2));
    assertThat(right.get("/api/v1/orgs").status()).as("unlocked after 15 minutes").isEqualTo(200);
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action='USER_LOCKED' and entity_id=?",
        Integer.class, name)).isEqualTo(1);
  }

  @Test
  void fortyParallelWrongPasswordsGetFiveChecksThenLockedNever500() throws Exception {
    cityWithSchool();
    String name = p.toLowerCase() + ".race";
    assertThat(createUser(admin, name, p + "-C", "OFFICER").status()).isEqualTo(201);
    Api wrong = anonymous.as(name, "wrong-password-x");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
    try {
      var answers = pool.invokeAll(java.util.Collections.nCopies(40,
          (java.util.concurrent.Callable<Api.Res>) () -> wrong.get("/api/v1/orgs")));
      Map<String, Long> byCode = new java.util.TreeMap<>();
      for (var f : answers) {
        Api.Res r = f.get();
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        byCode.merge(r.code(), 1L, Long::sum);
      }
      // A wrong password checked answers UNAUTHENTICATED; the rest were refused unchecked.
      assertThat(byCode).isEqualTo(Map.of("UNAUTHENTICATED", 5L, "ACCOUNT_LOCKED", 35L));
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action='USER_LOCKED' and entity_id=?",
        Integer.class, name)).isEqualTo(1);
    assertThat(anonymous.as(name, PW).get("/api/v1/orgs").code()).as("even the right password waits")
        .isEqualTo("ACCOUNT_LOCKED");
    clock.advance(Duration.ofMinutes(16));
    assertThat(anonymous.as(name, PW).get("/api/v1/orgs").status()).isEqualTo(200);
  }

  @Test
  void aPasswordOver72BytesIsAWrongPasswordAtSignInAndRefusedWhenSet() {
    cityWithSchool();
    String longOne = "长".repeat(25); // 75 UTF-8 bytes, 25 characters
    Api.Res signIn = anonymous.as("admin", longOne).get("/api/v1/orgs");
    assertThat(signIn.status()).as(signIn.toString()).isEqualTo(401);
    assertThat(signIn.code()).isEqualTo("UNAUTHENTICATED");
    assertThat(anonymous.as("nobody-" + p, "x".repeat(100)).get("/api/v1/orgs").status()).isEqualTo(401);
    String name = p.toLowerCase() + ".long";
    Api.Res r = admin.post("/api/v1/users", Map.of("username", name, "password", longOne, "displayName", "测试用户",
        "orgCode", p + "-C", "roles", List.of("OFFICER")));
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(fieldCodes(r)).containsExactly("password:PASSWORD_TOO_LONG");
    assertThat(jdbc.queryForObject("select count(*) from app_user where username=?", Integer.class, name)).isZero();
    // Exactly 72 bytes is allowed and signs in.
    String max = "warmth-" + "q7Lm-".repeat(13);
    assertThat(max.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(72);
    assertThat(admin.post("/api/v1/users", Map.of("username", name, "password", max, "displayName", "测试用户",
        "orgCode", p + "-C", "roles", List.of("OFFICER"))).status()).isEqualTo(201);
    assertThat(anonymous.as(name, max).get("/api/v1/orgs").status()).isEqualTo(200);
  }

  @Test
  void weakPasswordsAreRefusedWithTheirReason() {
    cityWithSchool();
    String name = p.toLowerCase() + ".weak";
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put("12345678", "PASSWORD_TOO_SHORT");
    expected.put("aaaaaaaa", "PASSWORD_TOO_SHORT");
    expected.put(name, "PASSWORD_CONTAINS_USERNAME");
    expected.put("My-" + name.toUpperCase() + "-pw", "PASSWORD_CONTAINS_USERNAME");
    expected.put("1234567890", "PASSWORD_TOO_COMMON");
    expected.put("Password123", "PASSWORD_TOO_COMMON");
    expected.put("woaini1314", "PASSWORD_TOO_COMMON");
    expected.put("aaaaaaaaaaaa", "PASSWORD_TOO_SIMPLE");
    expected.put("xyz-abcdefg-9", "PASSWORD_TOO_SIMPLE");
    expected.put("   ", "REQUIRED");
    expected.forEach((pw, code) -> {
      Api.Res r = admin.post("/api/v1/users", Map.of("username", name, "password", pw, "displayName", "测试用户",
          "orgCode", p + "-C", "roles", List.of("OFFICER")));
      assertThat(r.status()).as(pw + " " + r).isEqualTo(400);
      assertThat(fieldCodes(r)).as(pw).containsExactly("password:" + code);
    });
    assertThat(jdbc.queryForObject("select count(*) from app_user where username=?", Integer.class, name)).isZero();
    assertThat(createUser(admin, name, p + "-C", "OFFICER").status()).isEqualTo(201);
  }

  @Test
  void engineRestApiIsGone() {
    cityWithSchool();
    createUser(admin, p.toLowerCase() + ".mgr", p + "-C", "MANAGER");
    assertThat(anonymous.get("/engine-rest/engine").status()).isEqualTo(404);
    assertThat(anonymous.as(p.toLowerCase() + ".mgr", PW).get("/engine-rest/engine").status()).isEqualTo(404);
    assertThat(admin.get("/engine-rest/engine").status()).isEqualTo(404);
  }

  @Test
  void tasksAreAnEmptyListWithoutProcesses() {
    cityWithSchool();
    Api.Res r = anonymous.as(p.toLowerCase() + ".cadmin", PW).get("/api/v1/tasks");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().isArray()).isTrue();
  }

  @Test
  void openApiDescriptionIsServedToSignedInUsersOnly() {
    Api.Res anon = anonymous.get("/v3/api-docs");
    assertThat(anon.status()).isEqualTo(401);
    assertThat(anon.code()).isEqualTo("UNAUTHENTICATED");
    assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(302);
    cityWithSchool();
    createUser(admin, p.toLowerCase() + ".docs", p + "-C", "OFFICER");
    Api.Res r = anonymous.as(p.toLowerCase() + ".docs", PW).get("/v3/api-docs");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("paths").has("/api/v1/orgs")).isTrue();
  }

  static List<String> codes(Api.Res r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return StreamSupport.stream(r.json().spliterator(), false).map(n -> n.path("code").asText()).toList();
  }

  static List<String> fieldCodes(Api.Res r) {
    return StreamSupport.stream(r.json().path("errors").spliterator(), false)
        .map(n -> n.path("field").asText() + ":" + n.path("code").asText()).toList();
  }

}

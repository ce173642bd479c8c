package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.BrowserSession;
import cn.warmth.support.H2Test;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages as a browser meets them: form login, CSRF, headers, roles, language, the console. */
@H2Test
class WebPagesTest {
  @LocalServerPort
  int port;
  String p;

  @BeforeEach
  void setUp() {
    p = "w" + UUID.randomUUID().toString().substring(0, 6);
    Api admin = Api.at(port).as("admin", "warmth-root-pw-1");
    // A unit of their own: officers at the province would see every case's tasks.
    admin.post("/api/v1/orgs", Map.of("code", p.toUpperCase() + "-U", "name", "网页测试单位", "type", "GRASSROOTS",
        "parentCode", "SX"));
    admin.post("/api/v1/users", Map.of("username", p + ".officer", "password", "secret-pass-1", "displayName", "周敏",
        "orgCode", p.toUpperCase() + "-U", "roles", List.of("OFFICER")));
  }

  @Test
  void loginPageIsChineseAndCarriesSecurityHeaders() {
    HttpResponse<String> r = new BrowserSession(port).get("/login");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("用户名", "密码", "登录");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'", "frame-ancestors 'none'");
    assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void englishIsAvailable() {
    BrowserSession s = new BrowserSession(port);
    assertThat(s.get("/login?lang=en").body()).contains("Username", "Sign in");
    // The choice sticks (cookie).
    assertThat(s.get("/login").body()).contains("Username");
  }

  @Test
  void pagesNeedSignInAndLoginNeedsCsrf() {
    BrowserSession s = new BrowserSession(port);
    assertThat(s.get("/").headers().firstValue("Location").orElse("")).endsWith("/login");
    HttpResponse<String> noToken = s.post("/login", "username=admin&password=warmth-root-pw-1");
    assertThat(noToken.statusCode()).isEqualTo(403);
  }

  @Test
  void officerSeesHomeButNotAdministrationNorConsole() {
    BrowserSession s = new BrowserSession(port);
    assertThat(s.login(p + ".officer", "secret-pass-1")).endsWith("/");
    HttpResponse<String> home = s.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("我的待办", "工会经办人", "暂无待办").doesNotContain("/admin/orgs");
    assertThat(s.get("/admin/orgs").statusCode()).isEqualTo(403);
    assertThat(s.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
    assertThat(s.get("/camunda/api/admin/auth/user/default/").statusCode()).isEqualTo(403);
  }

  @Test
  void wrongPasswordShowsAChineseMessage() {
    BrowserSession s = new BrowserSession(port);
    assertThat(s.login(p + ".officer", "nope")).endsWith("/login?error");
    assertThat(s.get("/login?error").body()).contains("用户名或密码错误");
  }

  @Test
  void adminUsesTheConsoleWithTheApplicationsOwnLogin() {
    BrowserSession s = new BrowserSession(port);
    s.login("admin", "warmth-root-pw-1");
    assertThat(s.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> auth = s.get("/camunda/api/admin/auth/user/default/");
    assertThat(auth.statusCode()).isEqualTo(200);
    assertThat(auth.body()).contains("\"userId\":\"admin\"", "cockpit", "admin");
  }

  @Test
  void adminManagesOrganisationsThroughTheForm() {
    BrowserSession s = new BrowserSession(port);
    s.login("admin", "warmth-root-pw-1");
    String token = s.csrf("/admin/orgs");
    String code = p.toUpperCase() + "-C";
    HttpResponse<String> ok = s.post("/admin/orgs", "code=" + code + "&name=" + BrowserSession.enc("测试市教育工会")
        + "&type=CITY&parentCode=SX&_csrf=" + BrowserSession.enc(token));
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(s.get("/admin/orgs").body()).contains("测试市教育工会", code);

    token = s.csrf("/admin/orgs");
    HttpResponse<String> bad = s.post("/admin/orgs", "code=bad+code&name=x&type=CITY&parentCode=SX&_csrf="
        + BrowserSession.enc(token));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("组织代码须为", "名称须为");
  }

  @Test
  void adminSetsTheDibaoStandardAndChildrenInheritIt() {
    BrowserSession s = new BrowserSession(port);
    s.login("admin", "warmth-root-pw-1");
    String code = p.toUpperCase() + "-D";
    String token = s.csrf("/admin/orgs");
    s.post("/admin/orgs", "code=" + code + "&name=" + BrowserSession.enc("低保测试市") + "&type=CITY&parentCode=SX&_csrf="
        + BrowserSession.enc(token));
    token = s.csrf("/admin/orgs");
    assertThat(s.post("/admin/orgs/dibao", "code=" + code + "&monthlyYuan=-1&_csrf=" + BrowserSession.enc(token)).body())
        .contains("金额须为");
    token = s.csrf("/admin/orgs");
    assertThat(s.post("/admin/orgs/dibao", "code=" + code + "&monthlyYuan=950.5&_csrf=" + BrowserSession.enc(token))
        .statusCode()).isEqualTo(302);
    assertThat(s.get("/admin/orgs").body()).contains("低保 950.50 元/月");
  }

  @Test
  void campaignPagesRenderWithTheirCampaignPicker() {
    Api admin = Api.at(port).as("admin", "warmth-root-pw-1");
    admin.post("/api/v1/campaigns", Map.of("code", p.toUpperCase() + "-CP", "name", "页面测试活动", "startDate", "2020-01-01",
        "endDate", "2020-02-01", "reportDeadline", "2020-02-20"));
    admin.post("/api/v1/users", Map.of("username", p + ".all", "password", "secret-pass-1", "displayName", "全角色",
        "orgCode", p.toUpperCase() + "-U", "roles", List.of("OFFICER", "FINANCE", "MANAGER")));
    BrowserSession s = new BrowserSession(port);
    s.login(p + ".all", "secret-pass-1");
    for (String page : List.of("/funds", "/reports", "/dashboard", "/public-list", "/statistics", "/activities")) {
      HttpResponse<String> r = s.get(page + "?campaign=" + p.toUpperCase() + "-CP");
      assertThat(r.statusCode()).as(page).isEqualTo(200);
      assertThat(r.body()).as(page).contains("页面测试活动");
    }
  }

  @Test
  void adminSeesTheAuditLog() {
    BrowserSession s = new BrowserSession(port);
    s.login("admin", "warmth-root-pw-1");
    HttpResponse<String> r = s.get("/admin/audit?entityType=USER&entityId=" + p + ".officer");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("USER_CREATED", p + ".officer");
  }

  @Test
  void formsAnswer403ToRolesThatCannotSubmitThem() {
    Api admin = Api.at(port).as("admin", "warmth-root-pw-1");
    admin.post("/api/v1/users", Map.of("username", p + ".manager", "password", "secret-pass-1", "displayName", "王经理",
        "orgCode", p.toUpperCase() + "-U", "roles", List.of("MANAGER", "FINANCE")));
    Api.Res w = Api.at(port).as(p + ".officer", "secret-pass-1").post("/api/v1/workers", Map.of("name", "表单测试",
        "idNumber", cn.warmth.support.TestIds.nextId(), "orgCode", p.toUpperCase() + "-U", "employmentType", "ESTABLISHED",
        "disabled", false));
    long wid = w.json().path("id").asLong();
    BrowserSession manager = new BrowserSession(port);
    manager.login(p + ".manager", "secret-pass-1");
    for (String form : List.of("/workers/new", "/workers/" + wid + "/edit", "/workers/import",
        "/workers/" + wid + "/hardship-file/new", "/cases/new", "/admin/orgs", "/admin/users", "/admin/campaigns")) {
      HttpResponse<String> r = manager.request(form, b -> b.header("Accept", "text/html,application/xhtml+xml").GET());
      assertThat(r.statusCode()).as(form).isEqualTo(403);
      assertThat(r.body()).as(form).contains("您没有执行此操作的权限");
    }
    // The pages they may use show no form they cannot submit.
    assertThat(manager.get("/workers/" + wid).body()).doesNotContain("/workers/" + wid + "/edit", "/workers/" + wid + "/bank-card");
    assertThat(manager.get("/workers/" + (wid + 1_000_000)).statusCode()).as("out of scope").isEqualTo(404);
    BrowserSession officer = new BrowserSession(port);
    officer.login(p + ".officer", "secret-pass-1");
    assertThat(officer.get("/workers/new").statusCode()).isEqualTo(200);
    assertThat(officer.get("/payment-batches").body()).doesNotContain("build-form");
    assertThat(officer.get("/funds").body()).doesNotContain("fund-form");
  }

  @Test
  void behindATrustedProxyRedirectsStayOnHttps() {
    HttpResponse<String> r = new BrowserSession(port).request("/", b -> b.header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-Host", "warmth.example.cn").GET());
    assertThat(r.headers().firstValue("Location").orElse("")).startsWith("https://warmth.example.cn/login");
  }

  @Test
  void theApiDescriptionNeedsASignedInUser() {
    assertThat(new BrowserSession(port).get("/v3/api-docs").statusCode()).isEqualTo(401);
    BrowserSession s = new BrowserSession(port);
    s.login(p + ".officer", "secret-pass-1");
    assertThat(s.get("/v3/api-docs").statusCode()).isEqualTo(200);
    assertThat(s.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
  }
}

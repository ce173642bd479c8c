package cn.warmth.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.BrowserSession;
import cn.warmth.support.H2Test;
import cn.warmth.support.Scenario;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's back doors: the REST API is gone, the console is for root ADMINs and cannot
 * deploy, complete, change or delete anything.
 */
@H2Test
class ConsoleTest {
  private static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="x">
        <process id="evil" isExecutable="true" camunda:historyTimeToLive="P1D">
          <startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/>
          <endEvent id="e"><extensionElements><camunda:executionListener event="start"
            expression="${environment.getProperty('app.pii.encryption-key')}"/></extensionElements></endEvent>
        </process>
      </definitions>
      """;

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;

  @Test
  void engineRestApiIsNotFoundForEveryone() {
    Scenario s = new Scenario(port);
    for (Api caller : List.of(s.anonymous, s.as("manager"), s.admin)) {
      assertThat(caller.get("/engine-rest/engine").status()).isEqualTo(404);
      assertThat(caller.get("/engine-rest/process-definition").status()).isEqualTo(404);
      assertThat(caller.postRaw("/engine-rest/deployment/create", "multipart/form-data; boundary=x",
          multipart("x").getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(404);
    }
  }

  @Test
  void aCityAdminIsKeptOutOfTheConsole() {
    Scenario s = new Scenario(port);
    s.admin.post("/api/v1/users", Map.of("username", s.name("cityadmin"), "password", Scenario.PW,
        "displayName", "市管理员", "orgCode", s.city, "roles", List.of("ADMIN")));
    BrowserSession city = new BrowserSession(port);
    assertThat(city.login(s.name("cityadmin"), Scenario.PW)).endsWith("/");
    assertThat(city.get("/").body()).as("no console link").contains("/admin/orgs").doesNotContain("/camunda/app/cockpit");
    assertThat(city.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
    assertThat(city.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
    HttpResponse<String> api = city.get("/camunda/api/admin/auth/user/default/");
    assertThat(api.statusCode()).isEqualTo(403);
    assertThat(api.body()).contains("ROLE_NOT_ALLOWED");
    assertThat(city.get(ENGINE + "/process-instance").statusCode()).isEqualTo(403);
  }

  @Test
  void theRootAdminReadsButCannotDeployOrChangeAnything() {
    BrowserSession admin = new BrowserSession(port);
    admin.login("admin", "warmth-root-pw-1");
    assertThat(admin.get("/").body()).contains("/camunda/app/cockpit/default/");
    assertThat(admin.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
    assertThat(admin.get("/camunda/api/admin/auth/user/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> definitions = admin.get(ENGINE + "/process-definition?latestVersion=true");
    assertThat(definitions.statusCode()).isEqualTo(200);
    assertThat(definitions.body()).contains("aidCase");
    String xsrf = admin.cookie("XSRF-TOKEN");
    assertThat(xsrf).as("the console hands out its CSRF token on a read").isNotNull();

    // The queries Cockpit sends as POST still work.
    assertThat(post(admin, xsrf, ENGINE + "/process-instance/count", "{}").statusCode()).isEqualTo(200);
    assertThat(post(admin, xsrf, ENGINE + "/history/process-instance?firstResult=0&maxResults=5", "{}").statusCode())
        .isEqualTo(200);
    assertThat(post(admin, xsrf, "/camunda/api/cockpit/plugin/base/default/process-instance/count", "{}").statusCode())
        .isEqualTo(200);

    long deployments = repository.createDeploymentQuery().count();
    String deploymentId = repository.createDeploymentQuery().list().get(0).getId();
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("aidCase").latestVersion()
        .singleResult().getId();
    long instances = runtime.createProcessInstanceQuery().count();

    List<HttpResponse<String>> refused = List.of(
        admin.request(ENGINE + "/deployment/create", b -> b.header("X-XSRF-TOKEN", xsrf)
            .header("Content-Type", "multipart/form-data; boundary=x")
            .POST(HttpRequest.BodyPublishers.ofString(multipart("x")))),
        post(admin, xsrf, ENGINE + "/deployment/" + deploymentId + "/redeploy", "{}"),
        admin.request(ENGINE + "/deployment/" + deploymentId, b -> b.header("X-XSRF-TOKEN", xsrf).DELETE()),
        post(admin, xsrf, ENGINE + "/process-definition/" + definitionId + "/start", "{}"),
        post(admin, xsrf, ENGINE + "/process-definition/key/aidCase/start", "{}"),
        post(admin, xsrf, ENGINE + "/process-definition/" + definitionId + "/submit-form", "{}"),
        post(admin, xsrf, ENGINE + "/process-instance/delete", "{\"processInstanceIds\":[]}"),
        post(admin, xsrf, ENGINE + "/process-instance/x/modification", "{}"),
        admin.request(ENGINE + "/process-instance/x/variables/y", b -> b.header("X-XSRF-TOKEN", xsrf)
            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"value\":1}"))),
        post(admin, xsrf, ENGINE + "/task/x/complete", "{}"),
        post(admin, xsrf, ENGINE + "/task/x/claim", "{\"userId\":\"admin\"}"),
        post(admin, xsrf, ENGINE + "/task/create", "{}"),
        post(admin, xsrf, ENGINE + "/job/x/execute", "{}"),
        post(admin, xsrf, ENGINE + "/message", "{\"messageName\":\"x\"}"),
        post(admin, xsrf, ENGINE + "/user/create", "{}"),
        post(admin, xsrf, "/camunda/api/admin/setup/default/user/create", "{}"),
        post(admin, xsrf, "/camunda/api/admin/auth/user/default/login/cockpit", "username=admin&password=x"),
        // A query route asked to behave as another method.
        admin.request(ENGINE + "/process-instance", b -> b.header("X-XSRF-TOKEN", xsrf)
            .header("X-HTTP-Method-Override", "DELETE").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))));
    for (HttpResponse<String> r : refused) {
      assertThat(r.statusCode()).as(r.request().method() + " " + r.request().uri()).isEqualTo(403);
      assertThat(r.body()).as(r.request().uri().toString()).contains("CONSOLE_READ_ONLY");
    }
    assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("evil").count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);

    // Tasklist is switched off.
    assertThat(admin.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
    assertThat(admin.get("/camunda/api/tasklist/plugin/x").statusCode()).isEqualTo(403);
  }

  private static HttpResponse<String> post(BrowserSession s, String xsrf, String path, String json) {
    return s.request(path, b -> b.header("X-XSRF-TOKEN", xsrf).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static String multipart(String boundary) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nevil\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"evil.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + BPMN + "\r\n--" + boundary + "--\r\n";
  }
}

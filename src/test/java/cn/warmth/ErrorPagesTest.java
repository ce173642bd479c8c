package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.BrowserSession;
import cn.warmth.support.Flows;
import cn.warmth.support.H2Test;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Errors as pages, never a 500 (issue 11): unknown or out-of-scope records answer the 404 page,
 * bad parameters a 400 page with the reason, a form someone else dealt with first is shown again
 * with "已被他人处理" and what the user typed; all in the application's layout, none with a
 * stack trace in the log.
 */
@H2Test
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesTest {
  @LocalServerPort
  int port;
  @Autowired
  MutableClock clock;
  Scenario s;
  Flows f;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    f = new Flows(s, LocalDate.now(clock));
  }

  BrowserSession page(Scenario in, String role) {
    BrowserSession b = new BrowserSession(port);
    b.login(in.name(role), Scenario.PW);
    return b;
  }

  @Test
  void unknownAndOutOfScopeRecordsAreThe404PageAndBadParametersA400PageWithTheReason(CapturedOutput log) {
    String caseNumber = f.openCase("CASH", "500", 3);
    long file = f.submitFile();
    Scenario other = new Scenario(port);
    BrowserSession stranger = page(other, "officer");
    BrowserSession officer = page(s, "officer");
    int logBefore = log.getAll().length();

    for (String path : List.of("/cases/" + caseNumber, "/hardship-files/" + file, "/cases/XA-2026-999999",
        "/workers/99999999", "/hardship-files/x", "/hardship-files/99999999", "/payment-batches/99999999",
        "/reports/99999999", "/reports/abc", "/workers/12abc", "/cases?org=" + s.school)) {
      HttpResponse<String> r = stranger.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.body()).as(path).contains("找不到该页面或记录", "id=\"current-user\"", "navbar")
          .doesNotContain("职工家中", "档案职工");
    }
    Map<String, String> bad = Map.of("/visits?week=bad", "week", "/cases?status=BAD", "status",
        "/cases?category=C99", "category", "/cases/new?workerId=abc", "workerId", "/workers?page=-1", "page",
        "/workers?size=100000", "size", "/hardship-files?status=ALIVE", "status", "/?kind=coffee", "kind",
        "/workers?sort=age", "sort", "/funds?campaign=" + f.campaign + "&source=B9", "source");
    bad.forEach((path, parameter) -> {
      HttpResponse<String> r = officer.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(400);
      assertThat(r.body()).as(path).contains("请求有误", "参数 " + parameter + "：", "id=\"current-user\"");
    });
    // In English too.
    HttpResponse<String> english = officer.get("/visits?week=bad&lang=en");
    assertThat(english.body()).contains("Parameter week:");
    officer.get("/?lang=zh_CN");

    String during = log.getAll().substring(logBefore);
    assertThat(during).as("no stack trace, no error logged for a 4xx").doesNotContain("\tat ", "ERROR",
        "Exception");
  }

  @Test
  void anApprovalSomeoneElseGaveFirstReloadsThePageWithTheTypedCommentKept() {
    String c = f.openCase("CASH", "500", 3);
    BrowserSession schoolFinance = page(s, "finance");
    BrowserSession cityFinance = page(s, "cityfinance");
    String token = cityFinance.csrf("/cases/" + c);
    assertThat(cityFinance.get("/cases/" + c).body()).contains("id=\"approval-form\"");

    // The school's finance signs off first.
    String mine = schoolFinance.csrf("/cases/" + c);
    assertThat(schoolFinance.post("/cases/" + c + "/approval", "decision=APPROVE&comment=" + BrowserSession.enc("同意")
        + "&_csrf=" + BrowserSession.enc(mine)).statusCode()).isEqualTo(302);

    HttpResponse<String> late = cityFinance.post("/cases/" + c + "/approval", "decision=APPROVE&comment="
        + BrowserSession.enc("金额核实无误，同意发放") + "&_csrf=" + BrowserSession.enc(token));
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("已被他人处理", "您填写的内容", "金额核实无误，同意发放",
        "办理中").doesNotContain("id=\"approval-form\"");
    assertThat(s.as("finance").get("/api/v1/cases/" + c).json().path("approvals").size()).isEqualTo(1);
  }

  @Test
  void aFormRefusedForRoleOrInputAnswersItsStatusWithTheFormAgain() {
    String c = f.openCase("CASH", "500", 3);
    BrowserSession manager = page(s, "manager");
    String token = manager.csrf("/cases/" + c);
    HttpResponse<String> role = manager.post("/cases/" + c + "/visit", "outcome=COMPLETED&_csrf="
        + BrowserSession.enc(token));
    assertThat(role.statusCode()).isEqualTo(403);
    assertThat(role.body()).contains("您的角色无权执行此操作");
    f.approveOk("finance", c);
    BrowserSession officer = page(s, "officer");
    token = officer.csrf("/cases/" + c);
    HttpResponse<String> invalid = officer.post("/cases/" + c + "/visit", "outcome=COMPLETED&visitedOn=tomorrow"
        + "&visitors=" + BrowserSession.enc("工会主席") + "&_csrf=" + BrowserSession.enc(token));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("日期格式应为", "id=\"visit-form\"");
    // Out of scope: the error page, not the form.
    Scenario other = new Scenario(port);
    BrowserSession stranger = page(other, "officer");
    String strangerToken = stranger.csrf("/");
    HttpResponse<String> outside = stranger.post("/cases/" + c + "/close", "_csrf=" + BrowserSession.enc(strangerToken));
    assertThat(outside.statusCode()).isEqualTo(404);
    assertThat(outside.body()).contains("找不到该页面或记录");
  }
}

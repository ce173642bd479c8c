package cn.warmth.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.BrowserSession;
import cn.warmth.support.H2Test;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The finance pages as a browser meets them (issue 12): bank profiles, the batch pages, retry, the sign-off panel, the desk. */
@H2Test
class FinancePagesTest {
  @LocalServerPort
  int port;
  @Autowired
  MutableClock clock;
  Scenario s;
  PaymentsFixture f;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    f = new PaymentsFixture(s, LocalDate.now(clock));
  }

  BrowserSession as(String user, String password) {
    BrowserSession web = new BrowserSession(port);
    web.login(user, password);
    return web;
  }

  static String form(String token, String... pairs) {
    StringBuilder b = new StringBuilder("_csrf=").append(BrowserSession.enc(token));
    for (int i = 0; i < pairs.length; i += 2) {
      b.append('&').append(pairs[i]).append('=').append(BrowserSession.enc(pairs[i + 1]));
    }
    return b.toString();
  }

  static String location(HttpResponse<String> r) {
    return r.headers().firstValue("Location").orElse("");
  }

  @Test
  void theAdministratorKeepsBankProfilesOnAPage() {
    BrowserSession admin = as("admin", "warmth-root-pw-1");
    String list = admin.get("/admin/bank-profiles").body();
    assertThat(list).contains("GENERIC", "GBK_PORTAL", "序号|户名|开户行|账号|金额|备注", "成功、交易成功");
    assertThat(admin.get("/admin/bank-profiles/new?copy=GBK_PORTAL").body()).contains("IGNORE=序号", "（副本）");

    String code = "W_" + s.p;
    String token = admin.csrf("/admin/bank-profiles/new");
    HttpResponse<String> bad = admin.post("/admin/bank-profiles/new", form(token, "code", "x", "name", "测", "encoding",
        "GBK", "delimiter", "COMMA", "amountUnit", "FEN", "fileHeader", "true", "fileColumns", "NAME=户名\nFOO=x",
        "resultHeader", "true", "resultColumns", "REFERENCE=备注\nSTATUS=状态", "successValues", "成功",
        "failureValues", "失败"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("代码须为", "名称须为", "列代码“FOO”无效", "缺少必需的列“CARD”");

    token = admin.csrf("/admin/bank-profiles/new");
    HttpResponse<String> ok = admin.post("/admin/bank-profiles/new", form(token, "code", code, "name", "页面测试银行",
        "encoding", "GBK", "delimiter", "TAB", "amountUnit", "FEN", "fileHeader", "true",
        "fileColumns", "NAME=户名\nCARD=账号\nAMOUNT=金额\nREFERENCE=备注", "resultHeader", "true",
        "resultColumns", "REFERENCE=备注\nSTATUS=状态\nMESSAGE=原因", "successValues", "成功，已入账", "failureValues", "失败"));
    assertThat(location(ok)).endsWith("/admin/bank-profiles");
    assertThat(admin.get("/admin/bank-profiles").body()).contains("页面测试银行", code, "成功、已入账");

    token = admin.csrf("/admin/bank-profiles/" + code);
    HttpResponse<String> system = admin.post("/admin/bank-profiles/GENERIC", form(token, "name", "改名", "encoding", "UTF-8",
        "delimiter", "COMMA", "amountUnit", "YUAN", "fileColumns", "NAME=n\nCARD=c\nAMOUNT=a\nREFERENCE=r",
        "resultColumns", "REFERENCE=r\nSTATUS=s", "successValues", "S", "failureValues", "F"));
    assertThat(system.body()).contains("通用格式是接口文档约定的格式");

    assertThat(as(s.name("finance"), Scenario.PW).get("/admin/bank-profiles").statusCode()).isEqualTo(403);
  }

  @Test
  void theBatchPageExplainsEveryRefusedRowAndARetryNeedsIntent() {
    var a = f.queued("600", "B3");
    var b = f.queued("400", "B4");
    BrowserSession finance = as(s.name("finance"), Scenario.PW);
    String batches = finance.get("/payment-batches").body();
    assertThat(batches).contains("待批量发放（按资金来源）", "B3 工会经费", "600.00", "B4", "通用格式（UTF-8，逗号分隔，元）");
    String token = finance.csrf("/payment-batches");
    HttpResponse<String> built = finance.post("/payment-batches", form(token, "orgCode", s.school, "fundSource", "B3",
        "profile", "GENERIC"));
    assertThat(location(built)).contains("/payment-batches/");
    String path = location(built).substring(location(built).indexOf("/payment-batches/"));
    String page = finance.get(path).body();
    assertThat(page).contains(a.caseNumber(), "B3 工会经费", "通用格式").doesNotContain(b.caseNumber());
    assertThat(finance.get(path + "/bank-file").body()).contains(a.card());

    token = finance.csrf(path);
    HttpResponse<String> refused = finance.postFile(path + "/bank-result", token, "file", "回盘.csv",
        ("reference,status,message\r\nXA-1999-000001,SUCCESS,\r\n" + a.caseNumber() + ",PERHAPS,\r\n")
            .getBytes(StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"result-errors\"", "XA-1999-000001", "不在第", "PERHAPS", "无法识别",
        "整个文件未导入");

    token = finance.csrf(path);
    HttpResponse<String> broken = finance.postFile(path + "/bank-result", token, "file", "回盘.csv",
        new byte[] {'r', 'e', 'f', (byte) 0xFF, (byte) 0x80, '\n'});
    assertThat(broken.body()).contains("文件编码无法识别");

    token = finance.csrf(path);
    HttpResponse<String> gbk = finance.postFile(path + "/bank-result", token, "file", "回盘.csv",
        ("reference,status,message\r\n" + a.caseNumber() + ",FAILED,户名与卡号不符\r\n").getBytes(Charset.forName("GBK")));
    assertThat(location(gbk)).endsWith(path);

    BrowserSession officer = as(s.name("officer"), Scenario.PW);
    String casePage = officer.get("/cases/" + a.caseNumber()).body();
    assertThat(casePage).contains("户名与卡号不符", "卡号无误，银行原因", "收款信息自发放失败以来没有更改");
    token = officer.csrf("/cases/" + a.caseNumber());
    assertThat(officer.post("/cases/" + a.caseNumber() + "/payment/retry", form(token)).body())
        .contains("没有更改", "请先在职工页面更正银行卡");
    token = officer.csrf("/cases/" + a.caseNumber());
    assertThat(officer.post("/cases/" + a.caseNumber() + "/payment/retry", form(token, "confirmBankIssue", "true"))
        .body()).contains("必填");
    token = officer.csrf("/cases/" + a.caseNumber());
    HttpResponse<String> retried = officer.post("/cases/" + a.caseNumber() + "/payment/retry",
        form(token, "confirmBankIssue", "true", "note", "已与银行核实，系银行系统故障"));
    assertThat(location(retried)).endsWith("/cases/" + a.caseNumber());
    assertThat(f.payment(a.caseNumber())).isEqualTo("QUEUED");
  }

  @Test
  void aCardFailingTheChecksumIsSavedWithAWarningOnThePage() {
    long worker = f.worker("孙丽", "中国银行", TestIds.nextCard());
    String good = TestIds.nextCard();
    String luhnBad = good.substring(0, 18) + (char) ('0' + (good.charAt(18) - '0' + 1) % 10);
    BrowserSession officer = as(s.name("officer"), Scenario.PW);
    String token = officer.csrf("/workers/" + worker);
    HttpResponse<String> r = officer.post("/workers/" + worker + "/bank-card", form(token, "bankName", "中国银行",
        "bankCardNumber", luhnBad));
    assertThat(location(r)).endsWith("/workers/" + worker);
    assertThat(officer.get("/workers/" + worker).body()).contains("未通过 Luhn 校验", "校验位异常");
  }

  @Test
  void theCasePageShowsWhatTheSignOffNeedsAndLeadsToTheNextCase() {
    Api officerApi = s.as("officer");
    long w1 = f.worker("周正", "中国农业银行", "6228480402564890018");
    long w2 = f.worker("吴红", "中国银行", TestIds.nextCard());
    String first = open(officerApi, w1, "500");
    String second = open(officerApi, w2, "700");

    BrowserSession finance = as(s.name("finance"), Scenario.PW);
    String page = finance.get("/cases/" + first).body();
    assertThat(page).contains("id=\"signoff-panel\"", "签批参考", "中国农业银行", "***************0018", "无困难档案",
        "500.00 元 / 3000.00 元", "资金来源 B3", "待我签批 2 件", "下一件").doesNotContain("6228480402564890018");

    String token = finance.csrf("/cases/" + first);
    assertThat(location(finance.post("/cases/" + first + "/approval", form(token, "decision", "APPROVE"))))
        .endsWith("/cases/" + first);
    String after = finance.get("/cases/" + first).body();
    assertThat(after).doesNotContain("id=\"signoff-panel\"").contains("待我签批 1 件", "/approvals/next?after=" + first);
    assertThat(location(finance.get("/approvals/next?after=" + first))).endsWith("/cases/" + second);
    assertThat(as(s.name("officer"), Scenario.PW).get("/cases/" + second).body()).doesNotContain("签批参考");

    // The desk: the list, a bulk approval, the results per case.
    String desk = finance.get("/approvals").body();
    assertThat(desk).contains(second, "吴红", "700.00", "财务审核");
    token = finance.csrf("/approvals");
    HttpResponse<String> bulk = finance.post("/approvals", form(token, "caseNumbers", second, "caseNumbers",
        "XA-1999-000001", "comment", "同意"));
    assertThat(location(bulk)).contains("/approvals");
    String results = finance.get(location(bulk).substring(location(bulk).indexOf("/approvals"))).body();
    assertThat(results).contains("批量签批完成：同意 1 件，未签批 1 件", "id=\"bulk-results\"", "已同意", "未签批",
        "XA-1999-000001", "没有待您签批的案件");
  }

  String open(Api officer, long workerId, String amount) {
    Api.Res r = officer.post("/api/v1/cases", Map.of("campaignCode", f.campaign, "workerId", workerId, "category", "C1",
        "fundSource", "B3", "paymentMethod", "BANK_CARD", "amountYuan", amount, "reason", "春节慰问", "visit",
        Map.of("plannedDate", f.today.plusDays(2).toString(), "location", "家中", "visitors", "经办人")));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("caseNumber").asText();
  }
}

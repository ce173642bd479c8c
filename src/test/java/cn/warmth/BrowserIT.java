package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Browser;
import cn.warmth.support.BrowserTest;
import cn.warmth.support.PostgresTest;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import org.openqa.selenium.support.ui.Select;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A person in a real browser: signs in, sees the home page, and an administrator the tree. */
@PostgresTest
class BrowserIT extends BrowserTest {

  void login(String username, String password) {
    signIn(username, password);
  }

  @Test
  void adminLogsInAndSeesHomeAndTheOrganisationTree() {
    login("admin", "warmth-root-pw-1");
    assertThat(driver.getTitle()).isEqualTo("我的待办");
    assertThat(driver.findElement(By.id("my-org")).getText()).contains("陕西省教科文卫体工会");
    assertThat(driver.findElement(By.id("my-roles")).getText()).contains("系统管理员");
    assertThat(driver.findElement(By.id("no-tasks")).getText()).isEqualTo("暂无待办事项。");
    Browser.screenshot(driver, "home");

    driver.get(url("/admin/orgs"));
    assertThat(driver.findElement(By.id("org-tree")).getText()).contains("陕西省教科文卫体工会");
    Browser.screenshot(driver, "orgs");

    // The audit log with a filter, on PostgreSQL.
    driver.get(url("/admin/audit?entityType=USER&actor=system"));
    assertThat(driver.findElement(By.id("audit")).getText()).contains("USER_CREATED");
  }

  void logout() {
    driver.manage().deleteAllCookies();
  }

  @Test
  void officerRegistersAndFilesAManagerReviewsInTheBrowser() {
    Scenario s = new Scenario(port);
    login(s.name("officer"), Scenario.PW);
    driver.get(url("/workers/new"));
    driver.findElement(By.id("name")).sendKeys("马晓梅");
    driver.findElement(By.id("idNumber")).sendKeys("610102198001011230");
    new Select(driver.findElement(By.id("orgCode"))).selectByValue(s.school);
    click("#save-worker");
    assertThat(driver.findElement(By.cssSelector("[data-field=idNumber]")).getText()).contains("身份证号无效");

    String id = TestIds.nextId();
    driver.findElement(By.id("idNumber")).clear();
    driver.findElement(By.id("idNumber")).sendKeys(id);
    click("#save-worker");
    assertThat(driver.findElement(By.id("worker-name")).getText()).isEqualTo("马晓梅");
    assertThat(driver.findElement(By.id("id-number")).getText()).isEqualTo(id.substring(0, 3) + "***********" + id.substring(14));
    click("#reveal");
    assertThat(driver.findElement(By.id("id-number")).getText()).isEqualTo(id);

    click("#new-file");
    click("#cat-DEEP");
    new Select(driver.findElement(By.id("mainReason"))).selectByValue("SERIOUS_ILLNESS");
    click("#r-CHILD_EDUCATION");
    driver.findElement(By.id("householdSize")).sendKeys("4");
    driver.findElement(By.id("annualIncomeYuan")).sendKeys("30000");
    driver.findElement(By.id("annualEssentialExpensesYuan")).sendKeys("18000");
    click("#submit-file");
    assertThat(driver.findElement(By.id("file-status")).getText()).isEqualTo("待审核");
    assertThat(driver.findElement(By.id("per-capita")).getText()).isEqualTo("250.00");
    String fileUrl = driver.getCurrentUrl();
    Browser.screenshot(driver, "file-submitted");

    logout();
    login(s.name("manager"), Scenario.PW);
    assertThat(driver.findElement(By.id("tasks")).getText()).contains("审核困难档案");
    driver.get(fileUrl);
    driver.findElement(By.name("comment")).sendKeys("经入户核实，情况属实");
    click("#approve");
    assertThat(driver.findElement(By.id("file-status")).getText()).isEqualTo("公示中");
    assertThat(driver.findElement(By.id("history")).getText()).contains("提交档案", "审核通过");
    Browser.screenshot(driver, "file-in-notice");
  }

  @Test
  void aFullCaseThroughThePagesAsOfficerFinanceAndManager() {
    Scenario s = new Scenario(port);
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    s.admin.post("/api/v1/campaigns", java.util.Map.of("code", s.p + "-BR", "name", s.p + "浏览器测试活动",
        "startDate", today.minusDays(5).toString(), "endDate", today.plusDays(20).toString(),
        "reportDeadline", today.plusDays(25).toString()));
    long worker = s.worker("韩梅梅", TestIds.nextId(), TestIds.nextCard());

    login(s.name("officer"), Scenario.PW);
    driver.get(url("/cases/new?workerId=" + worker));
    new Select(driver.findElement(By.id("campaignCode"))).selectByValue(s.p + "-BR");
    new Select(driver.findElement(By.id("category"))).selectByValue("C2");
    new Select(driver.findElement(By.id("fundSource"))).selectByValue("B3");
    new Select(driver.findElement(By.id("paymentMethod"))).selectByValue("CASH");
    driver.findElement(By.id("amountYuan")).sendKeys("2000");
    driver.findElement(By.id("goodsValueYuan")).sendKeys("500");
    driver.findElement(By.id("goodsDescription")).sendKeys("米、面、油");
    click("#as-E3");
    driver.findElement(By.id("reason")).sendKeys("丈夫突发脑梗住院");
    driver.findElement(By.id("location")).sendKeys("西京医院");
    driver.findElement(By.id("visitors")).sendKeys("工会主席、经办人");
    click("#open-case");
    assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("待审批");
    String caseNumber = driver.findElement(By.id("case-number")).getText();
    String caseUrl = driver.getCurrentUrl();

    logout();
    login(s.name("finance"), Scenario.PW);
    assertThat(driver.findElement(By.id("tasks")).getText()).contains(caseNumber, "财务审核", "韩*梅", "2500.00");
    driver.get(caseUrl);
    click("#approve");
    assertThat(driver.findElement(By.id("approvals")).getText()).contains("财务审核", "测试finance").doesNotContain(s.name("finance"));
    assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("待审批");

    logout();
    login(s.name("manager"), Scenario.PW);
    driver.get(caseUrl);
    click("#approve");
    assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("办理中");

    logout();
    login(s.name("officer"), Scenario.PW);
    driver.get(caseUrl);
    click("#receiptSigned");
    click("#record-visit");
    assertThat(driver.findElement(By.id("payment")).getText()).contains("已发放");
    click("#close-case");
    assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("已结案");
    assertThat(driver.findElement(By.id("timeline")).getText()).contains("财务审核", "负责人审批", "走访慰问", "结案");
    Browser.screenshot(driver, "case-closed");
  }

  @Test
  void aBankBatchRoundTripInTheBrowser() throws Exception {
    Scenario s = new Scenario(port);
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    s.admin.post("/api/v1/campaigns", java.util.Map.of("code", s.p + "-BK", "name", s.p + "发放测试", "startDate",
        today.minusDays(5).toString(), "endDate", today.plusDays(20).toString(), "reportDeadline", today.plusDays(25).toString()));
    String card = TestIds.nextCard();
    long worker = s.worker("李雷", TestIds.nextId(), card);
    String caseNumber = s.as("officer").post("/api/v1/cases", java.util.Map.of("campaignCode", s.p + "-BK", "workerId",
        worker, "category", "C1", "fundSource", "B3", "paymentMethod", "BANK_CARD", "amountYuan", "880", "reason", "慰问",
        "visit", java.util.Map.of("plannedDate", today.plusDays(1).toString(), "location", "家中", "visitors", "经办人")))
        .json().path("caseNumber").asText();
    s.as("finance").post("/api/v1/cases/" + caseNumber + "/approval", java.util.Map.of("decision", "APPROVE"));

    login(s.name("finance"), Scenario.PW);
    driver.get(url("/payment-batches"));
    click("#build-batch");
    assertThat(driver.findElement(By.id("items")).getText()).contains(caseNumber, "李雷", "880.00");
    assertThat(driver.findElement(By.id("batch-status")).getText()).isEqualTo("已生成");
    // Download the bank file with the page's own session, as the link would.
    String href = driver.findElement(By.id("download-csv")).getAttribute("href");
    Object csv = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch(arguments[0]).then(r => r.text()).then(done);", href);
    assertThat(String.valueOf(csv)).startsWith("seq,name,bank,cardNumber,amountYuan,reference").contains(card, caseNumber);
    driver.navigate().refresh();
    assertThat(driver.findElement(By.id("batch-status")).getText()).isEqualTo("已报送银行");

    java.nio.file.Path result = java.nio.file.Files.createTempFile("bank-result", ".csv");
    java.nio.file.Files.writeString(result, "reference,status,message\n" + caseNumber + ",SUCCESS,\n");
    driver.findElement(By.id("result-file")).sendKeys(result.toString());
    click("#import-result");
    assertThat(driver.findElement(By.id("batch-status")).getText()).isEqualTo("全部成功");
    assertThat(driver.findElement(By.id("items")).getText()).contains("成功");
    assertThat(driver.getPageSource()).doesNotContain(card);
    Browser.screenshot(driver, "batch-settled");
  }

  @Test
  void theStatisticsTableDrillsDownAndExports() throws Exception {
    Scenario s = new Scenario(port);
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    s.admin.post("/api/v1/campaigns", java.util.Map.of("code", s.p + "-TB", "name", "2025年元旦春节送温暖", "startDate",
        today.minusDays(5).toString(), "endDate", today.plusDays(20).toString(), "reportDeadline", today.plusDays(25).toString()));
    long worker = s.worker("王芳", TestIds.nextId(), TestIds.nextCard());
    String n = s.as("officer").post("/api/v1/cases", java.util.Map.of("campaignCode", s.p + "-TB", "workerId", worker,
        "category", "C3", "fundSource", "B3", "paymentMethod", "CASH", "amountYuan", "1234.56", "reason", "慰问",
        "visit", java.util.Map.of("plannedDate", today.toString(), "location", "家中", "visitors", "经办人")))
        .json().path("caseNumber").asText();
    s.as("finance").post("/api/v1/cases/" + n + "/approval", java.util.Map.of("decision", "APPROVE"));
    s.as("officer").post("/api/v1/cases/" + n + "/visit", java.util.Map.of("outcome", "COMPLETED", "visitedOn",
        today.toString(), "visitors", "经办人", "notes", "已慰问", "receiptSigned", true));
    s.as("officer").post("/api/v1/cases/" + n + "/close", java.util.Map.of());

    login(s.name("citymanager"), Scenario.PW);
    driver.get(url("/statistics?campaign=" + s.p + "-TB&org=" + s.city));
    assertThat(driver.findElement(By.id("stat-title")).getText()).isEqualTo("2025年元旦春节期间各级工会送温暖统计表");
    assertThat(driver.findElement(By.id("cell-C3")).getText()).isEqualTo("1");
    assertThat(driver.findElement(By.id("cell-D3")).getText()).isEqualTo("0.12");
    Browser.screenshot(driver, "statistics-table");
    click("#cell-C3");
    assertThat(driver.findElement(By.id("drill-cases")).getText()).contains(n);
    driver.findElement(By.linkText(n)).click();
    assertThat(driver.findElement(By.id("case-number")).getText()).isEqualTo(n);

    driver.get(url("/statistics?campaign=" + s.p + "-TB&org=" + s.city));
    String href = driver.findElement(By.id("export")).getAttribute("href");
    Object size = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => done(b.byteLength));", href);
    assertThat(((Number) size).longValue()).isGreaterThan(3000);
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.camunda.bpm.engine.RepositoryService repository;

  String table(java.util.function.UnaryOperator<String> change) throws java.io.IOException {
    String original = new String(getClass().getResourceAsStream("/bpmn/approval-steps.dmn").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    String changed = change.apply(original);
    assertThat(changed).isNotEqualTo(original);
    return changed;
  }

  java.util.List<String> actions(Scenario s, String who, String caseNumber) {
    return java.util.stream.StreamSupport.stream(s.as(who).get("/api/v1/cases/" + caseNumber).json().path("actions")
        .spliterator(), false).map(com.fasterxml.jackson.databind.JsonNode::asText).toList();
  }

  boolean approveButton(String caseNumber) {
    driver.get(url("/cases/" + caseNumber));
    driver.findElement(By.id("case-number"));
    return !driver.findElements(By.id("approve")).isEmpty();
  }

  /** Tables deployed at runtime decide who gets the approve button: on the page and in actions, with no code. */
  @Test
  void aStricterAndAManagerOnlyDecisionTableGiveTheRightPersonTheApproveButton() throws Exception {
    Scenario s = new Scenario(port);
    cn.warmth.support.Flows f = new cn.warmth.support.Flows(s, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
    String managerOnly = table(t -> t.replaceAll("(<outputEntry id=\"r\\dFinance\"><text>)true(</text>)", "$1false$2")
        .replace("<outputEntry id=\"r3Manager\"><text>false</text>", "<outputEntry id=\"r3Manager\"><text>true</text>"));
    var deployment = repository.createDeployment().name("manager only").addString("approval-steps.dmn", managerOnly).deploy();
    String c;
    try {
      c = f.openCase("CASH", "500", 3);
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
    assertThat(actions(s, "finance", c)).isEmpty();
    assertThat(actions(s, "manager", c)).containsExactly("APPROVE_MANAGER");
    login(s.name("finance"), Scenario.PW);
    assertThat(approveButton(c)).as("finance has nothing to sign").isFalse();
    logout();
    login(s.name("manager"), Scenario.PW);
    assertThat(driver.findElement(By.id("tasks")).getText()).contains(c, "负责人审批");
    Browser.screenshot(driver, "inbox-manager");
    assertThat(approveButton(c)).isTrue();
    Browser.screenshot(driver, "manager-only-table");
    click("#approve");
    assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("办理中");
    logout();

    // Stricter: the manager signs from 1,000 yuan, after finance.
    var stricter = repository.createDeployment().name("stricter").addString("approval-steps.dmn",
        table(t -> t.replace("&gt; 200000", "&gt; 100000"))).deploy();
    String big;
    try {
      big = f.openCase("CASH", "1500", 3);
    } finally {
      repository.deleteDeployment(stricter.getId(), true);
    }
    login(s.name("manager"), Scenario.PW);
    assertThat(approveButton(big)).as("finance first").isFalse();
    logout();
    login(s.name("finance"), Scenario.PW);
    assertThat(approveButton(big)).isTrue();
    click("#approve");
    assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("待审批");
    assertThat(approveButton(big)).as("finance has signed").isFalse();
    logout();
    login(s.name("manager"), Scenario.PW);
    assertThat(approveButton(big)).isTrue();
    assertThat(actions(s, "manager", big)).containsExactly("APPROVE_MANAGER");
    click("#approve");
    assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("办理中");
    assertThat(driver.findElement(By.id("timeline")).getText()).contains("财务审核（同意，测试finance", "负责人审批（同意，测试manager");
    Browser.screenshot(driver, "stricter-table-timeline");
  }

  @Test
  void wrongPasswordStaysOnLoginWithAChineseMessage() {
    login("admin", "wrong-password");
    assertThat(driver.findElement(By.id("login-error")).getText()).contains("用户名或密码错误");
  }
  @Test
  void theFinanceDeskApprovesManyAndLeadsFromOneSignOffToTheNext() {
    Scenario s = new Scenario(port);
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    String campaign = s.p + "-FD";
    s.admin.post("/api/v1/campaigns", java.util.Map.of("code", campaign, "name", s.p + "签批测试", "startDate",
        today.minusDays(5).toString(), "endDate", today.plusDays(20).toString(), "reportDeadline", today.plusDays(25).toString()));
    s.admin.post("/api/v1/users", java.util.Map.of("username", s.name("desk"), "password", Scenario.PW, "displayName",
        "财务兼经办", "orgCode", s.school, "roles", java.util.List.of("OFFICER", "FINANCE")));
    java.util.function.BiFunction<String, String[], String> open = (who, a) -> {
      String card = TestIds.nextCard();
      long w = s.as(who).post("/api/v1/workers", java.util.Map.of("name", a[0], "idNumber", TestIds.nextId(), "orgCode",
          s.school, "employmentType", "ESTABLISHED", "disabled", false, "bankName", "中国银行", "bankCardNumber", card))
          .json().path("id").asLong();
      return s.as(who).post("/api/v1/cases", java.util.Map.of("campaignCode", campaign, "workerId", w, "category", "C1",
          "fundSource", a[1], "paymentMethod", "BANK_CARD", "amountYuan", a[2], "reason", "春节慰问", "visit",
          java.util.Map.of("plannedDate", today.plusDays(2).toString(), "location", "家中", "visitors", "经办人")))
          .json().path("caseNumber").asText();
    };
    String a = open.apply("officer", new String[] {"赵一", "B3", "300"});
    String b = open.apply("officer", new String[] {"钱二", "B4", "400"});
    String own = open.apply("desk", new String[] {"孙三", "B3", "500"});

    login(s.name("desk"), Scenario.PW);
    click("#nav-approvals");
    assertThat(driver.findElement(By.id("waiting")).getText()).contains(a, b, own, "赵一", "本人立案，不能签批");
    new Select(driver.findElement(By.id("filter-source"))).selectByValue("B4");
    click("#apply-filter");
    assertThat(driver.findElement(By.id("waiting")).getText()).contains(b).doesNotContain(a);
    driver.get(url("/approvals"));
    click("#select-all");
    assertThat(driver.findElements(By.cssSelector("input.case-select:checked"))).hasSize(3);
    driver.findElement(By.id("bulk-comment")).sendKeys("资料齐全，同意");
    click("#bulk-approve");
    String results = driver.findElement(By.id("bulk-results")).getText();
    assertThat(results).contains(a, b, own, "已同意", "未签批");
    assertThat(driver.findElement(By.id("waiting")).getText()).contains(own).doesNotContain(a);
    Browser.screenshot(driver, "finance-desk-results");

    // One by one: the panel shows what the sign-off needs; after signing, "next" leads on.
    String c = open.apply("officer", new String[] {"李四", "B3", "600"});
    String d = open.apply("officer", new String[] {"周五", "B3", "700"});
    driver.get(url("/cases/" + c));
    String panel = driver.findElement(By.id("signoff-panel")).getText();
    assertThat(panel).contains("签批参考", "中国银行", "无困难档案", "600.00 元 / 3000.00 元", "资金来源 B3");
    Browser.screenshot(driver, "signoff-panel");
    click("#approve");
    assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("办理中");
    click("#next-case");
    assertThat(driver.findElement(By.id("case-number")).getText()).isEqualTo(d);
    assertThat(driver.findElement(By.id("signoff-panel")).getText()).contains("700.00 元 / 3000.00 元");
  }
}

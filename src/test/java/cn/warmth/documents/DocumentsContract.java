package cn.warmth.documents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.BrowserSession;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The printed documents read back from their PDFs (PDFBox): pages, text, masked numbers only, scope. */
abstract class DocumentsContract {
  @LocalServerPort
  int port;
  @Autowired
  MutableClock clock;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  Scenario s;
  String campaign;
  LocalDate today;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    today = LocalDate.now(clock);
    campaign = s.p + "-DOC";
    assertThat(s.admin.post("/api/v1/campaigns", Map.of("code", campaign, "name", "2026年元旦春节送温暖", "startDate",
        today.minusDays(10).toString(), "endDate", today.plusDays(30).toString(), "reportDeadline",
        today.plusDays(40).toString())).status()).isEqualTo(201);
  }

  record Pdf(int pages, String text) {}

  static Pdf read(Api.Res r) throws IOException {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/pdf");
    try (PDDocument doc = Loader.loadPDF(r.bytes())) {
      // Cells wrap long words onto the next line: read the text as one run.
      String text = new PDFTextStripper().getText(doc).replace("\r", "").replace("\n", "");
      java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "pdf"));
      java.nio.file.Files.write(java.nio.file.Path.of("target", "pdf", "last-" + doc.getDocumentInformation().getTitle()
          + ".pdf"), r.bytes());
      return new Pdf(doc.getNumberOfPages(), text);
    }
  }

  JsonNode worker(String name, String card) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "idNumber", TestIds.nextId(), "orgCode",
        s.school, "employmentType", "ESTABLISHED", "disabled", false));
    if (card != null) {
      body.put("bankName", "中国工商银行");
      body.put("bankCardNumber", card);
    }
    Api.Res r = s.as("officer").post("/api/v1/workers", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  String approvedCase(long worker, String method, Object amount, Object goods, LocalDate visit) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("campaignCode", campaign, "workerId", worker,
        "category", "C1", "fundSource", "B3", "paymentMethod", method, "amountYuan", amount, "goodsValueYuan", goods,
        "reason", "春节慰问", "visit", Map.of("plannedDate", visit.toString(), "location", "职工家中", "visitors", "工会主席")));
    body.put("goodsDescription", "大米一袋、食用油一桶");
    Api.Res r = s.as("officer").post("/api/v1/cases", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String n = r.json().path("caseNumber").asText();
    assertThat(s.as("finance").post("/api/v1/cases/" + n + "/approval", Map.of("decision", "APPROVE")).status()).isEqualTo(200);
    return n;
  }

  @Test
  void theReceiptSheetListsTheDaysCashAndGoodsWithMaskedIdsAndSignatureColumns() throws Exception {
    LocalDate visit = today.plusDays(2);
    JsonNode a = worker("王秀兰", null);
    JsonNode b = worker("古丽·艾买提", null);
    JsonNode c = worker("李建国", TestIds.nextCard());
    String cash = approvedCase(a.path("id").asLong(), "CASH", "800", 0, visit);
    String goods = approvedCase(b.path("id").asLong(), "GOODS", 0, "300", visit);
    approvedCase(c.path("id").asLong(), "BANK_CARD", "500", 0, visit); // paid by bank: not on the sheet
    approvedCase(worker("赵明", null).path("id").asLong(), "CASH", "600", 0, visit.plusDays(10)); // another week

    Pdf pdf = read(s.as("officer").get("/api/v1/documents/receipts.pdf?org=" + s.school + "&from=" + visit + "&to=" + visit));
    assertThat(pdf.pages()).isEqualTo(1);
    assertThat(pdf.text()).contains("慰问金（品）签收表", "单位" + s.school, "王秀兰", "古丽·艾买提",
        a.path("idNumberMasked").asText(), b.path("idNumberMasked").asText(), cash, goods, "800.00", "大米一袋",
        "领取人签字", "签收日期", "制表人", "测试officer", "审核人", "单位（盖章）", "合计：2 人", "捌佰元整");
    assertThat(pdf.text()).doesNotContain("李建国", "赵明");
    // A week of visits, as the visits page links it, is one sheet too; the print view has the same lines.
    BrowserSession officer = new BrowserSession(port);
    officer.login(s.name("officer"), Scenario.PW);
    String view = officer.get("/documents/receipts?from=" + visit + "&to=" + visit.plusDays(6)).body();
    assertThat(view).contains("王秀兰", "古丽·艾买提", a.path("idNumberMasked").asText(), "/css/print.css",
        "领取人签字", "id=\"print\"");
    assertThat(officer.get("/visits").body()).contains("id=\"receipts-week\"");
    // Another unit's sheet is out of scope; a backwards or too long range is refused.
    assertThat(s.as("otherofficer").get("/api/v1/documents/receipts.pdf?org=" + s.school).status()).isEqualTo(404);
    Api.Res bad = s.as("officer").get("/api/v1/documents/receipts.pdf?from=" + visit + "&to=" + visit.minusDays(1));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("RECEIPT_RANGE");
  }

  @Test
  void theRosterShowsMaskedCardsTotalsPerFundSourceAndThreeSignatures() throws Exception {
    String card = TestIds.nextCard();
    JsonNode w = worker("陈志强", card);
    String n = approvedCase(w.path("id").asLong(), "BANK_CARD", "1234.50", 0, today.plusDays(1));
    Api.Res batch = s.as("finance").post("/api/v1/payment-batches", Map.of("orgCode", s.school));
    assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
    long id = batch.json().path("id").asLong();

    Pdf pdf = read(s.as("finance").get("/api/v1/payment-batches/" + id + "/roster.pdf"));
    assertThat(pdf.pages()).isEqualTo(1);
    assertThat(pdf.text()).contains("送温暖慰问金发放花名册", "陈志强", w.path("idNumberMasked").asText(),
        w.path("bankCardMasked").asText(), "中国工商银行", "1234.50", n, "B3 工会经费", "小计 B3 工会经费：1 笔",
        "合计：1 笔", "壹仟贰佰叁拾肆元伍角整", "制表人", "财务审核", "工会负责人");
    assertThat(pdf.text()).doesNotContain(card);
    // Managers print it too; officers do not; another unit does not see it.
    assertThat(s.as("manager").get("/api/v1/payment-batches/" + id + "/roster.pdf").status()).isEqualTo(200);
    assertThat(s.as("officer").get("/api/v1/payment-batches/" + id + "/roster.pdf").status()).isEqualTo(403);
    assertThat(s.as("otherfinance").get("/api/v1/payment-batches/" + id + "/roster.pdf").status()).isEqualTo(404);
    BrowserSession finance = new BrowserSession(port);
    finance.login(s.name("finance"), Scenario.PW);
    String view = finance.get("/payment-batches/" + id + "/roster").body();
    assertThat(view).contains("陈志强", w.path("bankCardMasked").asText(), "财务审核", "壹仟贰佰叁拾肆元伍角整")
        .doesNotContain(card);
  }

  @Test
  void theHardshipFileFitsOnOnePageWithItsTrailAndSignatureLines() throws Exception {
    JsonNode w = worker("马晓梅", null);
    long file = s.as("officer").post("/api/v1/workers/" + w.path("id").asLong() + "/hardship-file", Map.of(
        "category", "DEEP", "reasons", List.of("SERIOUS_ILLNESS", "CHILD_EDUCATION"), "householdSize", 4,
        "annualIncomeYuan", 30000, "annualEssentialExpensesYuan", 18000, "description", "丈夫重病，两个孩子上学"))
        .json().path("id").asLong();
    s.as("manager").post("/api/v1/hardship-files/" + file + "/review", Map.of("decision", "APPROVE", "comment", "经入户核实，情况属实"));
    JsonNode view = s.as("officer").get("/api/v1/hardship-files/" + file).json();

    Pdf pdf = read(s.as("officer").get("/api/v1/hardship-files/" + file + "/sheet.pdf"));
    assertThat(pdf.pages()).isEqualTo(1);
    assertThat(pdf.text()).contains("困难职工档案登记表", "马晓梅", w.path("idNumberMasked").asText(), "深度困难",
        "患重特大疾病、子女上学", "4 人", "30000.00", "18000.00", "250.00", "丈夫重病，两个孩子上学", "经入户核实，情况属实",
        "公示至 " + view.path("noticeUntil").asText(), "提交档案", "审核通过", "经办人", "审核人（工会负责人）", "单位（盖章）");
    assertThat(s.as("othermanager").get("/api/v1/hardship-files/" + file + "/sheet.pdf").status()).isEqualTo(404);
    BrowserSession officer = new BrowserSession(port);
    officer.login(s.name("officer"), Scenario.PW);
    assertThat(officer.get("/hardship-files/" + file + "/sheet").body()).contains("困难职工档案登记表", "马晓梅", "公示至");
  }

  @Test
  void theStatisticsTableAsPdfHasTheOfficialLayoutAndFigures() throws Exception {
    JsonNode w = worker("孙丽", null);
    String n = approvedCase(w.path("id").asLong(), "CASH", "1234.56", 0, today);
    s.as("officer").post("/api/v1/cases/" + n + "/visit", Map.of("outcome", "COMPLETED", "visitedOn", today.toString(),
        "visitors", "经办人", "notes", "已慰问", "receiptSigned", true));
    assertThat(s.as("officer").post("/api/v1/cases/" + n + "/close", Map.of()).json().path("status").asText()).isEqualTo("CLOSED");

    Pdf pdf = read(s.as("citymanager").get("/api/v1/statistics/official.pdf?campaign=" + campaign + "&org=" + s.city));
    assertThat(pdf.pages()).isEqualTo(1);
    assertThat(pdf.text()).contains("附件", "2026年元旦春节期间各级工会送温暖统计表", "填报单位：单位" + s.city, "填报人",
        "电话", "C=C1+…+C11", "舍位平衡", "0.12");
    assertThat(s.as("othermanager").get("/api/v1/statistics/official.pdf?campaign=" + campaign + "&org=" + s.city).status())
        .isEqualTo(404);
  }
}

package cn.warmth.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bank files as Chinese banks and Excel make them (issue 12): result files in UTF-8 with and
 * without BOM and in GBK, broken encodings refused with nothing stored, bank profiles (a GBK
 * portal layout round trip, the administrator's profiles), one batch per fund source, every
 * refused row explained, retry with intent, and the formula guard in every export.
 */
abstract class BankFilesContract {
  static final Charset GBK = Charset.forName("GBK");
  static final String HEADER = "reference,status,message\r\n";

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  MutableClock clock;
  Scenario s;
  PaymentsFixture f;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    f = new PaymentsFixture(s, LocalDate.now(clock));
  }

  /** Builds a batch of the given payments (generic profile) and sends it to the bank. */
  long sentBatch() {
    long id = f.build(Map.of()).path("id").asLong();
    f.export(id);
    return id;
  }

  int audits(String action, String entityId) {
    return jdbc.queryForObject("select count(*) from audit_log where action = ? and entity_id = ?", Integer.class, action,
        entityId);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static List<JsonNode> errors(Api.Res r) {
    return StreamSupport.stream(r.json().path("errors").spliterator(), false).toList();
  }

  static String strictly(Charset charset, byte[] bytes) throws CharacterCodingException {
    return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
  }

  // ------------------------------------------------------------------ encodings

  @Test
  void resultFilesInUtf8WithOrWithoutBomAndInGbkAreReadAlike() throws Exception {
    var a = f.queued("100", "B3");
    var b = f.queued("200", "B3");
    var c = f.queued("300", "B3");
    long id = sentBatch();

    Api.Res plain = f.result(id, HEADER + a.caseNumber() + ",SUCCESS,\r\n");
    assertThat(plain.status()).as(plain.toString()).isEqualTo(200);
    assertThat(plain.json().path("encoding").asText()).isEqualTo("UTF-8");

    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Api.Res withBom = f.result(id, concat(bom, (HEADER + b.caseNumber() + ",FAILED,户名与卡号不符\r\n")
        .getBytes(StandardCharsets.UTF_8)));
    assertThat(withBom.status()).as(withBom.toString()).isEqualTo(200);
    assertThat(withBom.json().path("encoding").asText()).isEqualTo("UTF-8 (BOM)");

    // What Excel on Chinese Windows saves as "CSV (逗号分隔)": GBK.
    byte[] gbk = (HEADER + c.caseNumber() + ",FAILED,\"账户已冻结, 请联系开户行\"\r\n").getBytes(GBK);
    assertThat(new String(gbk, StandardCharsets.UTF_8)).doesNotContain("账户已冻结");
    Api.Res excel = f.result(id, gbk);
    assertThat(excel.status()).as(excel.toString()).isEqualTo(200);
    assertThat(excel.json().path("encoding").asText()).isEqualTo("GB18030");

    assertThat(f.payment(a.caseNumber())).isEqualTo("PAID");
    assertThat(f.caseView(b.caseNumber()).path("payment").path("message").asText()).isEqualTo("户名与卡号不符");
    // Stored as the bank wrote it, never as mojibake.
    assertThat(f.caseView(c.caseNumber()).path("payment").path("message").asText()).isEqualTo("账户已冻结, 请联系开户行");
    assertThat(jdbc.queryForObject("select bank_message from payment_item where case_number = ?", String.class,
        c.caseNumber())).isEqualTo("账户已冻结, 请联系开户行");
  }

  @Test
  void aFileInNoKnownEncodingIsRefusedAndNothingIsStored() {
    var a = f.queued("150", "B3");
    long id = sentBatch();
    byte[] broken = concat((HEADER + a.caseNumber() + ",FAILED,").getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0x80, (byte) 0xFF, 'x'}, "\r\n".getBytes(StandardCharsets.UTF_8));
    Api.Res r = f.result(id, broken);
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.code()).isEqualTo("BAD_ENCODING");
    assertThat(r.json().path("detail").asText()).contains("UTF-8", "GBK", "第 2 行", "0x80", "未导入");

    byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
        (HEADER + a.caseNumber() + ",SUCCESS,\r\n").getBytes(StandardCharsets.UTF_16LE));
    Api.Res r16 = f.result(id, utf16);
    assertThat(r16.status()).isEqualTo(422);
    assertThat(r16.json().path("detail").asText()).contains("UTF-16");
    assertThat(r16.json().path("errors").get(0).path("field").asText()).isEqualTo("file");

    Api.Res xlsx = f.result(id, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
    assertThat(xlsx.status()).isEqualTo(422);
    assertThat(xlsx.json().path("detail").asText()).contains("Excel");

    byte[] bomThenGbk = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        (HEADER + a.caseNumber() + ",FAILED,卡号错误\r\n").getBytes(GBK));
    assertThat(f.result(id, bomThenGbk).code()).isEqualTo("BAD_ENCODING");

    // Nothing stored from any of them.
    assertThat(f.payment(a.caseNumber())).isEqualTo("IN_BATCH");
    assertThat(jdbc.queryForObject("select count(*) from payment_item where case_number = ? and bank_message is not null",
        Integer.class, a.caseNumber())).isZero();
    assertThat(audits("BANK_RESULT_IMPORTED", String.valueOf(id))).isZero();
  }

  // ------------------------------------------------------------------ bank profiles

  @Test
  void aGbkPortalFileRoundTripsThroughItsProfile() throws Exception {
    var x = f.queued("1500", "B3", "张建国", "中国工商银行西安分行");
    var y = f.queued("880.50", "B3", "李秀英", "中国建设银行");
    JsonNode batch = f.build(Map.of("profile", "GBK_PORTAL"));
    long id = batch.path("id").asLong();
    assertThat(batch.path("profile").asText()).isEqualTo("GBK_PORTAL");

    Api.Res file = f.export(id);
    assertThat(file.contentType()).containsIgnoringCase("charset=GBK");
    assertThat(file.bytes()[0]).isNotEqualTo((byte) 0xEF); // no BOM in a GBK file
    String text = strictly(GBK, file.bytes());
    assertThat(new String(file.bytes(), StandardCharsets.UTF_8)).doesNotContain("张建国");
    String[] lines = text.split("\r\n");
    assertThat(lines[0]).isEqualTo("序号|户名|开户行|账号|金额|备注");
    String xLine = lines[1].contains(x.caseNumber()) ? lines[1] : lines[2];
    String yLine = lines[1].contains(y.caseNumber()) ? lines[1] : lines[2];
    assertThat(xLine).endsWith("|张建国|中国工商银行西安分行|" + x.card() + "|150000|" + x.caseNumber());
    assertThat(yLine).endsWith("|李秀英|中国建设银行|" + y.card() + "|88050|" + y.caseNumber());

    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
        s.as("finance").get("/api/v1/payment-batches/" + id + "/bank-file.xlsx").bytes()))) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("户名");
      int row = sheet.getRow(1).getCell(5).getStringCellValue().equals(x.caseNumber()) ? 1 : 2;
      assertThat(sheet.getRow(row).getCell(3).getCellType()).isEqualTo(CellType.STRING);
      assertThat(sheet.getRow(row).getCell(3).getStringCellValue()).isEqualTo(x.card());
      assertThat(sheet.getRow(row).getCell(4).getNumericCellValue()).isEqualTo(150000.0);
    }

    // The bank's answer: its own columns, Chinese status words, GBK.
    String answer = "序号|户名|账号|金额|备注|交易状态|失败原因\r\n"
        + "1|张建国|" + x.card() + "|150000|" + x.caseNumber() + "|成功|\r\n"
        + "2|李秀英|" + y.card() + "|88050|" + y.caseNumber() + "|失败|户名与账号不符\r\n";
    Api.Res r = f.result(id, answer.getBytes(GBK));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().path("succeeded").asInt()).isEqualTo(1);
    assertThat(r.json().path("failed").asInt()).isEqualTo(1);
    assertThat(f.payment(x.caseNumber())).isEqualTo("PAID");
    assertThat(f.caseView(y.caseNumber()).path("payment").path("message").asText()).isEqualTo("户名与账号不符");
    // The generic header is wrong for this batch: the profile decides.
    Api.Res generic = f.result(id, HEADER + x.caseNumber() + ",SUCCESS,\r\n");
    assertThat(generic.status()).isEqualTo(400);
    assertThat(errors(generic).get(0).path("code").asText()).isEqualTo("BAD_RESULT_HEADER");
    assertThat(errors(generic).get(0).path("message").asText()).contains("序号|户名|账号|金额|备注|交易状态|失败原因");
  }

  @Test
  void anEchoedAmountMustBeTheBatchAmount() {
    var x = f.queued("1500", "B3", "王建华", "中国银行");
    long id = f.build(Map.of("profile", "GBK_PORTAL")).path("id").asLong();
    f.export(id);
    String answer = "序号|户名|账号|金额|备注|交易状态|失败原因\r\n1|王建华|" + x.card() + "|15000|" + x.caseNumber()
        + "|成功|\r\n";
    Api.Res r = f.result(id, answer.getBytes(GBK));
    assertThat(r.status()).isEqualTo(400);
    JsonNode e = errors(r).get(0);
    assertThat(e.path("code").asText()).isEqualTo("AMOUNT_MISMATCH");
    assertThat(e.path("row").asInt()).isEqualTo(2);
    assertThat(e.path("message").asText()).contains("15000", "150000", "不符");
    assertThat(f.payment(x.caseNumber())).isEqualTo("IN_BATCH");
  }

  @Test
  void aRareNameAGbkProfileCannotWriteRefusesTheDownloadAndChangesNothing() {
    var x = f.queued("600", "B3", "王𠮷", "中国银行");
    long id = f.build(Map.of("profile", "GBK_PORTAL")).path("id").asLong();
    Api.Res r = s.as("finance").get("/api/v1/payment-batches/" + id + "/bank-file");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.code()).isEqualTo("UNENCODABLE_IN_PROFILE");
    assertThat(r.json().path("detail").asText()).contains(x.caseNumber(), "GBK");
    assertThat(s.as("finance").get("/api/v1/payment-batches/" + id).json().path("status").asText()).isEqualTo("CREATED");
    assertThat(audits("BANK_FILE_EXPORTED", String.valueOf(id))).isZero();
  }

  @Test
  void bankProfilesAreReadByAllAndWrittenByTheRootAdministratorOnly() {
    JsonNode list = s.as("finance").get("/api/v1/bank-profiles").json();
    List<String> codes = StreamSupport.stream(list.spliterator(), false).map(p -> p.path("code").asText()).toList();
    assertThat(codes).contains("GENERIC", "GBK_PORTAL");
    JsonNode generic = list.get(0);
    assertThat(generic.path("code").asText()).isEqualTo("GENERIC");
    assertThat(generic.path("system").asBoolean()).isTrue();
    assertThat(generic.path("encoding").asText()).isEqualTo("UTF-8");

    String code = "P_" + s.p;
    Map<String, Object> good = new HashMap<>(Map.of("code", code, "name", "测试银行（分号）", "encoding", "GB18030",
        "delimiter", "SEMICOLON", "amountUnit", "YUAN", "fileHeader", true, "resultHeader", false,
        "successValues", List.of("OK", "已入账"), "failureValues", List.of("ERR", "退票")));
    good.put("fileColumns", List.of(col("REFERENCE", "业务编号"), col("NAME", "收款人"), col("CARD", "卡号"),
        col("AMOUNT", "金额（元）")));
    good.put("resultColumns", List.of(col("REFERENCE", ""), col("AMOUNT", ""), col("STATUS", ""), col("MESSAGE", "")));
    assertThat(s.as("finance").post("/api/v1/bank-profiles", good).status()).isEqualTo(403);
    Api.Res cityAdmin = s.admin.post("/api/v1/users", Map.of("username", s.name("cityadmin"), "password", Scenario.PW,
        "displayName", "市管理员", "orgCode", s.city, "roles", List.of("ADMIN")));
    assertThat(cityAdmin.status()).isEqualTo(201);
    Api.Res notRoot = s.as("cityadmin").post("/api/v1/bank-profiles", good);
    assertThat(notRoot.status()).isEqualTo(403);
    assertThat(notRoot.code()).isEqualTo("ROOT_ADMIN_ONLY");

    Map<String, Object> bad = new HashMap<>(good);
    bad.put("code", "lower case");
    bad.put("encoding", "BIG5");
    bad.put("fileColumns", List.of(col("NAME", "户名"), col("AMOUNT", "=SUM(A1)"), col("REFERENCE", "备注"), col("NAME", "又名")));
    bad.put("resultColumns", List.of(col("REFERENCE", ""), col("FOO", "")));
    bad.put("failureValues", List.of("ok"));
    Api.Res r = s.admin.post("/api/v1/bank-profiles", bad);
    assertThat(r.status()).isEqualTo(400);
    assertThat(DisbursementContract.fieldCodes(r)).contains("code:INVALID_PROFILE_CODE", "encoding:INVALID_ENCODING",
        "fileColumns:BAD_COLUMN_LABEL", "fileColumns:REPEATED_COLUMN", "fileColumns:MISSING_COLUMN",
        "resultColumns:BAD_COLUMN_KEY", "resultColumns:MISSING_COLUMN", "failureValues:STATUS_VALUES_OVERLAP");
    assertThat(errors(r)).allSatisfy(e -> assertThat(e.path("message").asText()).isNotBlank());

    Api.Res created = s.admin.post("/api/v1/bank-profiles", good);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("resultHeader").asBoolean()).isFalse();
    assertThat(s.admin.post("/api/v1/bank-profiles", good).code()).isEqualTo("DUPLICATE_PROFILE");
    assertThat(audits("BANK_PROFILE_CREATED", code)).isEqualTo(1);
    Api.Res system = s.admin.put("/api/v1/bank-profiles/GENERIC", good);
    assertThat(system.status()).isEqualTo(409);
    assertThat(system.code()).isEqualTo("SYSTEM_PROFILE");

    // Round trip in the new layout: semicolons, no header in the results, the amount checked.
    var x = f.queued("1200.50", "B3");
    long id = f.build(Map.of("profile", code)).path("id").asLong();
    String[] lines = new String(f.export(id).bytes(), Charset.forName("GB18030")).split("\r\n");
    assertThat(lines[0]).isEqualTo("业务编号;收款人;卡号;金额（元）");
    assertThat(lines[1]).startsWith(x.caseNumber() + ";").endsWith(";" + x.card() + ";1200.50");
    Api.Res ok = f.result(id, (x.caseNumber() + ";1200.50;已入账;\r\n").getBytes(Charset.forName("GB18030")));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(f.payment(x.caseNumber())).isEqualTo("PAID");

    // Switched off, it can no longer be chosen; the change is audited.
    Map<String, Object> off = new HashMap<>(good);
    off.put("active", false);
    assertThat(s.admin.put("/api/v1/bank-profiles/" + code, off).json().path("active").asBoolean()).isFalse();
    assertThat(audits("BANK_PROFILE_CHANGED", code)).isEqualTo(1);
    f.queued("100", "B3");
    Api.Res inactive = s.as("finance").post("/api/v1/payment-batches", Map.of("orgCode", s.school, "profile", code));
    assertThat(DisbursementContract.fieldCodes(inactive)).containsExactly("profile:UNKNOWN_PROFILE");
  }

  static Map<String, String> col(String key, String label) {
    return Map.of("key", key, "label", label);
  }

  // ------------------------------------------------------------------ one batch per source

  @Test
  void oneBatchPerFundSourceAndTotalsPerSource() {
    var b3a = f.queued("1000", "B3");
    var b3b = f.queued("250.50", "B3");
    var b4 = f.queued("400", "B4");
    JsonNode first = f.build(Map.of());
    assertThat(first.path("fundSource").asText()).isEqualTo("B3");
    assertThat(first.path("totalYuan").asText()).isEqualTo("1250.50");
    assertThat(first.path("sources").size()).isEqualTo(1);
    assertThat(first.path("sources").get(0).path("count").asInt()).isEqualTo(2);
    assertThat(first.path("alsoBuilt").size()).isEqualTo(1);
    JsonNode second = s.as("finance").get("/api/v1/payment-batches/" + first.path("alsoBuilt").get(0).asLong()).json();
    assertThat(second.path("fundSource").asText()).isEqualTo("B4");
    assertThat(second.path("items").get(0).path("caseNumber").asText()).isEqualTo(b4.caseNumber());
    assertThat(second.path("sources").get(0).path("totalYuan").asText()).isEqualTo("400.00");
    assertThat(List.of(f.payment(b3a.caseNumber()), f.payment(b3b.caseNumber()), f.payment(b4.caseNumber())))
        .containsOnly("IN_BATCH");

    // Asked for one source, only that one is taken.
    var q3 = f.queued("300", "B3");
    var q6 = f.queued("600", "B6");
    JsonNode only = f.build(Map.of("fundSource", "B6"));
    assertThat(only.path("items").size()).isEqualTo(1);
    assertThat(only.path("fundSource").asText()).isEqualTo("B6");
    assertThat(only.path("alsoBuilt").size()).isZero();
    assertThat(f.payment(q6.caseNumber())).isEqualTo("IN_BATCH");
    assertThat(f.payment(q3.caseNumber())).isEqualTo("QUEUED");
    Api.Res badSource = s.as("finance").post("/api/v1/payment-batches", Map.of("orgCode", s.school, "fundSource", "B9"));
    assertThat(DisbursementContract.fieldCodes(badSource)).containsExactly("fundSource:INVALID_CODE");
    assertThat(s.as("finance").post("/api/v1/payment-batches", Map.of("orgCode", s.school, "fundSource", "B1")).code())
        .isEqualTo("NOTHING_TO_PAY");
  }

  // ------------------------------------------------------------------ errors explained

  @Test
  void aRefusedFileListsEveryRowWithItsLineTheValueFoundAndAChineseExplanation() {
    var a = f.queued("500", "B3");
    var b = f.queued("700", "B3");
    long id = sentBatch();
    Api.Res r = f.result(id, HEADER + a.caseNumber() + ",SUCCESS,\r\n" + "XA-1999-000001,SUCCESS,\r\n"
        + b.caseNumber() + ",PERHAPS,\r\n" + a.caseNumber() + ",SUCCESS,\r\n" + "only-one-column\r\n"
        + "6222021234567890123,FAILED,\r\n" + ",SUCCESS,\r\n");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("detail").asText()).contains("整个文件未导入");
    List<JsonNode> e = errors(r);
    assertThat(e).extracting(x -> x.path("row").asInt() + ":" + x.path("code").asText()).containsExactly(
        "3:UNKNOWN_REFERENCE", "4:BAD_RESULT_STATUS", "5:DUPLICATE_ROW", "6:BAD_ROW", "7:UNKNOWN_REFERENCE",
        "8:EMPTY_REFERENCE");
    assertThat(e.get(0).path("message").asText()).contains("XA-1999-000001", "不在第 " + id + " 号批次中");
    assertThat(e.get(1).path("message").asText()).contains("PERHAPS", "无法识别", "SUCCESS", "FAILED");
    assertThat(e.get(2).path("message").asText()).contains(a.caseNumber(), "不止一次");
    assertThat(e.get(3).path("message").asText()).contains("1 列", "2–3 列");
    // A card-like value is never echoed in full.
    assertThat(e.get(4).path("message").asText()).contains("***************0123").doesNotContain("6222021234567890123");
    assertThat(e.get(5).path("message").asText()).contains("案件号为空");
    assertThat(f.payment(a.caseNumber())).isEqualTo("IN_BATCH");

    // At most 500 problems are listed, and the rest are counted.
    StringBuilder many = new StringBuilder(HEADER);
    for (int i = 0; i < 620; i++) {
      many.append("XA-1999-").append(String.format("%06d", i)).append(",SUCCESS,\r\n");
    }
    Api.Res tooMany = f.result(id, many.toString());
    assertThat(errors(tooMany)).hasSize(500);
    assertThat(tooMany.json().path("errorsNotListed").asInt()).isEqualTo(120);
    assertThat(tooMany.json().path("detail").asText()).contains("120");
  }

  @Test
  void aCardNumberInTheBanksMessageIsStoredMasked() {
    var a = f.queued("500", "B3");
    long id = sentBatch();
    assertThat(f.result(id, HEADER + a.caseNumber() + ",FAILED,账号6222021234567890123不存在\r\n").status()).isEqualTo(200);
    assertThat(f.caseView(a.caseNumber()).path("payment").path("message").asText())
        .isEqualTo("账号***************0123不存在");
  }

  // ------------------------------------------------------------------ retry with intent

  @Test
  void aRetryNeedsACorrectedPayeeOrAnExplicitBankIssueWithANote() {
    var same = f.queued("100", "B3");
    var corrected = f.queued("200", "B3");
    var retyped = f.queued("300", "B3");
    long id = sentBatch();
    f.result(id, HEADER + same.caseNumber() + ",FAILED,账户状态异常\r\n" + corrected.caseNumber() + ",FAILED,卡号错误\r\n"
        + retyped.caseNumber() + ",FAILED,卡号错误\r\n");

    Api.Res refused = s.as("officer").post("/api/v1/cases/" + same.caseNumber() + "/payment/retry", Map.of());
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.code()).isEqualTo("CARD_NOT_CHANGED");
    assertThat(refused.json().path("detail").asText()).contains("卡号无误，银行原因");
    assertThat(f.payment(same.caseNumber())).isEqualTo("FAILED");
    Api.Res noNote = s.as("officer").post("/api/v1/cases/" + same.caseNumber() + "/payment/retry",
        Map.of("confirmBankIssue", true, "note", " "));
    assertThat(DisbursementContract.fieldCodes(noNote)).containsExactly("note:REQUIRED");
    Api.Res confirmed = s.as("finance").post("/api/v1/cases/" + same.caseNumber() + "/payment/retry",
        Map.of("confirmBankIssue", true, "note", "已与开户行核实，系银行系统故障"));
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    assertThat(confirmed.json().path("payment").path("status").asText()).isEqualTo("QUEUED");
    assertThat(jdbc.queryForObject("select after_json from audit_log where action = 'CASE_PAYMENT_RETRY' and entity_id = ?",
        String.class, same.caseNumber())).contains("BANK_ISSUE_CONFIRMED", "已与开户行核实，系银行系统故障");

    // A corrected card (here one that fails the Luhn check: a warning, not a refusal).
    String good = TestIds.nextCard();
    String luhnBad = good.substring(0, 18) + (char) ('0' + (good.charAt(18) - '0' + 1) % 10);
    Api.Res card = s.as("officer").put("/api/v1/workers/" + corrected.workerId() + "/bank-card",
        Map.of("bankName", "中国银行", "bankCardNumber", luhnBad));
    assertThat(card.status()).isEqualTo(200);
    assertThat(card.json().path("warnings").toString()).contains("BANK_CARD_CHECKSUM");
    assertThat(s.as("officer").post("/api/v1/cases/" + corrected.caseNumber() + "/payment/retry", Map.of()).json()
        .path("payment").path("status").asText()).isEqualTo("QUEUED");
    assertThat(jdbc.queryForObject("select after_json from audit_log where action = 'CASE_PAYMENT_RETRY' and entity_id = ?",
        String.class, corrected.caseNumber())).contains("PAYEE_CHANGED");

    // The same card typed again is no correction.
    s.as("officer").put("/api/v1/workers/" + retyped.workerId() + "/bank-card",
        Map.of("bankName", "中国工商银行", "bankCardNumber", retyped.card()));
    assertThat(s.as("officer").post("/api/v1/cases/" + retyped.caseNumber() + "/payment/retry", Map.of()).code())
        .isEqualTo("CARD_NOT_CHANGED");
  }

  @Test
  void aCardCorrectedWhileThePaymentWasAtTheBankCountsAsCorrected() {
    var p = f.queued("450", "B3");
    long id = sentBatch();
    s.as("officer").put("/api/v1/workers/" + p.workerId() + "/bank-card",
        Map.of("bankName", "中国农业银行", "bankCardNumber", TestIds.nextCard()));
    f.result(id, HEADER + p.caseNumber() + ",FAILED,卡号错误\r\n");
    Api.Res r = s.as("officer").post("/api/v1/cases/" + p.caseNumber() + "/payment/retry", Map.of());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().path("payment").path("status").asText()).isEqualTo("QUEUED");
  }

  // ------------------------------------------------------------------ the formula guard

  @Test
  void noExportLetsASpreadsheetRunAFormula() throws Exception {
    // Input rules refuse such bank names today; rows written before them (or by a migration) may hold them.
    var x = f.queued("100", "B3", "赵敏", "农业银行");
    var y = f.queued("200", "B3", "钱进", "建设银行");
    jdbc.update("update worker set bank_name = ? where id = ?", "=1+2银行", x.workerId());
    jdbc.update("update worker set bank_name = ? where id = ?", "@SUM(A1)银行", y.workerId());
    long id = sentBatch();
    String csv = f.export(id).text();
    assertThat(csv).contains(",'=1+2银行," + x.card() + ",100.00,", ",'@SUM(A1)银行," + y.card() + ",200.00,");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
        s.as("finance").get("/api/v1/payment-batches/" + id + "/bank-file.xlsx").bytes()))) {
      assertNoFormula(wb);
      List<String> banks = new ArrayList<>();
      wb.getSheetAt(0).forEach(row -> banks.add(row.getCell(2).getStringCellValue()));
      assertThat(banks).contains("'=1+2银行", "'@SUM(A1)银行");
    }

    // The statistics table: a campaign, a preparer and a phone that look like formulas stay text.
    String code = s.p + "-F";
    LocalDate today = LocalDate.now(clock);
    assertThat(s.admin.post("/api/v1/campaigns", Map.of("code", code, "name", "公式测试送温暖活动", "startDate",
        today.minusDays(1).toString(), "endDate", today.plusDays(5).toString(), "reportDeadline",
        today.plusDays(9).toString())).status()).isEqualTo(201);
    jdbc.update("update campaign set name = ? where code = ?", "=1+2送温暖活动", code);
    Api.Res stat = s.as("citymanager").get("/api/v1/statistics/export?campaign=" + code + "&org=" + s.city
        + "&preparer=%3D1%2B2&phone=%2B8613800138000");
    assertThat(stat.status()).as(stat.toString()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(stat.bytes()))) {
      assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).startsWith("'=1+2送温暖活动"); // row 0: 附件
      assertNoFormulaInText(wb);
    }

    // The worker import template.
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
        s.as("officer").get("/api/v1/workers/import-template").bytes()))) {
      assertNoFormula(wb);
    }
  }

  /** No formula cells and no text a spreadsheet would read as one. */
  static void assertNoFormula(XSSFWorkbook wb) {
    for (Sheet sheet : wb) {
      for (Row row : sheet) {
        for (Cell cell : row) {
          assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
        }
      }
    }
    assertNoFormulaInText(wb);
  }

  static void assertNoFormulaInText(XSSFWorkbook wb) {
    for (Sheet sheet : wb) {
      for (Row row : sheet) {
        for (Cell cell : row) {
          if (cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isEmpty()) {
            assertThat("=+-@\t\r".indexOf(cell.getStringCellValue().charAt(0))).as(cell.getStringCellValue()).isNegative();
          }
        }
      }
    }
  }
}

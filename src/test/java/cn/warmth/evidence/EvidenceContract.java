package cn.warmth.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.BrowserSession;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Evidence through the API as an outside system sends it: types by content, metadata stripped
 * from the stored copy (read back), size limits, scope, the receipt rule and retention.
 */
abstract class EvidenceContract {
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  MutableClock clock;
  @Autowired
  EvidenceSettings settings;
  @Autowired
  Evidence evidence;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  Scenario s;
  String campaign;

  @BeforeEach
  void setUp() {
    s = new Scenario(port);
    LocalDate now = LocalDate.now(clock);
    campaign = s.p + "-EV";
    Api.Res c = s.admin.post("/api/v1/campaigns", Map.of("code", campaign, "name", "2026年送温暖", "startDate",
        now.minusDays(10).toString(), "endDate", now.plusDays(30).toString(), "reportDeadline", now.plusDays(40).toString()));
    assertThat(c.status()).as(c.toString()).isEqualTo(201);
  }

  static byte[] fixture(String name) {
    try (InputStream in = EvidenceContract.class.getResourceAsStream("/evidence/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An approved CASH case of a new worker, as the officer opened it. */
  String approvedCashCase() {
    long w = s.worker("证据职工", TestIds.nextId(), TestIds.nextCard());
    Api.Res r = s.as("officer").post("/api/v1/cases", Map.of("campaignCode", campaign, "workerId", w, "category", "C1",
        "fundSource", "B3", "paymentMethod", "CASH", "amountYuan", "800", "reason", "春节慰问",
        "visit", Map.of("plannedDate", LocalDate.now(clock).plusDays(1).toString(), "location", "职工家中",
            "visitors", "工会主席")));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String n = r.json().path("caseNumber").asText();
    assertThat(s.as("finance").post("/api/v1/cases/" + n + "/approval", Map.of("decision", "APPROVE")).status()).isEqualTo(200);
    return n;
  }

  long pendingFile() {
    long w = s.worker("档案职工", TestIds.nextId(), null);
    return s.as("officer").post("/api/v1/workers/" + w + "/hardship-file", Map.of("category", "DEEP",
        "reasons", List.of("SERIOUS_ILLNESS"), "householdSize", 3, "annualIncomeYuan", 20000,
        "annualEssentialExpensesYuan", 9000)).json().path("id").asLong();
  }

  /** multipart/form-data with the fields {@code kind} and {@code file}, as a script would send it. */
  Api.Res upload(String role, String path, String kind, String filename, byte[] content) {
    return s.as(role).postMultipart("/api/v1" + path, kind == null ? Map.of() : Map.of("kind", kind), "file", filename,
        content);
  }

  long attachments() {
    return jdbc.queryForObject("select count(*) from attachment", Long.class);
  }

  long blobs() {
    return jdbc.queryForObject("select count(*) from attachment_blob", Long.class);
  }

  static Metadata metadata(byte[] bytes) throws Exception {
    return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
  }

  // ------------------------------------------------------------------ metadata

  @Test
  void aVisitPhotoIsStoredWithoutItsGpsAndTimeWhichAreKeptApartForTheUnit() throws Exception {
    byte[] original = fixture("gps.jpg");
    assertThat(metadata(original).getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation()).isNotNull();
    String n = approvedCashCase();
    Api.Res r = upload("officer", "/cases/" + n + "/visit/attachments", "VISIT_PHOTO", "IMG_2024.jpg", original);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode a = r.json();
    assertThat(a.path("kind").asText()).isEqualTo("VISIT_PHOTO");
    assertThat(a.path("name").asText()).isEqualTo("IMG_2024.jpg");
    assertThat(a.path("contentType").asText()).isEqualTo("image/jpeg");
    assertThat(a.path("uploadedBy").asText()).isEqualTo(s.name("officer"));
    assertThat(a.path("uploadedAt").asText()).isNotBlank();
    // Taken 2024-02-08 10:30 Beijing time, at 34.2658 N 108.9541 E: kept as visit evidence fields.
    assertThat(a.path("capturedAt").asText()).isEqualTo("2024-02-08T02:30:00Z");
    assertThat(a.path("place").path("latitude").decimalValue()).isEqualByComparingTo("34.2658");
    assertThat(a.path("place").path("longitude").decimalValue()).isEqualByComparingTo("108.9541");

    Api.Res stored = s.as("officer").get("/api/v1/attachments/" + a.path("id").asLong());
    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.contentType()).startsWith("image/jpeg");
    assertThat(stored.bytes().length).isEqualTo(a.path("size").asLong()).isLessThan(original.length);
    Metadata m = metadata(stored.bytes());
    assertThat(m.getDirectoriesOfType(GpsDirectory.class)).isEmpty();
    ExifSubIFDDirectory sub = m.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
    assertThat(sub == null || !sub.containsTag(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL)).isTrue();
    assertThat(new String(stored.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Huawei", "worker home", "家中慰问",
        "http://ns.adobe.com/xap");
    // Only the orientation survives, so that the portrait photo still shows upright; the picture is untouched.
    assertThat(m.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(6);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(stored.bytes()));
    assertThat(img.getWidth()).isEqualTo(640);
    assertThat(img.getHeight()).isEqualTo(480);
    // The preview is upright (rotated by the orientation): taller than wide.
    Api.Res thumb = s.as("officer").get("/api/v1/attachments/" + a.path("id").asLong() + "/thumbnail");
    BufferedImage t = ImageIO.read(new ByteArrayInputStream(thumb.bytes()));
    assertThat(t.getHeight()).isEqualTo(320);
    assertThat(t.getWidth()).isEqualTo(240);

    // The case view carries the visit's evidence; the database row holds no GPS outside the visit fields.
    JsonNode visit = s.as("citymanager").get("/api/v1/cases/" + n).json().path("visit");
    assertThat(visit.path("attachments").get(0).path("id").asLong()).isEqualTo(a.path("id").asLong());
    assertThat(visit.path("attachments").get(0).path("place").path("latitude").decimalValue()).isEqualByComparingTo("34.2658");
    assertThat(s.as("officer").get("/api/v1/cases?campaign=" + campaign).text()).doesNotContain("34.2658");
  }

  @Test
  void pngAndHeicLoseTheirMetadataToo() throws Exception {
    long file = pendingFile();
    Api.Res png = upload("officer", "/hardship-files/" + file + "/attachments", "CERTIFICATE", "证书.png", fixture("gps.png"));
    assertThat(png.status()).as(png.toString()).isEqualTo(201);
    // Not a visit: no capture time or place is kept at all.
    assertThat(png.json().has("capturedAt")).isFalse();
    assertThat(png.json().has("place")).isFalse();
    byte[] storedPng = s.as("manager").get("/api/v1/attachments/" + png.json().path("id").asLong()).bytes();
    String chunks = new String(storedPng, StandardCharsets.ISO_8859_1);
    assertThat(chunks).doesNotContain("eXIf", "tEXt", "iTXt", "zTXt", "worker home");
    assertThat(metadata(storedPng).getDirectoriesOfType(GpsDirectory.class)).isEmpty();
    assertThat(ImageIO.read(new ByteArrayInputStream(storedPng)).getWidth()).isEqualTo(320);

    byte[] heic = fixture("gps.heic");
    assertThat(metadata(heic).getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();
    Api.Res h = upload("officer", "/hardship-files/" + file + "/attachments", "DIAGNOSIS", "诊断.HEIC", heic);
    assertThat(h.status()).as(h.toString()).isEqualTo(201);
    assertThat(h.json().path("contentType").asText()).isEqualTo("image/heic");
    byte[] storedHeic = s.as("officer").get("/api/v1/attachments/" + h.json().path("id").asLong()).bytes();
    assertThat(storedHeic).hasSameSizeAs(heic); // overwritten in place: every offset of the file still holds
    Metadata hm = metadata(storedHeic);
    assertThat(hm.getDirectoriesOfType(GpsDirectory.class)).isEmpty();
    assertThat(new String(storedHeic, StandardCharsets.ISO_8859_1)).doesNotContain("Huawei", "xap", "ftypavif");
    assertThat(h.json().path("thumbnail").asBoolean()).isFalse(); // no pure-Java HEVC decoder
    // The file view lists both.
    JsonNode view = s.as("officer").get("/api/v1/hardship-files/" + file).json();
    assertThat(view.path("attachments").size()).isEqualTo(2);
    assertThat(view.path("attachments").get(1).path("kind").asText()).isEqualTo("DIAGNOSIS");
  }

  // ------------------------------------------------------------------ types by content

  @Test
  void typesAreRecognisedByContentNotByName() {
    long file = pendingFile();
    String path = "/hardship-files/" + file + "/attachments";
    long rows = attachments();
    long stored = blobs();
    byte[] exe = new byte[4096];
    exe[0] = 'M';
    exe[1] = 'Z';
    Api.Res renamedExe = upload("officer", path, "APPLICATION", "申请表.jpg", exe);
    assertThat(renamedExe.status()).isEqualTo(415);
    assertThat(renamedExe.contentType()).startsWith("application/problem+json");
    assertThat(renamedExe.code()).isEqualTo("UNSUPPORTED_FILE_TYPE");
    assertThat(renamedExe.json().path("detail").asText()).contains("JPEG");
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    assertThat(upload("officer", path, "APPLICATION", "form.pdf", html).code()).isEqualTo("UNSUPPORTED_FILE_TYPE");
    byte[] gif = "GIF89a\1\0\1\0\0\0\0;".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(upload("officer", path, "APPLICATION", "photo.png", gif).code()).isEqualTo("UNSUPPORTED_FILE_TYPE");
    byte[] avif = ftyp("avif", "mif1", "miaf");
    assertThat(upload("officer", path, "APPLICATION", "photo.heic", avif).code()).isEqualTo("UNSUPPORTED_FILE_TYPE");
    // JPEG magic bytes with nothing behind them is not a picture either.
    byte[] fakeJpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 'M', 'Z', 0, 0};
    assertThat(upload("officer", path, "APPLICATION", "x.jpg", fakeJpeg).status()).isEqualTo(415);
    assertThat(attachments()).isEqualTo(rows); // nothing stored on refusal
    assertThat(blobs()).isEqualTo(stored);

    // A real JPEG named .pdf is a JPEG (and gets the right extension); a real PDF named .png is a PDF.
    Api.Res jpeg = upload("officer", path, "APPLICATION", "scan.pdf", fixture("gps.jpg"));
    assertThat(jpeg.status()).as(jpeg.toString()).isEqualTo(201);
    assertThat(jpeg.json().path("contentType").asText()).isEqualTo("image/jpeg");
    assertThat(jpeg.json().path("name").asText()).isEqualTo("scan.jpg");
    byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    Api.Res p = upload("officer", path, "INCOME_PROOF", "../../etc/收入证明.png", pdf);
    assertThat(p.status()).as(p.toString()).isEqualTo(201);
    assertThat(p.json().path("contentType").asText()).isEqualTo("application/pdf");
    assertThat(p.json().path("name").asText()).isEqualTo("收入证明.pdf");
    assertThat(p.json().path("thumbnail").asBoolean()).isFalse();

    // Missing parts and wrong kinds are field errors.
    Api.Res noFile = upload("officer", path, "APPLICATION", null, null);
    assertThat(noFile.status()).isEqualTo(400);
    assertThat(noFile.text()).contains("\"field\":\"file\"");
    assertThat(upload("officer", path, "SIGNED_RECEIPT", "a.jpg", fixture("gps.jpg")).text()).contains("KIND_NOT_FOR_RECORD");
    assertThat(upload("officer", path, "NONSENSE", "a.jpg", fixture("gps.jpg")).text()).contains("INVALID_CODE");
  }

  static byte[] ftyp(String major, String... compatible) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int size = 16 + 4 * compatible.length;
    out.writeBytes(new byte[] {0, 0, 0, (byte) size});
    out.writeBytes("ftyp".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(major.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(new byte[4]);
    for (String c : compatible) {
      out.writeBytes(c.getBytes(StandardCharsets.ISO_8859_1));
    }
    out.writeBytes(new byte[64]);
    return out.toByteArray();
  }

  // ------------------------------------------------------------------ limits

  @Test
  void sizeLimitsPerFileAndPerRecordAnswer413AndStoreNothing() {
    DataSize file = settings.getMaxFileSize();
    DataSize record = settings.getMaxRecordSize();
    try {
      settings.setMaxFileSize(DataSize.ofKilobytes(12)); // gps.jpg is 14 KB as uploaded, 11 KB stripped
      String n = approvedCashCase();
      long rows = attachments();
      Api.Res big = upload("officer", "/cases/" + n + "/visit/attachments", "VISIT_PHOTO", "big.jpg", fixture("gps.jpg"));
      assertThat(big.status()).isEqualTo(413);
      assertThat(big.code()).isEqualTo("PAYLOAD_TOO_LARGE");
      assertThat(big.json().path("detail").asText()).contains("0.01 MB");
      assertThat(attachments()).isEqualTo(rows);

      settings.setMaxFileSize(DataSize.ofKilobytes(20));
      settings.setMaxRecordSize(DataSize.ofKilobytes(25));
      assertThat(upload("officer", "/cases/" + n + "/visit/attachments", "VISIT_PHOTO", "1.jpg", fixture("gps.jpg")).status())
          .isEqualTo(201);
      assertThat(upload("officer", "/cases/" + n + "/attachments", "OTHER", "2.jpg", fixture("gps.jpg")).status())
          .isEqualTo(201);
      // The case and its visit share one limit.
      Api.Res full = upload("officer", "/cases/" + n + "/visit/attachments", "SIGNED_RECEIPT", "3.jpg", fixture("gps.jpg"));
      assertThat(full.status()).isEqualTo(413);
      assertThat(full.code()).isEqualTo("PAYLOAD_TOO_LARGE");
      assertThat(attachments()).isEqualTo(rows + 2);
    } finally {
      settings.setMaxFileSize(file);
      settings.setMaxRecordSize(record);
    }
  }

  // ------------------------------------------------------------------ scope, roles, audit

  @Test
  void anotherUnitsAttachmentIsNotFoundAndDownloadsAreAudited() {
    String n = approvedCashCase();
    long id = upload("officer", "/cases/" + n + "/attachments", "JUSTIFICATION", "说明.jpg", fixture("gps.jpg"))
        .json().path("id").asLong();
    assertThat(s.as("othermanager").get("/api/v1/attachments/" + id).status()).isEqualTo(404);
    assertThat(s.as("othermanager").get("/api/v1/attachments/" + id + "/thumbnail").status()).isEqualTo(404);
    assertThat(upload("otherofficer", "/cases/" + n + "/attachments", "OTHER", "x.jpg", fixture("gps.jpg")).status())
        .isEqualTo(404);
    assertThat(s.as("othermanager").get("/api/v1/attachments/999999999").status()).isEqualTo(404);
    // Finance may attach to the case, not to the visit; the visit takes photos only once the case is approved.
    assertThat(upload("finance", "/cases/" + n + "/visit/attachments", "VISIT_PHOTO", "x.jpg", fixture("gps.jpg")).status())
        .isEqualTo(403);
    assertThat(upload("finance", "/cases/" + n + "/attachments", "OTHER", "x.jpg", fixture("gps.jpg")).status())
        .isEqualTo(201);
    // The city above sees it; each download is in the audit log.
    assertThat(s.as("cityofficer").get("/api/v1/attachments/" + id).status()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'ATTACHMENT_DOWNLOADED' and entity_id = ?"
        + " and actor = ?", Long.class, String.valueOf(id), s.name("cityofficer"))).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'ATTACHMENT_ADDED' and entity_id = ?",
        Long.class, n)).isEqualTo(2);
    // The case view lists the case's documents.
    assertThat(s.as("officer").get("/api/v1/cases/" + n).json().path("attachments").size()).isEqualTo(2);
  }

  // ------------------------------------------------------------------ signed receipt rule

  @Test
  void theSettingRequiresASignedReceiptPhotoBeforeACashHandover() {
    boolean before = settings.isRequireReceiptPhoto();
    try {
      settings.setRequireReceiptPhoto(true);
      String n = approvedCashCase();
      Map<String, Object> visit = Map.of("outcome", "COMPLETED", "visitedOn", LocalDate.now(clock).toString(),
          "visitors", "工会主席", "notes", "已慰问", "receiptSigned", true);
      Api.Res refused = s.as("officer").post("/api/v1/cases/" + n + "/visit", visit);
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.code()).isEqualTo("RECEIPT_PHOTO_REQUIRED");
      assertThat(s.as("officer").get("/api/v1/cases/" + n).json().path("visit").path("status").asText()).isEqualTo("PLANNED");
      // A visit photo is not the receipt.
      upload("officer", "/cases/" + n + "/visit/attachments", "VISIT_PHOTO", "visit.jpg", fixture("gps.jpg"));
      assertThat(s.as("officer").post("/api/v1/cases/" + n + "/visit", visit).code()).isEqualTo("RECEIPT_PHOTO_REQUIRED");
      upload("officer", "/cases/" + n + "/visit/attachments", "SIGNED_RECEIPT", "签收单.jpg", fixture("gps.jpg"));
      Api.Res ok = s.as("officer").post("/api/v1/cases/" + n + "/visit", visit);
      assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
      assertThat(ok.json().path("payment").path("status").asText()).isEqualTo("PAID");
      assertThat(ok.json().path("visit").path("attachments").size()).isEqualTo(2);
    } finally {
      settings.setRequireReceiptPhoto(before);
    }
  }

  // ------------------------------------------------------------------ retention

  @Test
  void aClosedFilesEvidenceIsRemovedAfterTheRetentionPeriod() {
    long file = pendingFile();
    long id = upload("officer", "/hardship-files/" + file + "/attachments", "APPLICATION", "申请表.jpg", fixture("gps.jpg"))
        .json().path("id").asLong();
    s.as("manager").post("/api/v1/hardship-files/" + file + "/review", Map.of("decision", "APPROVE", "comment", "属实"));
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("FILE-" + file).singleResult().getId();
    management.executeJob(management.createJobQuery().processInstanceId(pi).timers().singleResult().getId());
    Api.Res closed = s.as("officer").post("/api/v1/hardship-files/" + file + "/close", Map.of("reason", "OUT_OF_HARDSHIP"));
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    LocalDate closedOn = LocalDate.parse(closed.json().path("closedDate").asText());
    assertThat(jdbc.queryForObject("select retain_until from attachment where id = ?", java.sql.Date.class, id)
        .toLocalDate()).isEqualTo(closedOn.plusYears(10));
    // A closed file takes no more evidence.
    assertThat(upload("officer", "/hardship-files/" + file + "/attachments", "OTHER", "x.jpg", fixture("gps.jpg")).status())
        .isEqualTo(409);
    String storageKey = jdbc.queryForObject("select storage_key from attachment where id = ?", String.class, id);

    Instant realNow = clock.instant();
    try {
      clock.advance(Duration.between(clock.instant(), closedOn.plusYears(10).atTime(12, 0).atZone(clock.getZone()).toInstant()));
      evidence.removeExpired(); // the last day of retention: still kept
      assertThat(s.as("officer").get("/api/v1/attachments/" + id).status()).isEqualTo(200);
      clock.advance(Duration.ofDays(1));
      assertThat(evidence.removeExpired()).isGreaterThanOrEqualTo(1);
      assertThat(s.as("officer").get("/api/v1/attachments/" + id).status()).isEqualTo(404);
      assertThat(jdbc.queryForObject("select count(*) from attachment_blob where storage_key = ?", Long.class, storageKey))
          .isZero();
      assertThat(jdbc.queryForObject("select actor from audit_log where action = 'ATTACHMENT_REMOVED' and entity_id = ?",
          String.class, String.valueOf(id))).isEqualTo("system");
      assertThat(s.as("officer").get("/api/v1/hardship-files/" + file).json().path("attachments").size()).isZero();
    } finally {
      clock.advance(Duration.between(clock.instant(), realNow));
    }
  }

  // ------------------------------------------------------------------ the pages

  @Test
  void theFilePageListsEvidenceAndTakesAnUploadFromTheForm() throws Exception {
    long file = pendingFile();
    BrowserSession officer = new BrowserSession(port);
    officer.login(s.name("officer"), Scenario.PW);
    String page = officer.get("/hardship-files/" + file).body();
    assertThat(page).contains("证明材料", "尚无材料", "name=\"file\"");
    String csrf = officer.csrf("/hardship-files/" + file);
    HttpResponse<String> r = multipartPage(officer, "/hardship-files/" + file + "/attachments", csrf, "INCOME_PROOF",
        "工资流水.jpg", fixture("gps.jpg"));
    assertThat(r.statusCode()).isEqualTo(302);
    page = officer.get("/hardship-files/" + file).body();
    assertThat(page).contains("已上传：工资流水.jpg", "收入证明", "/thumbnail");
    // A refused file comes back as a message on the page, nothing stored.
    r = multipartPage(officer, "/hardship-files/" + file + "/attachments", csrf, "INCOME_PROOF", "virus.pdf",
        "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(officer.get("/hardship-files/" + file).body()).contains("只能上传 JPEG、PNG、HEIC 照片或 PDF 文件");
    assertThat(s.as("officer").get("/api/v1/hardship-files/" + file).json().path("attachments").size()).isEqualTo(1);
  }

  /** A browser's form post with kind and file (multipart), through the session's cookies. */
  HttpResponse<String> multipartPage(BrowserSession session, String path, String csrf, String kind, String name,
      byte[] content) throws Exception {
    String boundary = "----page" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return session.postMultipart(path, boundary, body.toByteArray());
  }
}

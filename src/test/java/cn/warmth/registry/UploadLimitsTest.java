package cn.warmth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.H2Test;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import cn.warmth.support.Xlsx;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Uploads are bounded before they are read; long error lists are cut at 500 and say so. */
@H2Test
class UploadLimitsTest {
  private static final String BOUNDARY = "----warmthboundary";
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  Scenario s;

  @BeforeEach
  void scenario() {
    s = new Scenario(port);
  }

  @Test
  void anImportOverItsSizeLimitIs413BeforeItIsRead() {
    byte[] body = Xlsx.multipart(BOUNDARY, "file", "big.xlsx", new byte[17 * 1024 * 1024]);
    Api.Res r = s.as("officer").postRaw("/api/v1/workers/import", "multipart/form-data; boundary=" + BOUNDARY, body);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(r.json().path("detail").asText()).contains("16 MB");
  }

  @Test
  void aBankResultOverItsLimitIs413WithOrWithoutADeclaredLength() throws Exception {
    byte[] csv = ("reference,status,message\n" + "XA-2026-000001,SUCCESS,ok\n".repeat(230_000))
        .getBytes(StandardCharsets.UTF_8);
    assertThat(csv.length).isGreaterThan(5 * 1024 * 1024);
    Api.Res declared = s.as("finance").postRaw("/api/v1/payment-batches/1/bank-result", "text/csv", csv);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.code()).isEqualTo("PAYLOAD_TOO_LARGE");

    // Chunked: no length declared, cut off while being read.
    HttpResponse<String> chunked = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/v1/payment-batches/1/bank-result"))
        .header("Authorization", basic(s.name("finance")))
        .header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(csv))));
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.body()).contains("PAYLOAD_TOO_LARGE");
  }

  @Test
  void theGlobalMultipartLimitIs413ProblemJsonToo() throws Exception {
    byte[] body = Xlsx.multipart(BOUNDARY, "file", "huge.xlsx", new byte[21 * 1024 * 1024]);
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/workers/import"))
        .header("Authorization", basic(s.name("officer")))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(r.body()).contains("PAYLOAD_TOO_LARGE");
  }

  @Test
  void aBrowserGetsTheChinese413Page() throws Exception {
    byte[] body = Xlsx.multipart(BOUNDARY, "file", "big.xlsx", new byte[17 * 1024 * 1024]);
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/workers/import"))
        .header("Accept", "text/html,application/xhtml+xml")
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("上传的文件或提交的内容过大");
  }

  @Test
  void overTheRowLimitIsRefusedAtTheFirstRowPastIt() {
    byte[] file = Xlsx.streamWorkers(WorkerImport.MAX_ROWS + 1, s.school);
    Api.Res r = s.as("officer").postRaw("/api/v1/workers/import", "multipart/form-data; boundary=" + BOUNDARY,
        Xlsx.multipart(BOUNDARY, "file", "rows.xlsx", file));
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("TOO_MANY_ROWS");
    assertThat(r.json().path("detail").asText()).contains("50000", String.valueOf(WorkerImport.MAX_ROWS + 2));
    assertThat(jdbc.queryForObject("select count(*) from worker where org_code=?", Integer.class, s.school)).isZero();
  }

  @Test
  void atMost500ErrorsAreListedAndTheRestCounted() {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 620; i++) {
      String[] row = Xlsx.row("错误" + (char) ('甲' + i % 10), TestIds.nextId(), s.school);
      row[1] = row[1].substring(0, 17) + (row[1].charAt(17) == '0' ? '1' : '0'); // wrong check character
      rows.add(row);
    }
    Api.Res r = s.as("officer").postRaw("/api/v1/workers/import", "multipart/form-data; boundary=" + BOUNDARY,
        Xlsx.multipart(BOUNDARY, "file", "bad.xlsx", Xlsx.workers(rows)));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("errors").size()).isEqualTo(500);
    assertThat(r.json().path("errorsNotListed").asInt()).isEqualTo(120);
    assertThat(r.json().path("detail").asText()).contains("500", "120");
    assertThat(r.json().path("errors").get(499).path("row").asInt()).isEqualTo(501);
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Scenario.PW).getBytes(StandardCharsets.UTF_8));
  }
}

package cn.warmth.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.Scenario;
import cn.warmth.support.Xlsx;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The jar on its default embedded H2 database in an empty folder (the shipped URL, with no
 * write delay), and a 200,000-row import against the smallest supported heap.
 */
class PackagedJarH2IT extends PackagedJarContract {
  @Override
  List<String> databaseArgs() {
    return List.of();
  }

  @Override
  Map<String, String> databaseEnv() {
    return Map.of();
  }

  /** Started as behind a TLS proxy: the session cookie only travels over HTTPS. */
  @Override
  Map<String, String> extraEnv() {
    return Map.of("WARMTH_COOKIE_SECURE", "true");
  }

  @Test
  void theSessionCookieIsSecureWhenConfigured() throws Exception {
    var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + jar.port() + "/login")).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    // Spring Session's cookie since sessions live in the database (issue 14).
    assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=")
        .contains("Secure", "HttpOnly", "SameSite=Lax"));
  }

  @Test
  void aTwoHundredThousandRowImportIsRefusedInSecondsAndTheServerKeepsAnswering() throws Exception {
    Scenario s = new Scenario(jar.port());
    Path file = dir.resolve("200k.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      Xlsx.streamWorkers(200_000, s.school, out);
    }
    long size = Files.size(file);
    assertThat(size).as("a file under the upload limit").isBetween(5L * 1024 * 1024, 16L * 1024 * 1024);
    String boundary = "----warmth200k";
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"200k.xlsx\"\r\n"
        + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest upload = HttpRequest.newBuilder(URI.create("http://localhost:" + jar.port() + "/api/v1/workers/import"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (s.name("officer") + ":" + Scenario.PW).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .timeout(Duration.ofSeconds(120))
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
            HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
        .build();
    long start = System.nanoTime();
    HttpResponse<String> r = HttpClient.newHttpClient().send(upload, HttpResponse.BodyHandlers.ofString());
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("IMPORT-200000 refused in %d ms (%d KiB file, -Xmx512m)%n", ms, size / 1024);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("\"code\":\"TOO_MANY_ROWS\"");
    assertThat(ms).as("refused in seconds, not minutes").isLessThan(30_000);
    assertThat(jar.isAlive()).isTrue();
    Api.Res next = s.as("officer").get("/api/v1/workers?q=批量");
    assertThat(next.status()).isEqualTo(200);
    assertThat(next.json().size()).as("nothing imported").isZero();
    assertThat(s.admin.get("/api/v1/orgs").status()).isEqualTo(200);
  }
}

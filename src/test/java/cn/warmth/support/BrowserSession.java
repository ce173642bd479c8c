package cn.warmth.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping HTTP session that signs in through the login form, CSRF token and all. */
public final class BrowserSession {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private final String base;
  private final HttpClient http;
  private final CookieManager cookies = new CookieManager();

  public BrowserSession(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** A cookie this session holds (e.g. the console's XSRF-TOKEN), or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
  }

  /** Any request, relative to the server, with this session's cookies. */
  public HttpResponse<String> request(String path, java.util.function.UnaryOperator<HttpRequest.Builder> build) {
    return send(build.apply(HttpRequest.newBuilder(URI.create(base + path))));
  }

  /** Signs in; returns where the login form redirected to. */
  public String login(String username, String password) {
    String token = csrf("/login");
    HttpResponse<String> r = post("/login", "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token));
    return r.headers().firstValue("Location").orElse("");
  }

  public String csrf(String page) {
    Matcher m = CSRF.matcher(get(page).body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on " + page);
    }
    return m.group(1);
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public HttpResponse<String> post(String path, String form) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** A form with one file, as a browser uploads it (multipart/form-data), with the page's CSRF token. */
  public HttpResponse<String> postFile(String path, String csrfToken, String field, String fileName, byte[] content) {
    String boundary = "----warmth" + System.nanoTime();
    var body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** A multipart/form-data body already built (fields and files), posted with the session's cookies. */
  public HttpResponse<String> postMultipart(String path, String boundary, byte[] body) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

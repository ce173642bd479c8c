package cn.warmth.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A tiny HTTP client for the API as an outside system sees it: real port, HTTP Basic or a Bearer token, JSON. */
public final class Api {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final String base;
  private final String auth;

  private Api(String base, String auth) {
    this.base = base;
    this.auth = auth;
  }

  public static Api at(int port) {
    return new Api("http://localhost:" + port, null);
  }

  public Api as(String username, String password) {
    String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Api(base, "Basic " + token);
  }

  /** The API with a personal API token ({@code Authorization: Bearer}). */
  public Api bearer(String token) {
    return new Api(base, "Bearer " + token);
  }

  public Res delete(String path) {
    return send(request(path).DELETE());
  }

  public Res get(String path) {
    return send(request(path).GET());
  }

  public Res post(String path, Object body) {
    String text = body instanceof String s ? s : write(body);
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
  }

  public Res put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)));
  }

  public Res putRaw(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A multipart/form-data POST: the text fields, then one file part (none when {@code content} is null). */
  public Res postMultipart(String path, java.util.Map<String, String> fields, String fileField, String filename,
      byte[] content) {
    String boundary = "----warmth" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    if (content != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
          + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return postRaw(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  public Res postRaw(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "zh-CN");
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return b;
  }

  private Res send(HttpRequest.Builder b) {
    try {
      HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Res(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row of a list call, following its {@code Link rel="next"} pages (api.md "List calls"). */
  public java.util.List<JsonNode> getAll(String path) {
    java.util.List<JsonNode> rows = new java.util.ArrayList<>();
    String next = path.contains("size=") ? path : path + (path.contains("?") ? "&" : "?") + "size=500";
    for (int guard = 0; next != null && guard < 1000; guard++) {
      Res r = get(next);
      if (r.status() != 200) {
        throw new IllegalStateException(next + " answered " + r);
      }
      r.json().forEach(rows::add);
      next = r.link("next");
      if (next != null) {
        next = next.substring(base.length());
      }
    }
    return rows;
  }

  public record Res(int status, String contentType, byte[] bytes, java.net.http.HttpHeaders headers) {
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** The URI of the {@code Link} header's entry with the given rel, or null. */
    public String link(String rel) {
      for (String value : headers.allValues("Link")) {
        for (String part : value.split(",\\s*(?=<)")) {
          if (part.contains("rel=\"" + rel + "\"")) {
            return part.substring(part.indexOf('<') + 1, part.indexOf('>'));
          }
        }
      }
      return null;
    }

    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + text(), e);
      }
    }

    /** The problem+json code, or null. */
    public String code() {
      return json().path("code").asText(null);
    }

    @Override
    public String toString() {
      return status + " " + text();
    }
  }
}

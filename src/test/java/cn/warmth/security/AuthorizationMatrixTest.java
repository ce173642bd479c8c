package cn.warmth.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.security.MatrixFixture.Where;
import cn.warmth.support.H2Test;
import cn.warmth.support.MutableClock;
import cn.warmth.support.Scenario;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix: every endpoint of the application (API and pages, read from the
 * running context's request mappings) × every role × where the object lives, against the table
 * in {@code src/test/resources/security/authorization-matrix.txt} (its header says how to add an
 * entry). A new endpoint without an entry fails {@link #everyEndpointHasAnEntry()} with the line
 * to add. {@code -Dmatrix.record=true} writes what the application answers now to
 * {@code target/authorization-matrix.observed.txt}, to compare or to start a new entry from.
 */
@H2Test
class AuthorizationMatrixTest {
  static final String TABLE = "security/authorization-matrix.txt";
  static final StringBuffer DEBUG = new StringBuffer();
  /** The page's message for a role that may not act (messages.properties error.roleNotAllowed). */
  static final String ROLE_REFUSED = "您的角色无权执行此操作";
  /** The page's message for an unknown or out-of-scope record (error.NOT_FOUND). */
  static final String NOT_FOUND = "找不到该记录，或它不在您的管理范围内";
  static final List<String> ROLES = List.of("anonymous", "OFFICER", "FINANCE", "MANAGER", "ADMIN@city", "ADMIN@root");

  @LocalServerPort
  int port;
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;
  @Autowired
  MutableClock clock;
  @Autowired
  TaskService tasks;

  /** One endpoint: method and path pattern, with what the test needs to call it. */
  record Endpoint(String method, String path, HandlerMethod handler, boolean multipart, boolean csv) {
    String key() {
      return method + " " + path;
    }

    boolean api() {
      return path.startsWith("/api/");
    }

    boolean takesOrg() {
      for (MethodParameter p : handler.getMethodParameters()) {
        RequestParam rp = p.getParameterAnnotation(RequestParam.class);
        p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
        String n = rp == null ? null : !rp.value().isEmpty() ? rp.value() : !rp.name().isEmpty() ? rp.name()
            : p.getParameterName();
        if ("org".equals(n)) {
          return true;
        }
      }
      return false;
    }

    /** Whether the answer depends on where the object lives: a path variable or an org filter. */
    boolean located() {
      return path.contains("{") || takesOrg();
    }

    List<String> requestParams() {
      List<String> names = new ArrayList<>();
      for (MethodParameter p : handler.getMethodParameters()) {
        p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
        RequestParam rp = p.getParameterAnnotation(RequestParam.class);
        if (rp != null && p.getParameterType() != MultipartFile.class) {
          String n = rp.value().isEmpty() ? rp.name() : rp.value();
          names.add(n.isEmpty() ? p.getParameterName() : n);
        }
      }
      return names;
    }
  }

  /** The application's endpoints (handlers in cn.warmth): framework endpoints have their own tests. */
  List<Endpoint> endpoints() {
    List<Endpoint> list = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      HandlerMethod h = e.getValue();
      if (!h.getBeanType().getName().startsWith("cn.warmth.") || h.getBeanType().getSimpleName().equals(
          "ProblemErrorController")) {
        continue;
      }
      RequestMappingInfo info = e.getKey();
      var consumes = info.getConsumesCondition().getConsumableMediaTypes();
      boolean multipart = consumes.contains(MediaType.MULTIPART_FORM_DATA) || java.util.Arrays.stream(
          h.getMethodParameters()).anyMatch(p -> p.getParameterType() == MultipartFile.class);
      boolean csv = consumes.stream().anyMatch(m -> m.getSubtype().equals("csv"));
      var methods = info.getMethodsCondition().getMethods();
      for (String path : info.getPatternValues()) {
        if (methods.isEmpty()) {
          list.add(new Endpoint("GET", path, h, multipart, csv));
        }
        methods.forEach(m -> list.add(new Endpoint(m.name(), path, h, multipart, csv)));
      }
    }
    list.sort(java.util.Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
    return list;
  }

  /** The expected table: key → one cell per role (each one outcome, or four joined by '/'). */
  static Map<String, List<String>> table() throws IOException {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    try (var in = AuthorizationMatrixTest.class.getClassLoader().getResourceAsStream(TABLE)) {
      assertThat(in).as(TABLE).isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        String[] parts = l.split("\\|");
        assertThat(parts).as("a row has an endpoint and " + ROLES.size() + " cells: " + l).hasSize(ROLES.size() + 1);
        String key = parts[0].strip().replaceAll("\\s+", " ");
        assertThat(rows).as("duplicate row " + key).doesNotContainKey(key);
        rows.put(key, java.util.Arrays.stream(parts).skip(1).map(String::strip).toList());
      }
    }
    return rows;
  }

  @Test
  void everyEndpointHasAnEntry() throws IOException {
    Map<String, List<String>> table = table();
    TreeSet<String> missing = new TreeSet<>();
    TreeSet<String> known = new TreeSet<>();
    for (Endpoint e : endpoints()) {
      known.add(e.key());
      if (!table.containsKey(e.key())) {
        missing.add(String.format("%-7s %-55s | %s", e.method(), e.path(), e.located()
            ? "401 | ok/404/404/404 | ok/404/404/404 | ok/404/404/404 | ok/ok/404 | ok" : "401 | ok | ok | ok | ok | ok"));
      }
    }
    assertThat(missing).as("""
        Endpoints without an entry in src/test/resources/security/%s.
        Add one line per endpoint (see the file's header); a starting point, to be corrected to what
        each role may do (run with -Dmatrix.record=true to see what the application answers now):
        """.formatted(TABLE) + String.join("\n", missing)).isEmpty();
    TreeSet<String> stale = new TreeSet<>(table.keySet());
    stale.removeAll(known);
    assertThat(stale).as("Rows for endpoints that no longer exist: remove them from " + TABLE).isEmpty();
  }

  @Test
  void everyRoleGetsWhatTheTableSays() throws IOException {
    LocalDate today = LocalDate.now(clock);
    MatrixFixture f = new MatrixFixture(port, today, tasks);
    Map<String, Caller> callers = new LinkedHashMap<>();
    callers.put("anonymous", new Caller(null, null));
    callers.put("OFFICER", new Caller(f.s.name("officer"), Scenario.PW));
    callers.put("FINANCE", new Caller(f.s.name("finance"), Scenario.PW));
    callers.put("MANAGER", new Caller(f.s.name("manager"), Scenario.PW));
    callers.put("ADMIN@city", new Caller(f.cityAdminName, Scenario.PW));
    callers.put("ADMIN@root", new Caller("admin", "warmth-root-pw-1"));

    Map<String, List<String>> expected = table();
    Map<String, List<String>> observed = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    Map<String, Long> millis = new TreeMap<>();
    for (Endpoint e : endpoints()) {
      long t0 = System.nanoTime();
      List<String> cells = new ArrayList<>();
      for (String role : ROLES) {
        List<String> outcomes = new ArrayList<>();
        for (Where where : e.located() ? places(role) : List.of(Where.OWN)) {
          outcomes.add(callers.get(role).call(e, f, where));
        }
        cells.add(outcomes.stream().distinct().count() == 1 ? outcomes.get(0) : String.join("/", outcomes));
      }
      observed.put(e.key(), cells);
      millis.put(e.key(), (System.nanoTime() - t0) / 1_000_000);
      List<String> want = expected.get(e.key());
      for (int i = 0; i < ROLES.size(); i++) {
        String got = cells.get(i);
        assertThat(got).as(e.key() + " as " + ROLES.get(i) + ": never a server error").doesNotContain("500");
        if (want != null && !same(want.get(i), got)) {
          wrong.add(String.format("%s as %s: expected %s, got %s", e.key(), ROLES.get(i), want.get(i), got));
        }
      }
    }
    if (Boolean.getBoolean("matrix.record")) {
      StringBuilder b = new StringBuilder();
      observed.forEach((k, v) -> b.append(String.format("%-62s | %s%n", k.replaceFirst(" ", " ".repeat(Math.max(1,
          8 - k.indexOf(' ')))), String.join(" | ", v))));
      Files.writeString(Path.of("target/authorization-matrix.observed.txt"), b.toString());
      StringBuilder t = new StringBuilder();
      millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(x -> t.append(x.getValue()).append(" ms ").append(x.getKey()).append('\n'));
      Files.writeString(Path.of("target/authorization-matrix.timing.txt"), t.toString());
      Files.writeString(Path.of("target/authorization-matrix.400.txt"), DEBUG.toString());
    }
    assertThat(wrong).as("cells that differ from " + TABLE).isEmpty();
  }

  /**
   * Where each role's objects are taken from (the table's cells list them in this order): a
   * school's OFFICER, FINANCE and MANAGER meet objects of their own school, a sibling school, the
   * parent city and another city; the city's ADMIN objects below it, at its own unit and in
   * another city; the root's ADMIN, whose scope is everything, the farthest (another city).
   */
  static List<Where> places(String role) {
    return switch (role) {
      case "anonymous" -> List.of(Where.OWN);
      case "ADMIN@city" -> List.of(Where.OWN, Where.PARENT, Where.OTHER_CITY);
      case "ADMIN@root" -> List.of(Where.OTHER_CITY);
      default -> List.of(Where.values());
    };
  }

  /** "ok" and "ok/ok/ok/ok" are the same answer. */
  static boolean same(String want, String got) {
    return expand(want, 4).equals(expand(got, 4));
  }

  static List<String> expand(String cell, int n) {
    String[] p = cell.split("/");
    return p.length == 1 ? java.util.Collections.nCopies(n, p[0]) : List.of(p);
  }

  // ------------------------------------------------------------------ calling

  /** Values for request fields and parameters: real where the door depends on them, otherwise invalid. */
  static Map<String, Object> body(MatrixFixture f, Where where) {
    MatrixFixture.Objects own = f.at.get(Where.OWN);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("campaignCode", f.campaign);
    m.put("campaign", f.campaign);
    m.put("orgCode", own.org());
    m.put("org", f.at.get(where).org());
    m.put("workerId", own.worker());
    m.put("count", 1);
    m.put("householdSize", 1);
    m.put("disabled", false);
    m.put("receiptSigned", false);
    m.put("roles", List.of("OFFICER"));
    m.put("assistance", List.of("x"));
    m.put("reasons", List.of("x"));
    m.put("visit", Map.of("plannedDate", "x"));
    for (String name : List.of("code", "name", "type", "parentCode", "username", "password", "displayName", "category",
        "fundSource", "paymentMethod", "amountYuan", "goodsValueYuan", "goodsDescription", "reason", "overCapReason",
        "decision", "comment", "outcome", "visitedOn", "visitors", "notes", "plannedDate", "location", "receivedOn",
        "source", "date", "kind", "note", "narrative", "preparedBy", "phone", "idNumber", "employmentType", "bankName",
        "bankCardNumber", "monthlyYuan", "annualIncomeYuan", "annualEssentialExpensesYuan", "description",
        "startDate", "endDate", "reportDeadline", "enterpriseName", "enterpriseCreditCode")) {
      m.put(name, "x");
    }
    return m;
  }

  static String path(Endpoint e, MatrixFixture f, Where where) {
    MatrixFixture.Objects o = f.at.get(where);
    String p = e.path();
    String id;
    if (p.contains("/jobs/{id}")) {
      id = "no-such-job";
    } else if (p.contains("workers/{id}")) {
      id = String.valueOf(o.worker());
    } else if (p.contains("hardship-files/{id}")) {
      id = String.valueOf(o.file());
    } else if (p.contains("payment-batches/{id}")) {
      id = String.valueOf(o.batch());
    } else if (p.contains("reports/{id}")) {
      id = String.valueOf(o.report());
    } else if (p.startsWith("/api/v1/tokens/")) {
      id = String.valueOf(f.apiToken);
    } else if (p.startsWith("/tokens/")) {
      id = String.valueOf(f.pageToken);
    } else if (p.contains("attachments/{id}")) {
      id = String.valueOf(o.attachment());
    } else {
      id = null;
    }
    p = p.replace("{caseNumber}", o.caseNumber()).replace("{workerId}", String.valueOf(o.worker()))
        .replace("{username}", o.officer()).replace("{year}", "2026").replace("{taskId}", o.reviewTaskId())
        .replace("{code}", p.startsWith("/api/v1/campaigns/") ? o.campaign()
            : p.contains("bank-profiles/") ? "GBK_PORTAL" : o.org());
    if (id != null) {
      p = p.replace("{id}", id);
    }
    assertThat(p).as("MatrixFixture has no object for a path variable of " + e.path() + ": add one").doesNotContain("{");
    return p;
  }

  /** A role: HTTP Basic for the API, a signed-in session (with its CSRF token) for the pages. */
  final class Caller {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String basic;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    Caller(String username, String password) {
      basic = username == null ? null : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
          .getBytes(StandardCharsets.UTF_8));
      csrf = token();
      if (username != null) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/login")).header("Content-Type",
            "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username)
            + "&password=" + enc(password) + "&_csrf=" + enc(csrf))));
        assertThat(r.headers().firstValue("Location").orElse("")).as("sign-in of " + username).doesNotContain("error");
        csrf = token();
      }
    }

    private String token() {
      Matcher m = CSRF.matcher(send(HttpRequest.newBuilder(uri("/login")).GET()).body());
      assertThat(m.find()).isTrue();
      return m.group(1);
    }

    String call(Endpoint e, MatrixFixture f, Where where) {
      Map<String, Object> values = body(f, where);
      String path = path(e, f, where);
      StringBuilder query = new StringBuilder();
      if (e.method().equals("GET")) {
        // Reading: the real campaign and unit, and filters that select something; never invalid ones.
        Map<String, Object> filters = Map.of("campaign", f.campaign, "org", values.get("org"), "q", "矩阵",
            "cell", "C4", "decimals", 2);
        for (String name : e.requestParams()) {
          if (filters.containsKey(name)) {
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(enc(String.valueOf(filters.get(name))));
          }
        }
      }
      HttpRequest.Builder b = HttpRequest.newBuilder(uri(path + query));
      if (e.api() && basic != null) {
        b.header("Authorization", basic);
      }
      b.header("Accept-Language", "zh-CN");
      if (e.method().equals("GET")) {
        b.GET();
      } else if (e.multipart()) {
        String boundary = "matrix" + System.nanoTime();
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.xlsx\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\nx\r\n--" + boundary + "--\r\n";
        b.header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-TOKEN", csrf)
            .method(e.method(), HttpRequest.BodyPublishers.ofString(part));
      } else if (e.csv()) {
        b.header("Content-Type", "text/csv").method(e.method(),
            HttpRequest.BodyPublishers.ofString("reference,status,message\n"));
      } else if (e.api()) {
        b.header("Content-Type", "application/json").method(e.method(), HttpRequest.BodyPublishers.ofString(json(values)));
      } else {
        StringBuilder form = new StringBuilder("_csrf=").append(enc(csrf));
        values.forEach((k, v) -> {
          if (!(v instanceof Map)) {
            form.append('&').append(k).append('=').append(enc(v instanceof List<?> l ? String.valueOf(l.get(0))
                : String.valueOf(v)));
          }
        });
        b.header("Content-Type", "application/x-www-form-urlencoded").method(e.method(),
            HttpRequest.BodyPublishers.ofString(form.toString()));
      }
      HttpResponse<String> r = send(b);
      if (Boolean.getBoolean("matrix.record") && r.statusCode() == 400) {
        DEBUG.append(e.key()).append(' ').append(path).append(query).append(" -> ")
            .append(r.body(), 0, Math.min(300, r.body().length())).append('\n');
      }
      if (!e.api() && r.statusCode() == 200 && r.body().contains(ROLE_REFUSED)) {
        return "denied";
      }
      if (!e.api() && r.statusCode() == 200 && r.body().contains(NOT_FOUND)) {
        return "notfound";
      }
      return outcome(r.statusCode(), r.headers().firstValue("Location").orElse(""));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
      try {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }
  }

  /**
   * ok: through the door (2xx, 3xx, or refused by a business rule: 409, 422); login: sent to the
   * sign-in page; denied / notfound: a page that answers 200 with the form again and "your role may
   * not" / "not found or not in your scope"; otherwise the status (400 invalid input, 401, 403, 404).
   */
  static String outcome(int status, String location) {
    if ((status == 302 || status == 303) && location.contains("/login")) {
      return "login";
    }
    if (status < 400 || status == 409 || status == 422) {
      return "ok";
    }
    return String.valueOf(status);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String json(Object o) {
    try {
      return new ObjectMapper().writeValueAsString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

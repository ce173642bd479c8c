package cn.warmth.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every simulation shares: the settings ({@code -Dload.*}), the generated province as the
 * database holds it (units, users, free worker/category pairs, case numbers to read), and personal
 * API tokens made for the run through the API (HTTP Basic, once per user) and revoked after it.
 */
final class Harness {
  static final String BASE = System.getProperty("load.base", "http://localhost:8097");
  static final String DB = System.getProperty("load.db", "jdbc:postgresql://localhost:55433/warmth");
  static final String DB_USER = System.getProperty("load.dbUser", "warmth");
  static final String DB_PASSWORD = System.getProperty("load.dbPassword", "warmth");
  static final String CAMPAIGN = System.getProperty("load.campaign", "2024-YDCJ");
  static final String PASSWORD = System.getProperty("load.password", "warmth-demo-2024");
  static final Duration DURATION = Duration.ofSeconds(Long.getLong("load.seconds", 60));
  /** "bearer" (personal API tokens, the default) or "basic" (a password check per request, for comparison). */
  static final String AUTH = System.getProperty("load.auth", "bearer");
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"(wt_[A-Za-z0-9_-]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
  private static final Map<String, Long> TOKEN_IDS = new ConcurrentHashMap<>();

  private Harness() {}

  static LocalDate today() {
    return LocalDate.now(BEIJING);
  }

  /** Grassroots units of the generated province (those with the generator's officer), by code. */
  static List<String> units() {
    return strings("""
        select o.code from org_unit o join app_user u on u.username = lower(o.code) || '.officer'
        where o.type = 'GRASSROOTS' order by o.code""");
  }

  /** Cities with the generator's manager. */
  static List<String> cities() {
    return strings("""
        select o.code from org_unit o join app_user u on u.username = lower(o.code) || '.manager'
        where o.type = 'CITY' order by o.code""");
  }

  static String root() {
    return strings("select code from org_unit where parent_id is null").get(0);
  }

  static String user(String orgCode, String role) {
    return orgCode.toLowerCase() + "." + role;
  }

  /** Up to {@code n} case numbers of the campaign in a unit's subtree, for reading one case. */
  static List<String> caseNumbers(String orgCode, int n) {
    return strings("""
        select c.case_number from aid_case c join org_unit o on o.code = ?
        where c.campaign_code = ? and c.org_path like o.path || '%' order by c.id desc limit ?""", orgCode, CAMPAIGN, n);
  }

  /** Workers of a unit and a category each with no case of the campaign yet (the duplicate rule), oldest first. */
  static ConcurrentLinkedQueue<String[]> freePairs(String unit, int n) {
    ConcurrentLinkedQueue<String[]> out = new ConcurrentLinkedQueue<>();
    query("""
        select w.id, k.c from worker w
          cross join (values ('C1'), ('C2'), ('C3'), ('C4'), ('C5'), ('C6'), ('C7'), ('C8'), ('C9'), ('C10'), ('C11')) k(c)
        where w.org_code = ?
          and not exists (select 1 from aid_case a where a.duplicate_key = ? || '|' || w.id || '|' || k.c)
          and (select coalesce(sum(a.amount_fen + a.goods_value_fen), 0) from aid_case a
               where a.worker_id = w.id and a.cap_year = ?) <= 500000
        order by w.id, k.c limit ?""", rs -> out.add(new String[] {rs.getString(1), rs.getString(2)}),
        unit, CAMPAIGN, today().getYear(), n);
    return out;
  }

  /** The Authorization header for a user: a personal API token (made once per run), or Basic. */
  static String auth(String username) {
    if (AUTH.equals("basic")) {
      return basic(username);
    }
    return "Bearer " + TOKENS.computeIfAbsent(username, Harness::createToken);
  }

  static String basic(String username) {
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static String createToken(String username) {
    String body = "{\"name\":\"load " + System.currentTimeMillis() % 100000 + "\",\"expiresOn\":\"" + today().plusDays(1) + "\"}";
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/tokens"))
        .header("Authorization", basic(username)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (r.statusCode() != 201) {
      throw new IllegalStateException("token for " + username + ": " + r.statusCode() + " " + r.body());
    }
    Matcher t = TOKEN.matcher(r.body());
    Matcher id = ID.matcher(r.body());
    if (!t.find() || !id.find()) {
      throw new IllegalStateException("no token in " + r.body());
    }
    TOKEN_IDS.put(username, Long.parseLong(id.group(1)));
    return t.group(1);
  }

  /** Revokes the run's tokens (each user has at most 20 active ones). */
  static void revokeTokens() {
    TOKEN_IDS.forEach((user, id) -> send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/tokens/" + id))
        .header("Authorization", "Bearer " + TOKENS.get(user)).DELETE()));
    TOKEN_IDS.clear();
    TOKENS.clear();
  }

  static HttpResponse<String> send(HttpRequest.Builder b) {
    HttpRequest request = b.timeout(Duration.ofSeconds(60)).build();
    try {
      try {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException closed) {
        // A pooled connection that the server closed while the simulation ran (its keep-alive ended):
        // the set-up and clean-up calls are idempotent, so one new attempt on a fresh connection.
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A feeder record per user: who, with which Authorization, and what to read. */
  static Map<String, Object> reader(String username, String scopeCode) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", username);
    m.put("auth", auth(username));
    m.put("campaign", CAMPAIGN);
    m.put("cases", caseNumbers(scopeCode, 50));
    return m;
  }

  // ------------------------------------------------------------------ JDBC

  interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  static List<String> strings(String sql, Object... args) {
    List<String> out = new ArrayList<>();
    query(sql, rs -> out.add(rs.getString(1)), args);
    return out;
  }

  static void query(String sql, Row row, Object... args) {
    try (Connection c = DriverManager.getConnection(DB, DB_USER, DB_PASSWORD);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          row.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}

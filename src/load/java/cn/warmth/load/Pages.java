package cn.warmth.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Signed-in pages: form login (CSRF token from the form, session cookie), then each role's pages in turn. */
final class Pages {
  private Pages() {}

  /** The pages a role opens during the deadline week, as {name, path}. */
  static List<String[]> of(String role, String scope) {
    String c = Harness.CAMPAIGN;
    List<String> cases = Harness.caseNumbers(scope, 20);
    String one = cases.isEmpty() ? "NONE" : cases.get(cases.size() / 2);
    List<String[]> p = new ArrayList<>();
    p.add(new String[] {"page /", "/"});
    switch (role) {
      case "officer" -> {
        p.add(new String[] {"page /cases", "/cases?campaign=" + c});
        p.add(new String[] {"page /visits", "/visits"});
        p.add(new String[] {"page /cases/{n}", "/cases/" + one});
        p.add(new String[] {"page /workers", "/workers"});
        p.add(new String[] {"page /workers?q=", "/workers?q=%E7%8E%8B"}); // 王
      }
      case "finance" -> {
        p.add(new String[] {"page /approvals", "/approvals"});
        p.add(new String[] {"page /cases", "/cases?campaign=" + c});
        p.add(new String[] {"page /cases/{n}", "/cases/" + one});
      }
      default -> {
        p.add(new String[] {"page /statistics", "/statistics?campaign=" + c});
        p.add(new String[] {"page /dashboard", "/dashboard?campaign=" + c});
        p.add(new String[] {"page /reports", "/reports?campaign=" + c});
        p.add(new String[] {"page /cases", "/cases?campaign=" + c});
      }
    }
    return p;
  }

  static Map<String, Object> user(String username, String role, String scope) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", username);
    m.put("pages", of(role, scope));
    m.put("i", 0);
    return m;
  }

  /** {@code n} page users: officers, finance officers and managers of units and cities in proportion. */
  static List<Map<String, Object>> mix(int n, int offset) {
    List<String> units = Harness.units();
    List<String> cities = Harness.cities();
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = offset; out.size() < n; i++) {
      int slot = i % 10;
      if (slot < 6) {
        String unit = units.get((i * 7) % units.size());
        out.add(user(Harness.user(unit, "officer"), "officer", unit));
      } else if (slot < 8) {
        String unit = units.get((i * 11 + 5) % units.size());
        out.add(user(Harness.user(unit, "finance"), "finance", unit));
      } else if (slot == 8) {
        String unit = units.get((i * 3 + 1) % units.size());
        out.add(user(Harness.user(unit, "manager"), "manager", unit));
      } else {
        String city = cities.get(i % cities.size());
        out.add(user(Harness.user(city, "manager"), "manager", city));
      }
    }
    return out;
  }

  static ChainBuilder signIn() {
    return exec(http("GET /login").get("/login").check(status().is(200),
        regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf")))
        .exec(http("POST /login").post("/login").formParam("username", "#{username}")
            .formParam("password", Harness.PASSWORD).formParam("_csrf", "#{csrf}").disableFollowRedirect()
            .check(status().is(302), header("Location").not("/login?error"), header("Location").not("/login?locked")));
  }

  /** The next page of the user's round. */
  static ChainBuilder nextPage() {
    return exec(session -> {
      @SuppressWarnings("unchecked")
      List<String[]> pages = (List<String[]>) session.get("pages");
      int i = session.getInt("i");
      String[] page = pages.get(i % pages.size());
      return session.set("i", i + 1).set("pageName", page[0]).set("pagePath", page[1]);
    }).exec(http("#{pageName}").get("#{pagePath}").check(status().is(200)));
  }
}

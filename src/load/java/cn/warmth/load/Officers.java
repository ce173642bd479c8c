package cn.warmth.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Officers carrying whole cases, each at a unit of their own with that unit's finance officer:
 * open (cash, 200 yuan: finance signs alone) → finance sign-off → visit with a signed receipt →
 * close. Workers and categories come from the database: pairs with no case in the campaign yet.
 */
final class Officers {
  private Officers() {}

  /** One feeder record per client: the unit, the officer's and the finance officer's Authorization, its free pairs. */
  static List<Map<String, Object>> clients(int n, int offset, int pairsEach) {
    List<String> units = Harness.units();
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String unit = units.get((offset + i * 13) % units.size());
      ConcurrentLinkedQueue<String[]> pairs = Harness.freePairs(unit, pairsEach);
      out.add(Map.of("unit", unit, "officer", Harness.auth(Harness.user(unit, "officer")),
          "finance", Harness.auth(Harness.user(unit, "finance")), "pairs", pairs, "campaign", Harness.CAMPAIGN));
    }
    return out;
  }

  /** One whole case; the four calls are named so that each gets its own line in the report. */
  static ChainBuilder wholeCase() {
    return exec(session -> {
      @SuppressWarnings("unchecked")
      ConcurrentLinkedQueue<String[]> pairs = (ConcurrentLinkedQueue<String[]>) session.get("pairs");
      String[] pair = pairs.poll();
      if (pair == null) {
        throw new IllegalStateException("no free worker left at " + session.getString("unit"));
      }
      String today = Harness.today().toString();
      return session.set("workerId", pair[0]).set("category", pair[1]).set("today", today);
    })
        .exec(http("POST /api/v1/cases").post("/api/v1/cases").header("Authorization", "#{officer}")
            .header("Content-Type", "application/json")
            .body(StringBody("""
                {"campaignCode":"#{campaign}","workerId":#{workerId},"category":"#{category}","fundSource":"B3",
                 "paymentMethod":"CASH","amountYuan":"200","assistance":["E1"],"reason":"春节慰问",
                 "visit":{"plannedDate":"#{today}","location":"职工家中","visitors":"工会主席"}}"""))
            .check(status().is(201), jsonPath("$.caseNumber").saveAs("caseNumber")))
        .exec(http("POST /api/v1/cases/{n}/approval").post("/api/v1/cases/#{caseNumber}/approval")
            .header("Authorization", "#{finance}").header("Content-Type", "application/json")
            .body(StringBody("{\"decision\":\"APPROVE\",\"comment\":\"同意\"}")).check(status().is(200)))
        .exec(http("POST /api/v1/cases/{n}/visit").post("/api/v1/cases/#{caseNumber}/visit")
            .header("Authorization", "#{officer}").header("Content-Type", "application/json")
            .body(StringBody("""
                {"outcome":"COMPLETED","visitedOn":"#{today}","visitors":"工会主席","notes":"慰问金已当面发放",
                 "receiptSigned":true}""")).check(status().is(200)))
        .exec(http("POST /api/v1/cases/{n}/close").post("/api/v1/cases/#{caseNumber}/close")
            .header("Authorization", "#{officer}").header("Content-Type", "application/json").body(StringBody("{}"))
            .check(status().is(200)));
  }
}

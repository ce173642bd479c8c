package cn.warmth.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Statistics for any role, in its own scope (api.md). */
@RestController
@RequestMapping("/api/v1/statistics")
class StatisticsApiController {
  private final Statistics statistics;
  private final OfficialSheets sheets;
  private final Clock clock;

  StatisticsApiController(Statistics statistics, OfficialSheets sheets, Clock clock) {
    this.statistics = statistics;
    this.sheets = sheets;
    this.clock = clock;
  }

  @GetMapping
  Map<String, Object> cells(@RequestParam(required = false) String campaign, @RequestParam(required = false) String org) {
    Statistics.Scope s = statistics.scope(campaign, org);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("campaignCode", s.campaign().code());
    m.put("orgCode", s.org().code());
    m.put("cells", statistics.compute(s.campaign().code(), s.org().path()).api());
    return m;
  }

  /** One entry per direct child unit: bounded by the tree (computed by the same grouped queries). */
  @GetMapping("/breakdown")
  ResponseEntity<List<Map<String, Object>>> breakdown(@RequestParam(required = false) String campaign,
      @RequestParam(required = false) String org, cn.warmth.shared.PageParams page) {
    List<Map<String, Object>> rows = statistics.breakdown(campaign, org).stream().map(r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("orgCode", r.orgCode());
      m.put("orgName", r.orgName());
      m.put("cells", r.cells().api());
      return m;
    }).toList();
    return cn.warmth.shared.Paging.answer(cn.warmth.shared.Paged.ofBounded(rows, page), page);
  }

  @GetMapping("/cases")
  Map<String, Object> cases(@RequestParam(required = false) String campaign, @RequestParam(required = false) String org,
      @RequestParam(required = false) String cell) {
    return Map.of("cell", cell == null ? "" : cell.strip().toUpperCase(),
        "caseNumbers", statistics.casesBehind(campaign, org, cell));
  }

  @GetMapping("/export")
  ResponseEntity<byte[]> export(@RequestParam(required = false) String campaign, @RequestParam(required = false) String org,
      @RequestParam(defaultValue = "2") int decimals, @RequestParam(required = false) String preparer,
      @RequestParam(required = false) String phone) {
    return StatisticsExport.xlsx(sheets, campaign, org, decimals, preparer, phone, LocalDate.now(clock));
  }
}

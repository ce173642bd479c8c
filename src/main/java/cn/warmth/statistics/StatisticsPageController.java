package cn.warmth.statistics;

import cn.warmth.campaign.Campaigns;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.PageParams;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The official table, the breakdown by child unit, the drill-down and the export. */
@Controller
class StatisticsPageController {
  private final Statistics statistics;
  private final OfficialSheets sheets;
  private final Campaigns campaigns;
  private final Organisations organisations;
  private final MessageSource messages;
  private final Clock clock;

  StatisticsPageController(Statistics statistics, OfficialSheets sheets, Campaigns campaigns, Organisations organisations,
      MessageSource messages, Clock clock) {
    this.statistics = statistics;
    this.sheets = sheets;
    this.campaigns = campaigns;
    this.organisations = organisations;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/statistics")
  String table(@RequestParam(required = false) String campaign, @RequestParam(required = false) String org,
      @RequestParam(defaultValue = "2") int decimals, Model model, Locale locale) {
    String code = campaigns.codeOrDefault(campaign);
    model.addAttribute("campaigns", campaigns.all());
    model.addAttribute("orgs", organisations.inScope());
    if (code == null) {
      return "statistics/table";
    }
    Statistics.Scope s = statistics.scope(code, org);
    int d = decimals == 4 ? 4 : 2;
    model.addAttribute("scope", s);
    model.addAttribute("decimals", d);
    model.addAttribute("tableTitle", StatisticsExport.title(s.campaign().name()));
    model.addAttribute("rows", OfficialTable.rows(statistics.compute(s.campaign().code(), s.org().path()), d, messages, locale));
    model.addAttribute("filler", sheets.filler(s.org()));
    model.addAttribute("today", LocalDate.now(clock));
    return "statistics/table";
  }

  @GetMapping("/statistics/breakdown")
  String breakdown(@RequestParam(required = false) String campaign, @RequestParam(required = false) String org,
      Model model) {
    String code = campaigns.codeOrDefault(campaign);
    Statistics.Scope s = statistics.scope(code, org);
    List<Statistics.Row> rows = statistics.breakdown(s);
    List<Map<String, String>> printed = new ArrayList<>();
    for (Statistics.Row r : rows) {
      printed.add(OfficialTable.format(r.cells(), 2));
    }
    model.addAttribute("scope", s);
    model.addAttribute("rows", rows);
    model.addAttribute("printed", printed);
    model.addAttribute("total", OfficialTable.format(statistics.compute(code, s.org().path()), 2));
    model.addAttribute("columns", List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J1", "J2", "K1", "K2"));
    return "statistics/breakdown";
  }

  /** The cases behind a cell, 100 a page: masked name, unit, money and goods, closing day, a link to each. */
  @GetMapping("/statistics/cases")
  String cases(@RequestParam(required = false) String campaign, @RequestParam(required = false) String org,
      @RequestParam String cell, @RequestParam(required = false) String page, Model model) {
    Statistics.Scope s = statistics.scope(campaign, org);
    PageParams p = PageParams.of(page, "100");
    model.addAttribute("scope", s);
    model.addAttribute("cell", cell.strip().toUpperCase());
    model.addAttribute("rows", statistics.rowsBehind(campaign, s.org().code(), cell, p));
    model.addAttribute("page", p);
    return "statistics/cases";
  }

  @GetMapping("/statistics/export")
  ResponseEntity<byte[]> export(@RequestParam(required = false) String campaign, @RequestParam(required = false) String org,
      @RequestParam(defaultValue = "2") int decimals, @RequestParam(required = false) String preparer,
      @RequestParam(required = false) String phone) {
    return StatisticsExport.xlsx(sheets, campaigns.codeOrDefault(campaign), org, decimals, preparer, phone,
        LocalDate.now(clock));
  }
}

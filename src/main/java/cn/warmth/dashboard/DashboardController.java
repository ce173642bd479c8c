package cn.warmth.dashboard;

import cn.warmth.campaign.Campaigns;
import cn.warmth.cases.AidCases;
import cn.warmth.cases.CaseStatus;
import cn.warmth.funds.Funds;
import cn.warmth.reports.ReportStatus;
import cn.warmth.reports.Reports;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.WarmthUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The managers' dashboard: campaign progress in the user's scope, with Chart.js charts. */
@Controller
class DashboardController {
  private final Campaigns campaigns;
  private final AidCases cases;
  private final Funds funds;
  private final Reports reports;
  private final MessageSource messages;
  private final ObjectMapper json;

  DashboardController(Campaigns campaigns, AidCases cases, Funds funds, Reports reports, MessageSource messages,
      ObjectMapper json) {
    this.campaigns = campaigns;
    this.cases = cases;
    this.funds = funds;
    this.reports = reports;
    this.messages = messages;
    this.json = json;
  }

  @GetMapping("/dashboard")
  String dashboard(@RequestParam(required = false) String campaign, Model model, Locale locale) throws JsonProcessingException {
    String code = campaigns.codeOrDefault(campaign);
    model.addAttribute("campaigns", campaigns.all());
    if (code == null) {
      return "dashboard/dashboard";
    }
    WarmthUser me = CurrentUser.get();
    AidCases.Progress progress = cases.progress(code, me.orgPath());
    List<Funds.SourceLine> fundLines = funds.overview(code, null);
    List<Reports.ChildState> children = reports.childStates(code, me.orgCode());
    Map<String, Object> charts = new LinkedHashMap<>();
    charts.put("statusLabels", java.util.Arrays.stream(CaseStatus.values())
        .map(s -> messages.getMessage("caseStatus." + s, null, locale)).toList());
    charts.put("statusCounts", java.util.Arrays.stream(CaseStatus.values()).map(progress.byStatus()::get).toList());
    charts.put("fundLabels", fundLines.stream().map(l -> l.source().name()).toList());
    charts.put("raised", fundLines.stream().map(Funds.SourceLine::raisedYuan).toList());
    charts.put("paid", fundLines.stream().map(Funds.SourceLine::paidYuan).toList());
    charts.put("raisedLabel", messages.getMessage("funds.raised", null, locale));
    charts.put("paidLabel", messages.getMessage("funds.paid", null, locale));
    model.addAttribute("campaign", campaigns.require(code));
    model.addAttribute("progress", progress);
    model.addAttribute("funds", fundLines);
    model.addAttribute("children", children);
    model.addAttribute("submitted", children.stream().filter(c -> c.status() == ReportStatus.SUBMITTED
        || c.status() == ReportStatus.ACCEPTED).count());
    model.addAttribute("charts", json.writeValueAsString(charts));
    return "dashboard/dashboard";
  }
}

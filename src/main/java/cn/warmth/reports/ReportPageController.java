package cn.warmth.reports;

import cn.warmth.campaign.Campaigns;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.FormErrors;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.Pager;
import cn.warmth.shared.SortOrder;
import cn.warmth.organisation.Organisations;
import cn.warmth.statistics.OfficialSheets;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reports: submit my unit's, review my children's, see who is missing or late, read the history. */
@Controller
class ReportPageController {
  private final Reports reports;
  private final Campaigns campaigns;
  private final OfficialSheets sheets;
  private final Organisations organisations;
  private final MessageSource messages;

  ReportPageController(Reports reports, Campaigns campaigns, OfficialSheets sheets, Organisations organisations,
      MessageSource messages) {
    this.reports = reports;
    this.campaigns = campaigns;
    this.sheets = sheets;
    this.organisations = organisations;
    this.messages = messages;
  }

  /** A campaign's reports: the children's state, and the reports in scope (by status, sorted, one page with the total). */
  @GetMapping("/reports")
  String page(@RequestParam(required = false) String campaign, @RequestParam(required = false) String status,
      @RequestParam(required = false) String sort, PageParams page, Model model) {
    String code = campaigns.codeOrDefault(campaign);
    model.addAttribute("campaigns", campaigns.all());
    if (code != null) {
      var me = CurrentUser.get();
      model.addAttribute("campaign", campaigns.require(code));
      SortOrder order = SortOrder.parse(sort, "org", Reports.SORTS);
      Paged<Reports.ReportView> rows = reports.list(code, status, order, page);
      model.addAttribute("reports", rows.items());
      model.addAttribute("pager", Pager.of(rows, page, order));
      model.addAttribute("statuses", ReportStatus.values());
      model.addAttribute("children", reports.childStates(code, me.orgCode()));
      model.addAttribute("unitActions", reports.unitActions(code));
      model.addAttribute("noReportReason", reports.noReportReason(code));
      model.addAttribute("contact", organisations.contactOf(me.orgCode()));
      model.addAttribute("me", me);
    }
    return "reports/reports";
  }

  /** One report: the frozen figures, the review, and the actions open to the user (review, or 修改后重新报送). */
  @GetMapping("/reports/{id}")
  String report(@PathVariable long id, Model model, Locale locale) {
    Reports.ReportView r = reports.get(id);
    model.addAttribute("r", r);
    model.addAttribute("campaign", campaigns.require(r.campaignCode()));
    model.addAttribute("me", CurrentUser.get());
    // The table as the unit submitted it (frozen), beside its figures today.
    model.addAttribute("compared", sheets.compare(r.campaignCode(), r.orgCode(), r.cells(), locale));
    model.addAttribute("contact", organisations.contactOf(r.orgCode()));
    return "reports/report";
  }

  @PostMapping("/reports")
  String submit(@RequestParam String campaignCode, @RequestParam(required = false) String narrative,
      @RequestParam(required = false) String preparedBy, @RequestParam(required = false) String phone,
      @RequestParam Map<String, String> input, Model model, Locale locale, RedirectAttributes redirect) {
    try {
      reports.submit(campaignCode, null, narrative, preparedBy, phone);
      redirect.addFlashAttribute("successMessage", messages.getMessage("report.submitted", null, locale));
      return "redirect:/reports?campaign=" + campaignCode;
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      FormErrors.keepInput(model, "report", input);
      return page(campaignCode, null, null, PageParams.first(), model);
    }
  }

  @PostMapping("/reports/{id}/review")
  String review(@PathVariable long id, @RequestParam String campaignCode, @RequestParam(required = false) String decision,
      @RequestParam(required = false) String comment, @RequestParam(required = false) String from, Model model,
      Locale locale, RedirectAttributes redirect) {
    boolean fromReport = "report".equals(from);
    try {
      reports.review(id, decision, comment);
      redirect.addFlashAttribute("successMessage", messages.getMessage("report.reviewed", null, locale));
      return fromReport ? "redirect:/reports/" + id : "redirect:/reports?campaign=" + campaignCode;
    } catch (RuntimeException e) {
      FormErrors.addTo(model, FormErrors.refusal(e), messages, locale);
      FormErrors.keepInput(model, "review-" + id, Map.of("comment", comment == null ? "" : comment));
      return fromReport ? report(id, model, locale) : page(campaignCode, null, null, PageParams.first(), model);
    }
  }
}

package cn.warmth.funds;

import cn.warmth.campaign.CampaignView;
import cn.warmth.campaign.Campaigns;
import cn.warmth.cases.FundSource;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.FormErrors;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.Pager;
import cn.warmth.shared.SortOrder;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The funds page: record income, and see raised vs approved vs paid per source. */
@Controller
class FundPageController {
  private final Funds funds;
  private final Campaigns campaigns;
  private final Organisations organisations;
  private final MessageSource messages;

  FundPageController(Funds funds, Campaigns campaigns, Organisations organisations, MessageSource messages) {
    this.funds = funds;
    this.campaigns = campaigns;
    this.organisations = organisations;
    this.messages = messages;
  }

  /** Raised vs approved vs paid per source, and the income records (by unit and source, sorted, one page with the total). */
  @GetMapping("/funds")
  String page(@RequestParam(required = false) String campaign, @RequestParam(required = false) String org,
      @RequestParam(required = false) String source, @RequestParam(required = false) String sort, PageParams page,
      Model model) {
    List<CampaignView> all = campaigns.all();
    String code = campaigns.codeOrDefault(campaign);
    model.addAttribute("campaigns", all);
    model.addAttribute("campaign", code);
    model.addAttribute("orgs", organisations.inScope());
    model.addAttribute("sources", FundSource.values());
    model.addAttribute("myOrg", CurrentUser.get().orgCode());
    if (code != null) {
      model.addAttribute("overview", funds.overview(code, null));
      SortOrder order = SortOrder.parse(sort, "-date", Funds.SORTS);
      Paged<Funds.FundView> rows = funds.list(code, org, source, order, page);
      model.addAttribute("records", rows.items());
      model.addAttribute("pager", Pager.of(rows, page, order));
    }
    return "funds/funds";
  }

  @PostMapping("/funds")
  String record(@RequestParam String campaignCode, @RequestParam String orgCode, @RequestParam String source,
      @RequestParam String amountYuan, @RequestParam String receivedOn, @RequestParam(required = false) String note,
      Model model, Locale locale, RedirectAttributes redirect) {
    try {
      funds.record(campaignCode, orgCode, source, amountYuan, receivedOn, note);
      redirect.addFlashAttribute("successMessage", messages.getMessage("funds.recorded", null, locale));
      return "redirect:/funds?campaign=" + campaignCode;
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      return page(campaignCode, null, null, null, PageParams.first(), model);
    }
  }
}

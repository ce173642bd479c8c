package cn.warmth.cases;

import cn.warmth.campaign.CampaignView;
import cn.warmth.campaign.Campaigns;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Money;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 公示名单: a printable list of closed cases with masked names. */
@Controller
class PublicListController {
  private final AidCases cases;
  private final Campaigns campaigns;
  private final Organisations organisations;

  PublicListController(AidCases cases, Campaigns campaigns, Organisations organisations) {
    this.cases = cases;
    this.campaigns = campaigns;
    this.organisations = organisations;
  }

  @GetMapping("/public-list")
  String list(@RequestParam(required = false) String campaign, @RequestParam(required = false) String org, Model model) {
    String code = campaigns.codeOrDefault(campaign);
    model.addAttribute("campaigns", campaigns.all());
    if (code != null) {
      CampaignView c = campaigns.require(code);
      OrgView o = organisations.requireInScope(org == null || org.isBlank() ? CurrentUser.get().orgCode() : org);
      List<AidCases.NoticeLine> lines = cases.publicList(c.code(), o.path());
      model.addAttribute("campaign", c);
      model.addAttribute("org", o);
      model.addAttribute("lines", lines);
      model.addAttribute("totalYuan", Money.yuan(lines.stream()
          .mapToLong(l -> new java.math.BigDecimal(l.totalYuan()).movePointRight(2).longValueExact()).sum()));
    }
    return "cases/public-list";
  }
}

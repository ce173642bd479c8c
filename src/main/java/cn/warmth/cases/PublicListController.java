package cn.warmth.cases;

import cn.warmth.campaign.CampaignView;
import cn.warmth.campaign.Campaigns;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.registry.HardshipFiles;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Money;
import java.time.Clock;
import java.time.LocalDate;
import cn.warmth.registry.HardshipCategory;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 公示名单 for a notice board (A4, print.css): the closed cases of a campaign with masked names,
 * units by name, the category in the table's words and the amount; then the 建档公示 — hardship
 * files of the unit and below in their notice period now — and whom to tell about an objection.
 */
@Controller
class PublicListController {
  private final AidCases cases;
  private final Campaigns campaigns;
  private final Organisations organisations;
  private final HardshipFiles files;
  private final MessageSource messages;
  private final Clock clock;

  PublicListController(AidCases cases, Campaigns campaigns, Organisations organisations, HardshipFiles files,
      MessageSource messages, Clock clock) {
    this.cases = cases;
    this.campaigns = campaigns;
    this.organisations = organisations;
    this.files = files;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/public-list")
  String list(@RequestParam(required = false) String campaign, @RequestParam(required = false) String org, Model model) {
    String code = campaigns.codeOrDefault(campaign);
    model.addAttribute("campaigns", campaigns.all());
    model.addAttribute("orgs", organisations.inScope());
    OrgView o = organisations.requireInScope(org == null || org.isBlank() ? CurrentUser.get().orgCode() : org);
    model.addAttribute("org", o);
    model.addAttribute("contact", organisations.contactOf(o.code()));
    model.addAttribute("noticeFiles", files.inNotice(o.path()));
    model.addAttribute("today", LocalDate.now(clock));
    // The notice is posted in Chinese whatever the page's language: the categories in the table's words.
    Map<String, String> words = new HashMap<>();
    for (AidCategory a : AidCategory.values()) {
      words.put(a.name(), messages.getMessage("aidCategory.short." + a, null, Locale.SIMPLIFIED_CHINESE));
    }
    for (HardshipCategory h : HardshipCategory.values()) {
      words.put(h.name(), messages.getMessage("category." + h, null, Locale.SIMPLIFIED_CHINESE));
    }
    model.addAttribute("words", words);
    if (code != null) {
      CampaignView c = campaigns.require(code);
      List<AidCases.NoticeLine> lines = cases.publicList(c.code(), o.path());
      model.addAttribute("campaign", c);
      model.addAttribute("lines", lines);
      model.addAttribute("totalYuan", Money.yuan(lines.stream()
          .mapToLong(l -> new java.math.BigDecimal(l.totalYuan()).movePointRight(2).longValueExact()).sum()));
    }
    return "cases/public-list";
  }
}

package cn.warmth.activities;

import cn.warmth.campaign.Campaigns;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.FormErrors;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.Pager;
import cn.warmth.shared.SortOrder;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ActivityPageController {
  private final Activities activities;
  private final Campaigns campaigns;
  private final Organisations organisations;
  private final MessageSource messages;

  ActivityPageController(Activities activities, Campaigns campaigns, Organisations organisations, MessageSource messages) {
    this.activities = activities;
    this.campaigns = campaigns;
    this.organisations = organisations;
    this.messages = messages;
  }

  /** The activities of a campaign (by unit and kind, sorted, one page with the total) and the form to record one. */
  @GetMapping("/activities")
  String page(@RequestParam(required = false) String campaign, @RequestParam(required = false) String org,
      @RequestParam(required = false) String kind, @RequestParam(required = false) String sort, PageParams page,
      Model model) {
    String code = campaigns.codeOrDefault(campaign);
    model.addAttribute("campaigns", campaigns.all());
    model.addAttribute("campaign", code);
    model.addAttribute("kinds", ActivityKind.values());
    model.addAttribute("orgs", organisations.inScope());
    model.addAttribute("myOrg", CurrentUser.get().orgCode());
    if (code != null) {
      SortOrder order = SortOrder.parse(sort, "-date", Activities.SORTS);
      Paged<Activities.ActivityView> rows = activities.list(code, org, kind, order, page);
      model.addAttribute("activities", rows.items());
      model.addAttribute("pager", Pager.of(rows, page, order));
    }
    return "activities/activities";
  }

  @PostMapping("/activities")
  String record(@RequestParam String campaignCode, @RequestParam String orgCode, @RequestParam String kind,
      @RequestParam String date, @RequestParam(required = false) Integer count,
      @RequestParam(required = false) String amountYuan, @RequestParam(required = false) String enterpriseName,
      @RequestParam(required = false) String enterpriseCreditCode, @RequestParam(required = false) String note,
      Model model, Locale locale, RedirectAttributes redirect) {
    try {
      activities.record(campaignCode, orgCode, kind, date, count, amountYuan == null || amountYuan.isBlank() ? null : amountYuan,
          enterpriseName, enterpriseCreditCode, note);
      redirect.addFlashAttribute("successMessage", messages.getMessage("activity.recorded", null, locale));
      return "redirect:/activities?campaign=" + campaignCode;
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      return page(campaignCode, null, null, null, PageParams.first(), model);
    }
  }
}

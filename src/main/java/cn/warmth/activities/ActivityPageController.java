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
import cn.warmth.shared.FieldProblem;
import cn.warmth.shared.Integers;
import cn.warmth.shared.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /**
   * Records an activity. The form shows only the fields of the chosen kind (static/js/activities.js);
   * a refusal keeps every typed field and puts each message under its own field.
   */
  @PostMapping("/activities")
  String record(@RequestParam(required = false) String campaignCode, @RequestParam(required = false) String orgCode,
      @RequestParam(required = false) String kind, @RequestParam(required = false) String date,
      @RequestParam(required = false) String count, @RequestParam(required = false) String amountYuan,
      @RequestParam(required = false) String enterpriseName, @RequestParam(required = false) String enterpriseCreditCode,
      @RequestParam(required = false) String note, @RequestParam Map<String, String> input, Model model, Locale locale,
      RedirectAttributes redirect) {
    Problems typed = new Problems();
    Long n = Integers.parse(count, "count", 0, Integer.MAX_VALUE, false, typed);
    try {
      try {
        // A count that is no number: -1 makes the service refuse as well (nothing saved) and report the rest.
        activities.record(campaignCode, orgCode, kind, date, typed.isEmpty() ? (n == null ? null : n.intValue()) : -1,
            amountYuan == null || amountYuan.isBlank() ? null : amountYuan, enterpriseName, enterpriseCreditCode, note);
      } catch (BusinessException e) {
        if (typed.isEmpty() || e.status() != org.springframework.http.HttpStatus.BAD_REQUEST) {
          throw e;
        }
        List<FieldProblem> all = new ArrayList<>(typed.list());
        e.errors().stream().filter(f -> !"count".equals(f.field())).forEach(all::add);
        throw BusinessException.validation(all);
      }
      redirect.addFlashAttribute("successMessage", messages.getMessage("activity.recorded", null, locale));
      return "redirect:/activities?campaign=" + campaignCode;
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      FormErrors.keepInput(model, "activity", input);
      return page(campaignCode, null, null, null, PageParams.first(), model);
    }
  }
}

package cn.warmth.campaign;

import cn.warmth.shared.BusinessException;
import cn.warmth.shared.FormErrors;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@PreAuthorize("hasRole('ADMIN')")
class CampaignPageController {
  private final Campaigns campaigns;
  private final cn.warmth.organisation.Organisations organisations;
  private final MessageSource messages;
  private final java.time.Clock clock;

  CampaignPageController(Campaigns campaigns, cn.warmth.organisation.Organisations organisations,
      MessageSource messages, java.time.Clock clock) {
    this.campaigns = campaigns;
    this.organisations = organisations;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/admin/campaigns")
  String list(Model model) {
    var all = campaigns.all();
    model.addAttribute("campaigns", all);
    model.addAttribute("today", LocalDate.now(clock));
    // The owner unit by name (also an ancestor's, for a province campaign seen by a city).
    java.util.Map<String, String> names = new java.util.HashMap<>();
    all.stream().map(CampaignView::orgCode).distinct()
        .forEach(code -> organisations.find(code).ifPresent(o -> names.put(code, o.name())));
    model.addAttribute("orgNames", names);
    model.addAttribute("orgs", organisations.inScope());
    model.addAttribute("myOrg", cn.warmth.shared.CurrentUser.get().orgCode());
    return "campaign/campaigns";
  }

  @PostMapping("/admin/campaigns")
  String create(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
      @RequestParam(required = false) String startDate, @RequestParam(required = false) String endDate,
      @RequestParam(required = false) String reportDeadline, @RequestParam(required = false) String orgCode,
      Model model, Locale locale, RedirectAttributes redirect) {
    try {
      campaigns.create(CampaignApiController.command(code, name, startDate, endDate, reportDeadline, orgCode));
      redirect.addFlashAttribute("successMessage", messages.getMessage("campaign.created", new Object[] {name}, locale));
      return "redirect:/admin/campaigns";
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      model.addAttribute("form", java.util.Map.of("code", String.valueOf(code == null ? "" : code),
          "name", name == null ? "" : name, "startDate", startDate == null ? "" : startDate,
          "endDate", endDate == null ? "" : endDate, "reportDeadline", reportDeadline == null ? "" : reportDeadline,
          "orgCode", orgCode == null ? "" : orgCode));
      return list(model);
    }
  }
}

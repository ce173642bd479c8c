package cn.warmth.campaign;

import cn.warmth.shared.BusinessException;
import cn.warmth.shared.FormErrors;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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
  private final MessageSource messages;
  private final java.time.Clock clock;

  CampaignPageController(Campaigns campaigns, MessageSource messages, java.time.Clock clock) {
    this.campaigns = campaigns;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/admin/campaigns")
  String list(Model model) {
    model.addAttribute("campaigns", campaigns.all());
    model.addAttribute("today", LocalDate.now(clock));
    return "campaign/campaigns";
  }

  @PostMapping("/admin/campaigns")
  String create(@RequestParam String code, @RequestParam String name,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportDeadline,
      Model model, Locale locale, RedirectAttributes redirect) {
    var cmd = new Campaigns.CreateCampaign(code, name, startDate, endDate, reportDeadline);
    try {
      campaigns.create(cmd);
      redirect.addFlashAttribute("successMessage", messages.getMessage("campaign.created", new Object[] {name}, locale));
      return "redirect:/admin/campaigns";
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      model.addAttribute("form", cmd);
      return list(model);
    }
  }
}

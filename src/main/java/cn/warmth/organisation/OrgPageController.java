package cn.warmth.organisation;

import cn.warmth.shared.BusinessException;
import cn.warmth.shared.FormErrors;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN: the organisation tree and a form to add a unit. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OrgPageController {
  private final Organisations organisations;
  private final MessageSource messages;

  OrgPageController(Organisations organisations, MessageSource messages) {
    this.organisations = organisations;
    this.messages = messages;
  }

  @GetMapping("/admin/orgs")
  String tree(Model model) {
    var orgs = organisations.inScope();
    model.addAttribute("orgs", orgs);
    model.addAttribute("dibao", organisations.dibaoStandards(orgs));
    model.addAttribute("contacts", organisations.contacts(orgs));
    model.addAttribute("types", new OrgType[] {OrgType.CITY, OrgType.GRASSROOTS});
    return "organisation/orgs";
  }

  @PostMapping("/admin/orgs/dibao")
  String dibao(@RequestParam String code, @RequestParam(required = false) String monthlyYuan, Model model,
      Locale locale, RedirectAttributes redirect) {
    try {
      cn.warmth.shared.Problems p = new cn.warmth.shared.Problems();
      Long fen = cn.warmth.shared.Money.parseYuan(monthlyYuan, "dibaoMonthlyYuan", p, false);
      p.throwIfAny();
      organisations.setDibao(code, fen);
      redirect.addFlashAttribute("successMessage", messages.getMessage("saved", null, locale));
      return "redirect:/admin/orgs";
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      return tree(model);
    }
  }

  /** The unit's contact person and phone; on a refusal the typed values stay in the form. */
  @PostMapping("/admin/orgs/contact")
  String contact(@RequestParam(required = false) String code, @RequestParam(required = false) String contactName,
      @RequestParam(required = false) String contactPhone, Model model, Locale locale, RedirectAttributes redirect) {
    try {
      organisations.setContact(code, contactName, contactPhone);
      redirect.addFlashAttribute("successMessage", messages.getMessage("saved", null, locale));
      return "redirect:/admin/orgs";
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      model.addAttribute("contactForm", java.util.Map.of("code", String.valueOf(code), "contactName",
          contactName == null ? "" : contactName, "contactPhone", contactPhone == null ? "" : contactPhone));
      return tree(model);
    }
  }

  @PostMapping("/admin/orgs")
  String create(@RequestParam String code, @RequestParam String name, @RequestParam(required = false) OrgType type,
      @RequestParam String parentCode, Model model, Locale locale, RedirectAttributes redirect) {
    try {
      OrgView v = organisations.create(new Organisations.CreateOrg(code, name, type, parentCode));
      redirect.addFlashAttribute("successMessage", messages.getMessage("org.created", new Object[] {v.name()}, locale));
      return "redirect:/admin/orgs";
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      model.addAttribute("form", new Organisations.CreateOrg(code, name, type, parentCode));
      return tree(model);
    }
  }
}

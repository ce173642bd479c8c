package cn.warmth.approvals;

import cn.warmth.cases.FundSource;
import cn.warmth.cases.SignOffs;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.FormErrors;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** 待我签批: the list with filters and paging, multi-select approval with results per case, and "next". */
@Controller
class ApprovalPageController {
  static final int PAGE_SIZE = 50;
  private final SignOffs signOffs;
  private final ApprovalDesk desk;
  private final Organisations organisations;
  private final MessageSource messages;

  ApprovalPageController(SignOffs signOffs, ApprovalDesk desk, Organisations organisations, MessageSource messages) {
    this.signOffs = signOffs;
    this.desk = desk;
    this.organisations = organisations;
    this.messages = messages;
  }

  @GetMapping("/approvals")
  String list(@RequestParam(required = false) String org, @RequestParam(required = false) String source,
      @RequestParam(defaultValue = "0") int page, Model model) {
    SignOffs.WaitingPage p = signOffs.waiting(org, source, Math.max(page, 0), PAGE_SIZE);
    model.addAttribute("p", p);
    model.addAttribute("org", org == null ? "" : org);
    model.addAttribute("source", source == null ? "" : source);
    model.addAttribute("orgs", organisations.inScope());
    model.addAttribute("sources", FundSource.values());
    model.addAttribute("pages", (int) Math.max(1, (p.total() + PAGE_SIZE - 1) / PAGE_SIZE));
    return "approvals/desk";
  }

  @PostMapping("/approvals")
  String approve(@RequestParam(required = false) List<String> caseNumbers,
      @RequestParam(required = false) String comment, @RequestParam(required = false) String org,
      @RequestParam(required = false) String source, Model model, Locale locale, RedirectAttributes redirect) {
    try {
      ApprovalDesk.BulkResult r = desk.approveAll(null, caseNumbers, comment, locale);
      redirect.addFlashAttribute(r.refused() == 0 ? "successMessage" : "warningMessage",
          messages.getMessage("desk.result", new Object[] {r.approved(), r.refused()}, locale));
      redirect.addFlashAttribute("bulk", r);
      return "redirect:" + UriComponentsBuilder.fromPath("/approvals").queryParam("org", blank(org))
          .queryParam("source", blank(source)).build().toUriString();
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      return list(org, source, 0, model);
    }
  }

  /** After a sign-off: the next case waiting for the caller, or back to the list when none is left. */
  @GetMapping("/approvals/next")
  String next(@RequestParam(required = false) String after, Locale locale, RedirectAttributes redirect) {
    return signOffs.next(after).map(n -> "redirect:/cases/" + n).orElseGet(() -> {
      redirect.addFlashAttribute("successMessage", messages.getMessage("desk.noneLeft", null, locale));
      return "redirect:/approvals";
    });
  }

  private static Object[] blank(String s) {
    return s == null || s.isBlank() ? new Object[0] : new Object[] {s};
  }
}

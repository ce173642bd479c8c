package cn.warmth.registry;

import cn.warmth.shared.Role;

import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.FormErrors;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.Pager;
import cn.warmth.shared.SortOrder;
import cn.warmth.organisation.Organisations;
import java.util.List;
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

/** The file form, the file page with its history, and the review, objection, yearly review and close actions. */
@Controller
class HardshipFilePageController {
  private final HardshipFiles files;
  private final Workers workers;
  private final Organisations organisations;
  private final MessageSource messages;

  HardshipFilePageController(HardshipFiles files, Workers workers, Organisations organisations,
      MessageSource messages) {
    this.files = files;
    this.workers = workers;
    this.organisations = organisations;
    this.messages = messages;
  }

  /**
   * 困难档案: which files wait for review, are in their 公示, are filed, rejected or closed — by
   * status, unit and worker (name or the ID's last 4), sorted, one page with the total.
   */
  @GetMapping("/hardship-files")
  String list(@RequestParam(required = false) List<String> status, @RequestParam(required = false) String org,
      @RequestParam(required = false) String q, @RequestParam(required = false) String sort, PageParams page,
      Model model) {
    SortOrder order = SortOrder.parse(sort, "-submitted", HardshipFiles.SORTS);
    Paged<HardshipFiles.FileRow> rows = files.list(status, org, q, order, page);
    model.addAttribute("files", rows.items());
    model.addAttribute("pager", Pager.of(rows, page, order));
    model.addAttribute("statuses", FileStatus.values());
    model.addAttribute("orgs", organisations.inScope());
    model.addAttribute("q", q);
    return "registry/files";
  }

  @GetMapping("/workers/{workerId}/hardship-file/new")
  String form(@PathVariable long workerId, Model model) {
    CurrentUser.requireRole(Role.OFFICER); // a form only officers can submit: 403 for the others
    model.addAttribute("worker", workers.get(workerId));
    model.addAttribute("categories", HardshipCategory.values());
    model.addAttribute("reasons", HardshipReason.values());
    return "registry/file-form";
  }

  @PostMapping("/workers/{workerId}/hardship-file/new")
  String submit(@PathVariable long workerId, @RequestParam(required = false) String category,
      @RequestParam(required = false) String mainReason, @RequestParam(required = false) List<String> otherReasons,
      @RequestParam(required = false) Integer householdSize, @RequestParam(required = false) String annualIncomeYuan,
      @RequestParam(required = false) String annualEssentialExpensesYuan,
      @RequestParam(required = false) String description, Model model, Locale locale, RedirectAttributes redirect) {
    List<String> reasons = new java.util.ArrayList<>();
    if (mainReason != null && !mainReason.isBlank()) {
      reasons.add(mainReason);
    }
    if (otherReasons != null) {
      otherReasons.stream().filter(r -> !r.equals(mainReason)).forEach(reasons::add);
    }
    try {
      HardshipFileView f = files.submit(workerId, new HardshipFiles.FileInput(category, reasons, householdSize,
          annualIncomeYuan, annualEssentialExpensesYuan, description));
      redirect.addFlashAttribute("successMessage", messages.getMessage("file.submittedMessage", null, locale));
      return "redirect:/hardship-files/" + f.id();
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      model.addAttribute("form", new HardshipFiles.FileInput(category, reasons, householdSize, annualIncomeYuan,
          annualEssentialExpensesYuan, description));
      return form(workerId, model);
    }
  }

  @GetMapping("/hardship-files/{id}")
  String view(@PathVariable long id, Model model) {
    HardshipFileView f = files.get(id);
    model.addAttribute("file", f);
    model.addAttribute("worker", workers.get(f.workerId()));
    model.addAttribute("history", files.historyInWords(id));
    model.addAttribute("me", CurrentUser.get());
    model.addAttribute("closeReasons", CloseReason.values());
    return "registry/file";
  }

  @PostMapping("/hardship-files/{id}/review")
  String review(@PathVariable long id, @RequestParam(required = false) String decision,
      @RequestParam(required = false) String comment, @RequestParam Map<String, String> input, Model model,
      Locale locale, RedirectAttributes redirect) {
    return act(id, "review", input, model, locale, redirect, "file.reviewedMessage",
        () -> files.review(id, decision, comment));
  }

  @PostMapping("/hardship-files/{id}/objection")
  String objection(@PathVariable long id, @RequestParam(required = false) String comment,
      @RequestParam Map<String, String> input, Model model, Locale locale, RedirectAttributes redirect) {
    return act(id, "objection", input, model, locale, redirect, "file.objectionRecorded",
        () -> files.objection(id, comment));
  }

  @PostMapping("/hardship-files/{id}/annual-review")
  String annualReview(@PathVariable long id, @RequestParam(required = false) String comment,
      @RequestParam Map<String, String> input, Model model, Locale locale, RedirectAttributes redirect) {
    return act(id, "annualReview", input, model, locale, redirect, "file.annualReviewDone",
        () -> files.confirmAnnualReview(id, comment));
  }

  @PostMapping("/hardship-files/{id}/close")
  String close(@PathVariable long id, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String comment, @RequestParam Map<String, String> input, Model model,
      Locale locale, RedirectAttributes redirect) {
    return act(id, "close", input, model, locale, redirect, "file.closedMessage", () -> files.close(id, reason, comment));
  }

  /** Runs one of the file's actions; a refusal shows the page again with the message under the field and the typed input kept. */
  private String act(long id, String form, Map<String, String> input, Model model, Locale locale,
      RedirectAttributes redirect, String okKey, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("successMessage", messages.getMessage(okKey, null, locale));
      return "redirect:/hardship-files/" + id;
    } catch (RuntimeException e) {
      // The file page read afresh, the refusal's status; someone else first: "已被他人处理", input kept.
      FormErrors.addTo(model, FormErrors.refusal(e), messages, locale);
      FormErrors.keepInput(model, form, input);
      return view(id, model);
    }
  }
}

package cn.warmth.cases;

import cn.warmth.campaign.Campaigns;
import cn.warmth.registry.HardshipFiles;
import cn.warmth.registry.Workers;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.FormErrors;
import cn.warmth.shared.Role;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case pages: list, opening form, the case with its actions, and the visits calendar. */
@Controller
class CasePageController {
  private final AidCases cases;
  private final Campaigns campaigns;
  private final Workers workers;
  private final HardshipFiles files;
  private final MessageSource messages;
  private final Clock clock;

  CasePageController(AidCases cases, Campaigns campaigns, Workers workers, HardshipFiles files, MessageSource messages,
      Clock clock) {
    this.cases = cases;
    this.campaigns = campaigns;
    this.workers = workers;
    this.files = files;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/cases")
  String list(@RequestParam(required = false) String campaign, @RequestParam(required = false) String status,
      @RequestParam(required = false) String category, @RequestParam(required = false) String org, Model model) {
    model.addAttribute("cases", cases.search(campaign, status, category, org, 0, 200));
    model.addAttribute("campaigns", campaigns.all());
    model.addAttribute("statuses", CaseStatus.values());
    model.addAttribute("categories", AidCategory.values());
    return "cases/list";
  }

  @GetMapping("/cases/new")
  String form(@RequestParam(required = false) Long workerId, @RequestParam(required = false) String q, Model model) {
    CurrentUser.requireRole(Role.OFFICER);
    if (workerId != null) {
      model.addAttribute("worker", workers.get(workerId));
      model.addAttribute("filed", files.filedDateOf(workerId).isPresent());
    } else if (q != null && !q.isBlank()) {
      model.addAttribute("matches", workers.search(q));
    }
    model.addAttribute("q", q);
    model.addAttribute("campaigns", campaigns.running());
    model.addAttribute("categories", AidCategory.values());
    model.addAttribute("sources", FundSource.values());
    model.addAttribute("methods", PaymentMethod.values());
    model.addAttribute("assistances", Assistance.values());
    model.addAttribute("defaultVisitDate", LocalDate.now(clock).plusDays(3));
    return "cases/form";
  }

  @PostMapping("/cases/new")
  String open(@RequestParam Long workerId, @RequestParam(required = false) String campaignCode,
      @RequestParam(required = false) String category, @RequestParam(required = false) String fundSource,
      @RequestParam(required = false) String paymentMethod, @RequestParam(required = false) String amountYuan,
      @RequestParam(required = false) String goodsValueYuan, @RequestParam(required = false) String goodsDescription,
      @RequestParam(required = false) List<String> assistance, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String overCapReason, @RequestParam(required = false) String plannedDate,
      @RequestParam(required = false) String location, @RequestParam(required = false) String visitors, Model model,
      Locale locale, RedirectAttributes redirect) {
    var input = new AidCases.CaseInput(campaignCode, workerId, category, fundSource, paymentMethod,
        blankToZero(amountYuan), blankToZero(goodsValueYuan), goodsDescription, assistance == null ? List.of() : assistance,
        reason, overCapReason, new AidCases.VisitPlan(plannedDate, location, visitors));
    try {
      CaseView c = cases.open(input);
      redirect.addFlashAttribute("successMessage", messages.getMessage("case.opened", new Object[] {c.caseNumber()}, locale));
      return "redirect:/cases/" + c.caseNumber();
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      model.addAttribute("form", input);
      return form(workerId, null, model);
    }
  }

  @GetMapping("/cases/{caseNumber}")
  String view(@PathVariable String caseNumber, Model model) {
    // The forms shown are exactly the case's actions for this user (CaseView.actions), nothing re-derived here.
    model.addAttribute("c", cases.get(caseNumber));
    model.addAttribute("timeline", cases.timeline(caseNumber));
    model.addAttribute("today", LocalDate.now(clock));
    return "cases/case";
  }

  @PostMapping("/cases/{caseNumber}/approval")
  String approval(@PathVariable String caseNumber, @RequestParam(required = false) String decision,
      @RequestParam(required = false) String comment, @RequestParam Map<String, String> input, Model model,
      Locale locale, RedirectAttributes redirect) {
    return act(caseNumber, "approval", input, model, locale, redirect, "case.approvalSaved",
        () -> cases.approve(caseNumber, decision, comment));
  }

  /** A visit recorded (or waived): a refusal keeps what was typed, each message under its own field. */
  @PostMapping("/cases/{caseNumber}/visit")
  String visit(@PathVariable String caseNumber, @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String visitedOn, @RequestParam(required = false) String visitors,
      @RequestParam(required = false) String notes, @RequestParam(defaultValue = "false") boolean receiptSigned,
      @RequestParam Map<String, String> input, Model model, Locale locale, RedirectAttributes redirect) {
    return act(caseNumber, "WAIVED".equals(outcome) ? "waive" : "visit", input, model, locale, redirect,
        "case.visitSaved", () -> cases.recordVisit(caseNumber, outcome, visitedOn, visitors, notes, receiptSigned));
  }

  @PostMapping("/cases/{caseNumber}/reschedule")
  String reschedule(@PathVariable String caseNumber, @RequestParam(required = false) String plannedDate,
      @RequestParam Map<String, String> input, Model model, Locale locale, RedirectAttributes redirect) {
    return act(caseNumber, "reschedule", input, model, locale, redirect, "case.rescheduled",
        () -> cases.reschedule(caseNumber, plannedDate, null, null));
  }

  @PostMapping("/cases/{caseNumber}/handover")
  String handover(@PathVariable String caseNumber, @RequestParam(required = false) String receivedOn,
      @RequestParam Map<String, String> input, Model model, Locale locale, RedirectAttributes redirect) {
    return act(caseNumber, "handover", input, model, locale, redirect, "case.handedOver",
        () -> cases.confirmHandover(caseNumber, receivedOn));
  }

  @PostMapping("/cases/{caseNumber}/close")
  String close(@PathVariable String caseNumber, Model model, Locale locale, RedirectAttributes redirect) {
    return act(caseNumber, "close", Map.of(), model, locale, redirect, "case.closedMessage", () -> cases.close(caseNumber));
  }

  @PostMapping("/cases/{caseNumber}/void")
  String voidCase(@PathVariable String caseNumber, @RequestParam(required = false) String reason,
      @RequestParam Map<String, String> input, Model model, Locale locale, RedirectAttributes redirect) {
    return act(caseNumber, "void", input, model, locale, redirect, "case.voidedMessage",
        () -> cases.voidCase(caseNumber, reason));
  }

  @PostMapping("/cases/{caseNumber}/payment/retry")
  String retry(@PathVariable String caseNumber, @RequestParam(defaultValue = "false") boolean confirmBankIssue,
      @RequestParam(required = false) String note, @RequestParam Map<String, String> input, Model model, Locale locale,
      RedirectAttributes redirect) {
    return act(caseNumber, "retry", input, model, locale, redirect, "case.retried",
        () -> cases.retryPayment(caseNumber, confirmBankIssue, note));
  }

  /** Visits to make: overdue, today, upcoming, and a week view. */
  @GetMapping("/visits")
  String visits(@RequestParam(required = false) String week, Model model) {
    LocalDate today = LocalDate.now(clock);
    LocalDate monday = (week == null || week.isBlank() ? today : LocalDate.parse(week)).with(DayOfWeek.MONDAY);
    List<CaseView> planned = cases.plannedVisits(monday.plusDays(6).isAfter(today.plusDays(30)) ? monday.plusDays(6)
        : today.plusDays(30));
    List<CaseView> overdue = new ArrayList<>();
    List<CaseView> dueToday = new ArrayList<>();
    List<CaseView> upcoming = new ArrayList<>();
    for (CaseView c : planned) {
      LocalDate d = c.visit().plannedDate();
      (d.isBefore(today) ? overdue : d.isEqual(today) ? dueToday : upcoming).add(c);
    }
    Map<LocalDate, List<CaseView>> days = new LinkedHashMap<>();
    for (int i = 0; i < 7; i++) {
      LocalDate d = monday.plusDays(i);
      days.put(d, planned.stream().filter(c -> c.visit().plannedDate().isEqual(d)).toList());
    }
    model.addAttribute("overdue", overdue);
    model.addAttribute("dueToday", dueToday);
    model.addAttribute("upcoming", upcoming);
    model.addAttribute("days", days);
    model.addAttribute("today", today);
    model.addAttribute("previousWeek", monday.minusWeeks(1));
    model.addAttribute("nextWeek", monday.plusWeeks(1));
    return "cases/visits";
  }

  /** Runs one of the case's actions; a refusal shows the case again with the typed input kept ({@code failed} names the form). */
  private String act(String caseNumber, String form, Map<String, String> input, Model model, Locale locale,
      RedirectAttributes redirect, String okKey, Supplier<CaseView> action) {
    try {
      action.get();
      redirect.addFlashAttribute("successMessage", messages.getMessage(okKey, null, locale));
      return "redirect:/cases/" + caseNumber;
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      FormErrors.keepInput(model, form, input);
      return view(caseNumber, model);
    }
  }

  private static String blankToZero(String s) {
    return s == null || s.isBlank() ? "0" : s;
  }
}

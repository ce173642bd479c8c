package cn.warmth.cases;

import cn.warmth.campaign.Campaigns;
import cn.warmth.registry.HardshipFiles;
import cn.warmth.registry.Workers;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Dates;
import cn.warmth.shared.Enums;
import cn.warmth.shared.FormErrors;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.Pager;
import cn.warmth.shared.Problems;
import cn.warmth.shared.SortOrder;
import cn.warmth.organisation.Organisations;
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
  private final Organisations organisations;
  private final MessageSource messages;
  private final Clock clock;

  CasePageController(AidCases cases, Campaigns campaigns, Workers workers, HardshipFiles files,
      Organisations organisations, MessageSource messages, Clock clock) {
    this.cases = cases;
    this.campaigns = campaigns;
    this.workers = workers;
    this.files = files;
    this.organisations = organisations;
    this.messages = messages;
    this.clock = clock;
  }

  /** The case list: filters, search by number or worker (name, ID or its last 4), sort, one page with the total. */
  @GetMapping("/cases")
  String list(@RequestParam(required = false) String campaign, @RequestParam(required = false) String status,
      @RequestParam(required = false) String category, @RequestParam(required = false) String org,
      @RequestParam(required = false) String q, @RequestParam(required = false) String sort, PageParams page,
      Model model) {
    SortOrder order = SortOrder.parse(sort, "-opened", AidCases.SORTS);
    Paged<CaseView> rows = cases.search(new AidCases.CaseFilter(campaign, status, category, org, q), order, page);
    model.addAttribute("cases", rows.items());
    model.addAttribute("pager", Pager.of(rows, page, order));
    model.addAttribute("campaigns", campaigns.all());
    model.addAttribute("statuses", CaseStatus.values());
    model.addAttribute("categories", AidCategory.values());
    model.addAttribute("orgs", organisations.inScope());
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

  /** Visits shown ahead on the visits page (days after today). */
  static final int VISITS_AHEAD_DAYS = 30;
  /** The week view lists at most this many visits (the list above pages through all of them). */
  static final int WEEK_LIMIT = 200;

  /**
   * Visits to make: counts of overdue, today and upcoming (SQL), the chosen group as a paged,
   * sorted list, and a week view (at most {@value #WEEK_LIMIT}), for the caller's scope or a unit.
   */
  @GetMapping("/visits")
  String visits(@RequestParam(required = false) String week, @RequestParam(required = false) String when,
      @RequestParam(required = false) String org, @RequestParam(required = false) String sort, PageParams page,
      Model model) {
    LocalDate today = LocalDate.now(clock);
    Problems p = new Problems();
    LocalDate shown = week == null || week.isBlank() ? today : Dates.parse(week, "week", p);
    VisitGroup group = when == null || when.isBlank() ? VisitGroup.ALL : Enums.parse(VisitGroup.class, when, "when", p);
    p.throwIfAny();
    SortOrder order = SortOrder.parse(sort, "date", AidCases.VISIT_SORTS);
    LocalDate monday = shown.with(DayOfWeek.MONDAY);
    LocalDate until = today.plusDays(VISITS_AHEAD_DAYS);
    Paged<CaseView> rows = switch (group) {
      case ALL -> cases.plannedVisits(org, null, until, order, page);
      case OVERDUE -> cases.plannedVisits(org, null, today.minusDays(1), order, page);
      case TODAY -> cases.plannedVisits(org, today, today, order, page);
      case UPCOMING -> cases.plannedVisits(org, today.plusDays(1), until, order, page);
    };
    Paged<CaseView> week7 = cases.plannedVisits(org, monday, monday.plusDays(6), new SortOrder("date", false),
        new PageParams(0, WEEK_LIMIT));
    Map<LocalDate, List<CaseView>> days = new LinkedHashMap<>();
    for (int i = 0; i < 7; i++) {
      LocalDate d = monday.plusDays(i);
      days.put(d, week7.items().stream().filter(c -> c.visit().plannedDate().isEqual(d)).toList());
    }
    model.addAttribute("counts", cases.visitCounts(org, until));
    model.addAttribute("group", group);
    model.addAttribute("visits", rows.items());
    model.addAttribute("pager", Pager.of(rows, page, order));
    model.addAttribute("orgs", organisations.inScope());
    model.addAttribute("days", days);
    model.addAttribute("weekMore", week7.total() - week7.items().size());
    model.addAttribute("today", today);
    model.addAttribute("monday", monday);
    model.addAttribute("previousWeek", monday.minusWeeks(1));
    model.addAttribute("nextWeek", monday.plusWeeks(1));
    return "cases/visits";
  }

  /** The visits page's groups: everything up to {@value #VISITS_AHEAD_DAYS} days ahead, or one group. */
  enum VisitGroup { ALL, OVERDUE, TODAY, UPCOMING }

  /** Runs one of the case's actions; a refusal shows the case again with the typed input kept ({@code failed} names the form). */
  private String act(String caseNumber, String form, Map<String, String> input, Model model, Locale locale,
      RedirectAttributes redirect, String okKey, Supplier<CaseView> action) {
    try {
      action.get();
      redirect.addFlashAttribute("successMessage", messages.getMessage(okKey, null, locale));
      return "redirect:/cases/" + caseNumber;
    } catch (RuntimeException e) {
      // The case page read afresh, the refusal's status; someone else first: "已被他人处理", input kept.
      FormErrors.addTo(model, FormErrors.refusal(e), messages, locale);
      FormErrors.keepInput(model, form, input);
      return view(caseNumber, model);
    }
  }

  private static String blankToZero(String s) {
    return s == null || s.isBlank() ? "0" : s;
  }
}

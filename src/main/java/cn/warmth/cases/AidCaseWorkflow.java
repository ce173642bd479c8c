package cn.warmth.cases;

import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.organisation.Users;
import cn.warmth.registry.Masks;
import cn.warmth.registry.Workers;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.EngineGroups;
import cn.warmth.shared.Money;
import cn.warmth.shared.Role;
import cn.warmth.shared.WarmthUser;
import cn.warmth.workflow.Action;
import cn.warmth.workflow.EngineTask;
import cn.warmth.workflow.EngineUser;
import cn.warmth.workflow.ProcessValues;
import cn.warmth.workflow.WorkItem;
import cn.warmth.workflow.WorkItemSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The aid-case process ({@code bpmn/aid-case.bpmn}, decision {@code bpmn/approval-steps.dmn}): the
 * only class that knows its key, task ids, variables, messages and timers. {@link AidCases} changes
 * the case (the truth) and tells this adapter, in the same transaction; the adapter also answers
 * which actions are open to a user, describes the case's tasks for the inbox and tells the
 * case's story (the timeline) in business words.
 */
@Component
class AidCaseWorkflow implements WorkItemSource {
  static final String KEY = "aidCase";

  private static final String TASK_FINANCE = "approveFinance";
  private static final String TASK_MANAGER = "approveManager";
  private static final String TASK_VISIT = "recordVisit";
  private static final String TASK_REMINDER = "visitReminder";
  private static final String TASK_OVERDUE = "visitOverdue";
  private static final String TASK_CORRECT_CARD = "correctBankCard";
  private static final String TASK_CLOSE = "closeCase";
  private static final String TIMER_REMINDER = "visitReminderDue";
  private static final String TIMER_OVERDUE = "visitOverdueDue";

  private static final String MSG_BANK_PAID = "BankPaymentSettled";
  private static final String MSG_BANK_FAILED = "BankPaymentFailed";
  private static final String MSG_HANDOVER = "HandoverConfirmed";

  private static final String VAR_CASE_ID = "caseId";
  private static final String VAR_TOTAL_FEN = "totalFen";
  private static final String VAR_OVER_CAP = "overCap";
  private static final String VAR_FUND_SOURCE = "fundSource";
  private static final String VAR_PAYMENT_METHOD = "paymentMethod";
  /** The decision table's result (a JSON map {financeRequired, managerRequired}). */
  private static final String VAR_STEPS = "approvalSteps";
  private static final String VAR_APPROVED = "approved";
  /** Candidate groups, comma-separated (role@ORG of the case's unit and every ancestor). */
  private static final String VAR_FINANCE_GROUPS = "financeGroups";
  private static final String VAR_MANAGER_GROUPS = "managerGroups";
  private static final String VAR_OFFICER_GROUPS = "officerGroups";
  private static final String VAR_VISIT_DUE = "visitDue";
  private static final String VAR_REMINDER_AT = "visitReminderAt";
  private static final String VAR_OVERDUE_AT = "visitOverdueAt";

  /** Working days after the planned date after which the managers are told that a visit is overdue. */
  static final int OVERDUE_DAYS = 3;

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final HistoryService history;
  private final EngineUser engineUser;
  private final AidCaseRepository cases;
  private final Workers workers;
  private final Organisations organisations;
  private final Users users;
  private final MessageSource messages;
  private final Clock clock;
  private final cn.warmth.calendar.WorkingCalendar calendar;

  AidCaseWorkflow(RuntimeService runtime, TaskService tasks, ManagementService management, HistoryService history,
      EngineUser engineUser, AidCaseRepository cases, Workers workers, Organisations organisations, Users users,
      MessageSource messages, Clock clock, cn.warmth.calendar.WorkingCalendar calendar) {
    this.calendar = calendar;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.history = history;
    this.engineUser = engineUser;
    this.cases = cases;
    this.workers = workers;
    this.organisations = organisations;
    this.users = users;
    this.messages = messages;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ commands

  /** Starts the case's process (business key = case number); the approval table decides at once. */
  void start(AidCase c, OrgView org) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(VAR_CASE_ID, c.getId());
    vars.put(VAR_TOTAL_FEN, c.totalFen());
    vars.put(VAR_OVER_CAP, c.isOverCap());
    vars.put(VAR_FUND_SOURCE, c.getFundSource().name());
    vars.put(VAR_PAYMENT_METHOD, c.getPaymentMethod().name());
    vars.put(VAR_FINANCE_GROUPS, groups(Role.FINANCE, org));
    vars.put(VAR_MANAGER_GROUPS, groups(Role.MANAGER, org));
    vars.put(VAR_OFFICER_GROUPS, groups(Role.OFFICER, org));
    vars.putAll(visitTimes(c.getVisitPlannedDate()));
    c.startedAs(engineUser.call(() -> runtime.startProcessInstanceByKey(KEY, c.getCaseNumber(), vars)).getId());
  }

  /** The sign-off the user's role may give now (the open approval task), if any. */
  Optional<ApprovalStep> pendingSignOff(AidCase c, WarmthUser me) {
    Set<String> open = openTaskKeys(c);
    if (open.contains(TASK_MANAGER) && me.has(Role.MANAGER)) {
      return Optional.of(ApprovalStep.MANAGER);
    }
    if (open.contains(TASK_FINANCE) && me.has(Role.FINANCE)) {
      return Optional.of(ApprovalStep.FINANCE);
    }
    return Optional.empty();
  }

  /** Whether the manager signs after finance: the table's answer kept on the case (or, for older cases, in the engine). */
  boolean managerRequired(AidCase c) {
    if (c.getManagerRequired() != null) {
      return c.getManagerRequired();
    }
    Object steps = runtime.getVariable(c.getProcessInstanceId(), VAR_STEPS);
    return steps instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("managerRequired"));
  }

  void signedOff(AidCase c, ApprovalStep step, boolean approved) {
    Task task = openTask(c, step == ApprovalStep.FINANCE ? TASK_FINANCE : TASK_MANAGER)
        .orElseThrow(() -> BusinessException.conflict("INVALID_STATE"));
    engineUser.complete(task, Map.of(VAR_APPROVED, approved));
  }

  /** The visit is recorded (or waived): its task is done, reminders lose their point, a signed receipt is the hand-over. */
  void visitRecorded(AidCase c, boolean handedOver) {
    Task visit = openTask(c, TASK_VISIT).orElseThrow(() -> BusinessException.conflict("INVALID_STATE"));
    engineUser.complete(visit);
    for (Task t : tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId())
        .taskDefinitionKeyIn(TASK_REMINDER, TASK_OVERDUE).list()) {
      engineUser.complete(t);
    }
    if (handedOver) {
      handedOver(c);
    }
  }

  void handedOver(AidCase c) {
    correlate(c, MSG_HANDOVER);
  }

  /** Timers already waiting move with the visit; the open visit task gets the new due date. */
  void visitRescheduled(AidCase c) {
    Map<String, Object> times = visitTimes(c.getVisitPlannedDate());
    engineUser.run(() -> {
      runtime.setVariables(c.getProcessInstanceId(), times);
      for (Job job : management.createJobQuery().processInstanceId(c.getProcessInstanceId()).timers().list()) {
        String activity = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
            .singleResult().getActivityId();
        if (TIMER_REMINDER.equals(activity)) {
          management.setJobDuedate(job.getId(), (Date) times.get(VAR_REMINDER_AT));
        } else if (TIMER_OVERDUE.equals(activity)) {
          management.setJobDuedate(job.getId(), (Date) times.get(VAR_OVERDUE_AT));
        }
      }
      openTask(c, TASK_VISIT).ifPresent(t -> {
        t.setDueDate((Date) times.get(VAR_VISIT_DUE));
        tasks.saveTask(t);
      });
    });
  }

  void bankPaid(AidCase c) {
    correlate(c, MSG_BANK_PAID);
  }

  void bankFailed(AidCase c) {
    correlate(c, MSG_BANK_FAILED);
  }

  /** The officer's "correct the card" task is done: the payment waits for the bank again. */
  void paymentRetried(AidCase c) {
    openTask(c, TASK_CORRECT_CARD).ifPresent(engineUser::complete);
  }

  /** The close task exists only when the visit and the disbursement branches are both done. */
  boolean closeTaskOpen(AidCase c) {
    return openTask(c, TASK_CLOSE).isPresent();
  }

  void closed(AidCase c) {
    engineUser.complete(openTask(c, TASK_CLOSE).orElseThrow(() -> BusinessException.conflict("NOT_READY")));
  }

  // ------------------------------------------------------------------ actions

  /** What the user may do with the case now: from its state, the open tasks and the table's answer. */
  List<Action> actions(AidCase c, WarmthUser me) {
    return actions(List.of(c), me).getOrDefault(c.getId(), List.of());
  }

  /** Actions for many cases, with one task query. */
  Map<Long, List<Action>> actions(Collection<AidCase> list, WarmthUser me) {
    Set<String> instances = list.stream().filter(c -> isOpen(c) && c.getProcessInstanceId() != null)
        .map(AidCase::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, Set<String>> openByInstance = new HashMap<>();
    if (!instances.isEmpty()) {
      tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list().forEach(t ->
          openByInstance.computeIfAbsent(t.getProcessInstanceId(), k -> new HashSet<>()).add(t.getTaskDefinitionKey()));
    }
    Map<Long, List<Action>> out = new HashMap<>();
    for (AidCase c : list) {
      out.put(c.getId(), actions(c, openByInstance.getOrDefault(c.getProcessInstanceId(), Set.of()), me));
    }
    return out;
  }

  private static List<Action> actions(AidCase c, Set<String> open, WarmthUser me) {
    List<Action> a = new ArrayList<>();
    CaseStatus status = c.getStatus();
    boolean planned = c.getVisitStatus() == VisitStatus.PLANNED;
    // Segregation of duties: the opener never signs off, and nobody signs twice.
    boolean maySign = status == CaseStatus.PENDING_APPROVAL && !me.username().equals(c.getOpenedBy())
        && c.getApprovals().stream().noneMatch(x -> x.getDecidedBy().equals(me.username()));
    if (maySign && open.contains(TASK_FINANCE) && me.has(Role.FINANCE)) {
      a.add(Action.APPROVE_FINANCE);
    }
    if (maySign && open.contains(TASK_MANAGER) && me.has(Role.MANAGER)) {
      a.add(Action.APPROVE_MANAGER);
    }
    boolean officer = me.has(Role.OFFICER);
    if (officer && status == CaseStatus.IN_PROGRESS && planned && open.contains(TASK_VISIT)) {
      a.add(Action.RECORD_VISIT);
    }
    if (officer && planned && (status == CaseStatus.PENDING_APPROVAL || status == CaseStatus.IN_PROGRESS)) {
      a.add(Action.RESCHEDULE_VISIT);
    }
    // Cash and goods: handed over at the visit against a signed receipt, or later, after any recorded visit.
    if (officer && status == CaseStatus.IN_PROGRESS && !planned && c.getPaymentMethod() != PaymentMethod.BANK_CARD
        && c.getPaymentStatus() != PaymentStatus.PAID) {
      a.add(Action.CONFIRM_HANDOVER);
    }
    if ((officer || me.has(Role.FINANCE)) && status == CaseStatus.IN_PROGRESS
        && c.getPaymentStatus() == PaymentStatus.FAILED) {
      a.add(Action.RETRY_PAYMENT);
    }
    if (officer && c.readyToClose() && open.contains(TASK_CLOSE)) {
      a.add(Action.CLOSE);
    }
    if (me.has(Role.MANAGER) && status == CaseStatus.CLOSED) {
      a.add(Action.VOID);
    }
    return List.copyOf(a);
  }

  private static boolean isOpen(AidCase c) {
    return c.getStatus() == CaseStatus.PENDING_APPROVAL || c.getStatus() == CaseStatus.IN_PROGRESS;
  }

  // ------------------------------------------------------------------ the timeline

  /** One step of the case's story. {@code at} is null while the step is pending. */
  record Step(String activity, String label, String outcome, String by, String byName, Instant at, boolean pending) {}

  /**
   * The case's story from the engine's history in business words: 立案, 财务审核（同意，刘芳，时间）,
   * 负责人审批, 走访慰问, 发放, 结案 (and 作废 from the case). Gateways, the decision, reminders and
   * other technical steps are left out; steps still waiting are shown as pending, without a time.
   */
  List<Step> timeline(AidCase c) {
    record Raw(String activity, String outcomeKey, String by, Instant at, boolean pending) {}
    List<Raw> raw = new ArrayList<>();
    if (c.getProcessInstanceId() != null) {
      HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery()
          .processInstanceId(c.getProcessInstanceId()).singleResult();
      List<HistoricActivityInstance> acts = history.createHistoricActivityInstanceQuery()
          .processInstanceId(c.getProcessInstanceId()).orderByHistoricActivityInstanceStartTime().asc()
          .orderPartiallyByOccurrence().asc().list();
      for (HistoricActivityInstance h : acts) {
        String activity = TIMELINE.get(h.getActivityId());
        if (activity == null || h.isCanceled()) {
          continue;
        }
        boolean pending = h.getEndTime() == null;
        if ("awaitBank".equals(h.getActivityId()) && !pending) {
          continue; // once the bank answered, its answer (paid or failed) is the step
        }
        String by = switch (h.getActivityId()) {
          case "caseOpened" -> pi != null && pi.getStartUserId() != null ? pi.getStartUserId() : c.getOpenedBy();
          // Message events have no assignee: the case knows who confirmed the disbursement.
          case "handoverConfirmed", "bankPaymentSettled" -> pending ? null : c.getPaymentConfirmedBy();
          default -> h.getAssignee();
        };
        Instant at = pending ? null : h.getEndTime().toInstant();
        raw.add(new Raw(activity, pending ? null : outcome(c, h.getActivityId()), by, at, pending));
      }
    }
    if (c.getStatus() == CaseStatus.VOIDED) {
      raw.add(new Raw("voided", null, c.getVoidedBy(), c.getVoidedAt(), false));
    }
    // Done steps in order; pending ones after them.
    List<Raw> ordered = new ArrayList<>(raw.stream().filter(r -> !r.pending()).toList());
    ordered.addAll(raw.stream().filter(Raw::pending).toList());
    Map<String, String> names = users.displayNames(ordered.stream().map(Raw::by).filter(b -> b != null).toList());
    var locale = LocaleContextHolder.getLocale();
    return ordered.stream().map(r -> new Step(r.activity(),
        messages.getMessage("timeline." + r.activity() + (r.pending() ? ".pending" : ""), null, r.activity(), locale),
        r.outcomeKey() == null ? null : messages.getMessage(r.outcomeKey(), null, r.outcomeKey(), locale),
        r.by(), r.by() == null ? null : names.get(r.by()), r.at(), r.pending())).toList();
  }

  /** Business steps of the process, by activity id → timeline key. Everything else is technical. */
  private static final Map<String, String> TIMELINE = Map.ofEntries(
      Map.entry("caseOpened", "opened"),
      Map.entry(TASK_FINANCE, "financeApproval"),
      Map.entry(TASK_MANAGER, "managerApproval"),
      Map.entry("markApproved", "approvedByRule"),
      Map.entry(TASK_VISIT, "visit"),
      Map.entry("awaitBank", "bankPayment"),
      Map.entry("bankPaymentFailed", "bankFailed"),
      Map.entry(TASK_CORRECT_CARD, "cardCorrected"),
      Map.entry("bankPaymentSettled", "paid"),
      Map.entry("handoverConfirmed", "handedOver"),
      Map.entry(TASK_CLOSE, "closed"));

  private static String outcome(AidCase c, String activityId) {
    return switch (activityId) {
      case TASK_FINANCE, TASK_MANAGER -> c.getApprovals().stream()
          .filter(a -> a.getStep() == (TASK_FINANCE.equals(activityId) ? ApprovalStep.FINANCE : ApprovalStep.MANAGER))
          .map(a -> "decision." + a.getDecision()).findFirst().orElse(null);
      case TASK_VISIT -> c.getVisitStatus() == VisitStatus.PLANNED ? null : "visitStatus." + c.getVisitStatus();
      default -> null;
    };
  }

  // ------------------------------------------------------------------ work items for the inbox

  @Override
  public List<String> taskKeys() {
    return List.of(TASK_FINANCE, TASK_MANAGER, TASK_VISIT, TASK_REMINDER, TASK_OVERDUE, TASK_CORRECT_CARD, TASK_CLOSE);
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<WorkItem> workItems(List<EngineTask> open) {
    Map<String, AidCase> byNumber = cases.findByCaseNumberIn(open.stream().map(EngineTask::businessKey)
        .filter(k -> k != null).collect(Collectors.toSet())).stream()
        .collect(Collectors.toMap(AidCase::getCaseNumber, Function.identity()));
    Map<Long, String> names = workers.namesOf(byNumber.values().stream().map(AidCase::getWorkerId).toList());
    Map<String, String> units = organisations.namesOf(byNumber.values().stream().map(AidCase::getOrgCode)
        .collect(Collectors.toSet()));
    return open.stream().map(t -> {
      AidCase c = byNumber.get(t.businessKey());
      if (c == null) {
        return WorkItem.unexplained(t);
      }
      boolean reminder = TASK_REMINDER.equals(t.taskKey()) || TASK_OVERDUE.equals(t.taskKey());
      Object[] args = {c.getCaseNumber(), c.getVisitPlannedDate().toString()};
      return new WorkItem("work.aidCase." + t.taskKey(), args, "/cases/" + c.getCaseNumber(),
          units.get(c.getOrgCode()), Masks.name(names.get(c.getWorkerId())), Money.yuan(c.totalFen()),
          c.getCaseNumber(), null, null, reminder);
    }).toList();
  }

  // ------------------------------------------------------------------ the finance desk

  /** An open sign-off task: the case's process instance and the step it asks for. */
  record SignOffTask(String processInstanceId, ApprovalStep step) {}

  /**
   * The sign-off tasks the caller's roles may give, offered to the caller's groups at this unit:
   * a task goes to the role's group of the case's unit and of every unit above it, so the group
   * of the chosen unit finds exactly the cases of that unit and below. Oldest first.
   */
  List<SignOffTask> signOffTasks(WarmthUser me, String unit, FundSource source, int offset, int limit) {
    return signOffQuery(me, unit, source).orderByTaskCreateTime().asc().orderByTaskId().asc().listPage(offset, limit)
        .stream().map(t -> new SignOffTask(t.getProcessInstanceId(),
            TASK_FINANCE.equals(t.getTaskDefinitionKey()) ? ApprovalStep.FINANCE : ApprovalStep.MANAGER))
        .toList();
  }

  long countSignOffTasks(WarmthUser me, String unit, FundSource source) {
    return signOffQuery(me, unit, source).count();
  }

  /** The step of this case that the caller's roles may sign now, if any (segregation is the entity's). */
  Optional<ApprovalStep> pendingStepFor(AidCase c, WarmthUser me) {
    Set<String> open = openTaskKeys(c);
    if (open.contains(TASK_FINANCE) && me.has(Role.FINANCE)) {
      return Optional.of(ApprovalStep.FINANCE);
    }
    if (open.contains(TASK_MANAGER) && me.has(Role.MANAGER)) {
      return Optional.of(ApprovalStep.MANAGER);
    }
    return Optional.empty();
  }

  private org.camunda.bpm.engine.task.TaskQuery signOffQuery(WarmthUser me, String unit, FundSource source) {
    List<String> keys = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    if (me.has(Role.FINANCE)) {
      keys.add(TASK_FINANCE);
      groups.add(EngineGroups.of(Role.FINANCE, unit));
    }
    if (me.has(Role.MANAGER)) {
      keys.add(TASK_MANAGER);
      groups.add(EngineGroups.of(Role.MANAGER, unit));
    }
    var q = tasks.createTaskQuery().processDefinitionKey(KEY).taskDefinitionKeyIn(keys.toArray(String[]::new))
        .taskCandidateGroupIn(groups).includeAssignedTasks();
    if (source != null) {
      q.processVariableValueEquals(VAR_FUND_SOURCE, source.name());
    }
    return q;
  }

  // ------------------------------------------------------------------ helpers

  private Set<String> openTaskKeys(AidCase c) {
    return tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId()).list().stream()
        .map(Task::getTaskDefinitionKey).collect(Collectors.toSet());
  }

  private Optional<Task> openTask(AidCase c, String key) {
    return Optional.ofNullable(tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId())
        .taskDefinitionKey(key).singleResult());
  }

  private void correlate(AidCase c, String message) {
    engineUser.run(() -> runtime.createMessageCorrelation(message).processInstanceId(c.getProcessInstanceId())
        .correlate());
  }

  private static String groups(Role role, OrgView org) {
    return ProcessValues.groups(EngineGroups.forScope(role, org.ancestorAndSelfCodes()));
  }

  /**
   * Task due date, the reminder the day before, and the overdue alert once three working days
   * after the planned date have passed (working-day calendar; 00:00 Beijing time).
   */
  private Map<String, Object> visitTimes(LocalDate visitDate) {
    Map<String, Object> m = new HashMap<>();
    m.put(VAR_VISIT_DUE, startOf(visitDate));
    m.put(VAR_REMINDER_AT, startOf(visitDate.minusDays(1)));
    m.put(VAR_OVERDUE_AT, startOf(calendar.after(visitDate, OVERDUE_DAYS).plusDays(1)));
    return m;
  }

  private Date startOf(LocalDate day) {
    return ProcessValues.startOf(day, clock.getZone());
  }

  // ------------------------------------------------------------------ called by the process

  /** Service task {@code markApproved}: taken only when the approval table asks for no sign-off. */
  @Component("approveWithoutSignOff")
  static class ApproveWithoutSignOff implements JavaDelegate {
    private final AidCases cases;

    ApproveWithoutSignOff(AidCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.approvedWithoutSignOff(((Number) execution.getVariable(VAR_CASE_ID)).longValue());
    }
  }

  /** End of {@code decideApprovalSteps}: the table's answer is written on the case when it is taken. */
  @Component("aidCaseApprovalStepsDecided")
  static class ApprovalStepsDecided implements ExecutionListener {
    private final AidCaseRepository cases;

    ApprovalStepsDecided(AidCaseRepository cases) {
      this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
      Map<?, ?> steps = (Map<?, ?>) execution.getVariable(VAR_STEPS);
      cases.findById(((Number) execution.getVariable(VAR_CASE_ID)).longValue()).orElseThrow()
          .approvalStepsDecided(Boolean.TRUE.equals(steps.get("financeRequired")),
              Boolean.TRUE.equals(steps.get("managerRequired")));
    }
  }

  /**
   * Condition of the 明日走访提醒 path: the visit is still to be made and it is tomorrow or later
   * (Beijing date). A case approved on the day of its visit (or later) gets no "visit tomorrow"
   * reminder: its 走访慰问 task is already due today.
   */
  @Component("aidCaseReminderDue")
  static class ReminderDue implements java.util.function.Predicate<Object> {
    private final AidCaseRepository cases;
    private final Clock clock;

    ReminderDue(AidCaseRepository cases, Clock clock) {
      this.cases = cases;
      this.clock = clock;
    }

    @Override
    public boolean test(Object caseId) {
      LocalDate today = LocalDate.now(clock);
      return cases.findById(((Number) caseId).longValue())
          .map(c -> c.getStatus() == CaseStatus.IN_PROGRESS && c.getVisitStatus() == VisitStatus.PLANNED
              && c.getVisitPlannedDate().isAfter(today))
          .orElse(false);
    }
  }

  /**
   * Condition of the reminder paths: a reminder is only worth creating while the visit is still
   * to be made. (A public interface's method, so that the expression language may call it.)
   */
  @Component("aidCaseVisitPending")
  static class VisitPending implements java.util.function.Predicate<Object> {
    private final AidCaseRepository cases;

    VisitPending(AidCaseRepository cases) {
      this.cases = cases;
    }

    @Override
    public boolean test(Object caseId) {
      return cases.findById(((Number) caseId).longValue())
          .map(c -> c.getStatus() == CaseStatus.IN_PROGRESS && c.getVisitStatus() == VisitStatus.PLANNED)
          .orElse(false);
    }
  }
}

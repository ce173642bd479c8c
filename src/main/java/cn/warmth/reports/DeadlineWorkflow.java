package cn.warmth.reports;

import cn.warmth.campaign.CampaignView;
import cn.warmth.campaign.Campaigns;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.EngineGroups;
import cn.warmth.shared.Role;
import cn.warmth.workflow.EngineTask;
import cn.warmth.workflow.EngineUser;
import cn.warmth.workflow.ProcessValues;
import cn.warmth.workflow.WorkItem;
import cn.warmth.workflow.WorkItemSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The report-deadline process ({@code bpmn/report-deadline.bpmn}), one per campaign: some days
 * before the deadline every unit without a live report gets 报送提醒 (one task per unit, for its
 * managers). A unit's reminder is completed when it submits; the process ends when every unit
 * has reported (before or during the reminders) or when the deadline has passed.
 */
@Component
class DeadlineWorkflow implements WorkItemSource {
  static final String KEY = "reportDeadline";
  private static final String BUSINESS_KEY_PREFIX = "DEADLINE-";
  private static final String TASK_REMINDER = "submitReportReminder";
  private static final String MSG_ALL_REPORTED = "AllUnitsReported";
  private static final String VAR_CAMPAIGN = "campaignCode";
  private static final String VAR_REMIND_AT = "remindAt";
  private static final String VAR_DEADLINE_DUE = "deadlineDue";
  private static final String VAR_DEADLINE_PASSED_AT = "deadlinePassedAt";
  /** The units that owe their report when the reminders go out, a JSON list. */
  private static final String VAR_UNITS_TO_REMIND = "unitsToRemind";
  /** The multi-instance element: one unit per reminder. */
  private static final String VAR_UNIT = "unit";
  /** Reminders go out this many working days before the report deadline (working-day calendar), at 09:00 Beijing time. */
  static final int REMIND_DAYS_BEFORE = 3;

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final EngineUser engineUser;
  private final Campaigns campaigns;
  private final Organisations organisations;
  private final Clock clock;

  private final cn.warmth.calendar.WorkingCalendar calendar;

  DeadlineWorkflow(RuntimeService runtime, TaskService tasks, EngineUser engineUser, Campaigns campaigns,
      Organisations organisations, Clock clock, cn.warmth.calendar.WorkingCalendar calendar) {
    this.calendar = calendar;
    this.runtime = runtime;
    this.tasks = tasks;
    this.engineUser = engineUser;
    this.campaigns = campaigns;
    this.organisations = organisations;
    this.clock = clock;
  }

  void start(CampaignView c) {
    LocalDate remindOn = calendar.before(c.reportDeadline(), REMIND_DAYS_BEFORE);
    Map<String, Object> vars = new HashMap<>();
    vars.put(VAR_CAMPAIGN, c.code());
    vars.put(VAR_REMIND_AT, Date.from(remindOn.atTime(9, 0).atZone(clock.getZone()).toInstant()));
    vars.put(VAR_DEADLINE_DUE, startOf(c.reportDeadline()));
    // The deadline has passed at the start of the day after it.
    vars.put(VAR_DEADLINE_PASSED_AT, startOf(c.reportDeadline().plusDays(1)));
    engineUser.run(() -> runtime.startProcessInstanceByKey(KEY, BUSINESS_KEY_PREFIX + c.code(), vars));
  }

  /**
   * A unit submitted its report: its reminder is done; when every unit has reported, the
   * process ends (if it is still waiting for the reminder day; during the reminders it ends
   * with the last one completed).
   */
  void unitReported(String campaignCode, String unit, boolean everyUnitReported) {
    for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(BUSINESS_KEY_PREFIX + campaignCode)
        .taskDefinitionKey(TASK_REMINDER).taskCandidateGroup(EngineGroups.of(Role.MANAGER, unit)).list()) {
      engineUser.complete(t);
    }
    if (everyUnitReported) {
      engineUser.run(() -> runtime.createMessageCorrelation(MSG_ALL_REPORTED)
          .processInstanceBusinessKey(BUSINESS_KEY_PREFIX + campaignCode).correlateAll());
    }
  }

  // ------------------------------------------------------------------ work items

  @Override
  public List<String> taskKeys() {
    return List.of(TASK_REMINDER);
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<WorkItem> workItems(List<EngineTask> open) {
    Map<String, String> unitOf = new HashMap<>();
    Set<String> executions = open.stream().map(EngineTask::executionId).collect(Collectors.toSet());
    if (!executions.isEmpty()) {
      runtime.createVariableInstanceQuery().executionIdIn(executions.toArray(String[]::new)).variableName(VAR_UNIT)
          .list().forEach(v -> unitOf.put(v.getExecutionId(), String.valueOf(v.getValue())));
    }
    Map<String, String> unitNames = organisations.namesOf(Set.copyOf(unitOf.values()));
    Map<String, Optional<CampaignView>> campaignOf = new HashMap<>();
    return open.stream().map(t -> {
      String code = t.businessKey() != null && t.businessKey().startsWith(BUSINESS_KEY_PREFIX)
          ? t.businessKey().substring(BUSINESS_KEY_PREFIX.length()) : null;
      Optional<CampaignView> c = code == null ? Optional.empty() : campaignOf.computeIfAbsent(code, campaigns::find);
      if (c.isEmpty()) {
        return WorkItem.unexplained(t);
      }
      String unit = unitOf.get(t.executionId());
      // A reminder opens the unit's report form for the campaign.
      return new WorkItem("work.reportDeadline." + t.taskKey(),
          new Object[] {c.get().name(), c.get().reportDeadline().toString()},
          "/reports?campaign=" + c.get().code() + "#report-form", unitNames.get(unit), null, null, null, null, null, true);
    }).toList();
  }

  private Date startOf(LocalDate day) {
    return ProcessValues.startOf(day, clock.getZone());
  }

  // ------------------------------------------------------------------ called by the process

  /** Service task {@code findMissingReports}: which units still owe their report, for the reminders. */
  @Component("findUnitsToRemind")
  static class FindUnitsToRemind implements JavaDelegate {
    private final Reports reports;

    FindUnitsToRemind(Reports reports) {
      this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
      // A JSON list (a province has hundreds of units: a joined string would outgrow the engine's
      // 4,000-character text column).
      execution.setVariable(VAR_UNITS_TO_REMIND, org.camunda.bpm.engine.variable.Variables
          .objectValue(new java.util.ArrayList<>(reports.missingUnits((String) execution.getVariable(VAR_CAMPAIGN))))
          .serializationDataFormat(org.camunda.bpm.engine.variable.Variables.SerializationDataFormats.JSON).create());
    }
  }

  /**
   * The same step for deadline processes started by the first version of the model (before
   * 2026-11-30), still waiting in databases that are upgraded: their reminders iterate over a
   * list variable {@code missingUnits} (stored as JSON now).
   */
  @Component("findMissingReports")
  static class FindMissingReportsVersion1 implements JavaDelegate {
    private final Reports reports;

    FindMissingReportsVersion1(Reports reports) {
      this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable("missingUnits",
          new java.util.ArrayList<>(reports.missingUnits((String) execution.getVariable(VAR_CAMPAIGN))));
    }
  }
}

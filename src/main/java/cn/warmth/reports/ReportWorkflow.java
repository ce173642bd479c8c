package cn.warmth.reports;

import cn.warmth.campaign.CampaignView;
import cn.warmth.campaign.Campaigns;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.EngineGroups;
import cn.warmth.shared.Role;
import cn.warmth.shared.WarmthUser;
import cn.warmth.workflow.Action;
import cn.warmth.workflow.EngineTask;
import cn.warmth.workflow.EngineUser;
import cn.warmth.workflow.ProcessValues;
import cn.warmth.workflow.WorkItem;
import cn.warmth.workflow.WorkItemSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The campaign-report process ({@code bpmn/campaign-report.bpmn}): review by the parent's
 * managers; a returned report gives the unit's managers 修改后重新报送 until they submit again.
 * The only class that knows the process's key, business keys, task ids and variables.
 */
@Component
class ReportWorkflow implements WorkItemSource {
  static final String KEY = "campaignReport";
  private static final String BUSINESS_KEY_PREFIX = "REPORT-";
  private static final String TASK_REVIEW = "reviewReport";
  private static final String TASK_RESUBMIT = "resubmitReport";
  /** Candidate groups, comma-separated: the parent's managers and those above. */
  private static final String VAR_REVIEWERS = "reviewerGroups";
  /** The unit's own managers: only they submit their unit's report. */
  private static final String VAR_SUBMITTERS = "submitterGroups";
  private static final String VAR_ACCEPTED = "accepted";
  private static final String VAR_CAMPAIGN = "campaignCode";
  private static final String VAR_UNIT = "orgCode";
  private static final String VAR_DEADLINE_DUE = "deadlineDue";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final EngineUser engineUser;
  private final CampaignReportRepository reports;
  private final Organisations organisations;
  private final Campaigns campaigns;
  private final Clock clock;

  ReportWorkflow(RuntimeService runtime, TaskService tasks, EngineUser engineUser, CampaignReportRepository reports,
      Organisations organisations, Campaigns campaigns, Clock clock) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.engineUser = engineUser;
    this.reports = reports;
    this.organisations = organisations;
    this.campaigns = campaigns;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ commands

  void start(CampaignReport r, OrgView parent, CampaignView campaign) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(VAR_REVIEWERS, ProcessValues.groups(EngineGroups.forScope(Role.MANAGER, parent.ancestorAndSelfCodes())));
    vars.put(VAR_SUBMITTERS, EngineGroups.of(Role.MANAGER, r.getOrgCode()));
    vars.put(VAR_CAMPAIGN, r.getCampaignCode());
    vars.put(VAR_UNIT, r.getOrgCode());
    vars.put(VAR_DEADLINE_DUE, ProcessValues.startOf(campaign.reportDeadline(), clock.getZone()));
    r.startedAs(engineUser.call(() -> runtime.startProcessInstanceByKey(KEY, BUSINESS_KEY_PREFIX + r.getId(), vars))
        .getId());
  }

  void reviewed(CampaignReport r, boolean accepted) {
    Task task = tasks.createTaskQuery().processInstanceId(r.getProcessInstanceId()).taskDefinitionKey(TASK_REVIEW)
        .singleResult();
    if (task == null) {
      throw BusinessException.conflict("INVALID_STATE");
    }
    engineUser.complete(task, Map.of(VAR_ACCEPTED, accepted));
  }

  /** The unit submitted again: the 修改后重新报送 of its returned reports for the campaign is done. */
  void resubmitted(String campaignCode, String unit) {
    for (Task t : tasks.createTaskQuery().processDefinitionKey(KEY).taskDefinitionKey(TASK_RESUBMIT)
        .processVariableValueEquals(VAR_CAMPAIGN, campaignCode).processVariableValueEquals(VAR_UNIT, unit).list()) {
      engineUser.complete(t);
    }
  }

  // ------------------------------------------------------------------ actions

  /** Facts about a report that are not the report's own: where its parent is, whether its unit may submit again. */
  record Facts(String parentPath, boolean unitHasLiveReport) {}

  /** Actions on many reports, with one task query. */
  Map<Long, List<Action>> actions(Collection<CampaignReport> list, Function<CampaignReport, Facts> facts,
      WarmthUser me) {
    Set<String> instances = list.stream().filter(r -> r.getStatus() == ReportStatus.SUBMITTED
        && r.getProcessInstanceId() != null).map(CampaignReport::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, Set<String>> open = new HashMap<>();
    if (!instances.isEmpty()) {
      tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list()
          .forEach(t -> open.computeIfAbsent(t.getProcessInstanceId(), k -> new HashSet<>()).add(t.getTaskDefinitionKey()));
    }
    Map<Long, List<Action>> out = new HashMap<>();
    for (CampaignReport r : list) {
      Facts f = facts.apply(r);
      List<Action> a = new ArrayList<>();
      // Reviewers are the managers whose scope contains the parent; the unit's own managers are not.
      if (r.getStatus() == ReportStatus.SUBMITTED && me.has(Role.MANAGER) && me.covers(f.parentPath())
          && open.getOrDefault(r.getProcessInstanceId(), Set.of()).contains(TASK_REVIEW)) {
        a.add(Action.ACCEPT);
        a.add(Action.RETURN);
      }
      if (r.getStatus() == ReportStatus.RETURNED && !f.unitHasLiveReport() && mayReportFor(me, r.getOrgCode())) {
        a.add(Action.SUBMIT);
      }
      out.put(r.getId(), List.copyOf(a));
    }
    return out;
  }

  /** For the unit's report form: may the user submit their unit's report now? */
  List<Action> unitActions(WarmthUser me, boolean unitHasParent, boolean unitHasLiveReport) {
    return unitHasParent && !unitHasLiveReport && mayReportFor(me, me.orgCode()) ? List.of(Action.SUBMIT) : List.of();
  }

  private static boolean mayReportFor(WarmthUser me, String unit) {
    return me.has(Role.MANAGER) && me.orgCode().equals(unit);
  }

  // ------------------------------------------------------------------ work items

  @Override
  public List<String> taskKeys() {
    return List.of(TASK_REVIEW, TASK_RESUBMIT);
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<WorkItem> workItems(List<EngineTask> open) {
    Map<Long, CampaignReport> byId = reports.findAllById(open.stream().map(t -> reportId(t.businessKey()))
        .filter(id -> id != null).collect(Collectors.toSet())).stream()
        .collect(Collectors.toMap(CampaignReport::getId, Function.identity()));
    Map<String, String> units = organisations.namesOf(byId.values().stream().map(CampaignReport::getOrgCode)
        .collect(Collectors.toSet()));
    Map<String, String> campaignNames = new java.util.HashMap<>();
    return open.stream().map(t -> {
      CampaignReport r = byId.get(reportId(t.businessKey()));
      if (r == null) {
        return WorkItem.unexplained(t);
      }
      String unit = units.get(r.getOrgCode());
      // The campaign by its name, as the inbox shows every other thing (its code only if it cannot be seen).
      String campaign = campaignNames.computeIfAbsent(r.getCampaignCode(),
          code -> campaigns.find(code).map(CampaignView::name).orElse(code));
      return new WorkItem("work.campaignReport." + t.taskKey(), new Object[] {unit, campaign},
          "/reports/" + r.getId(), unit, null, null, null, null, r.getId(), false);
    }).toList();
  }

  private static Long reportId(String businessKey) {
    return ProcessValues.idAfter(BUSINESS_KEY_PREFIX, businessKey);
  }
}

package cn.warmth.registry;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The hardship-filing process ({@code bpmn/hardship-filing.bpmn}): the only class that knows its
 * key, business key format, task ids, variables, messages and timers. {@link HardshipFiles}
 * changes the file and tells this adapter in the same transaction.
 */
@Component
class FilingWorkflow implements WorkItemSource {
  static final String KEY = "hardshipFiling";
  private static final String BUSINESS_KEY_PREFIX = "FILE-";
  private static final String TASK_REVIEW = "reviewFile";
  private static final String TASK_ANNUAL_REVIEW = "reviewAnnually";
  private static final String MSG_OBJECTION = "ObjectionRaised";
  private static final String MSG_CLOSED = "FileClosed";

  private static final String VAR_FILE_ID = "fileId";
  /** Candidate groups, comma-separated. */
  private static final String VAR_MANAGER_GROUPS = "managerGroups";
  private static final String VAR_OFFICER_GROUPS = "officerGroups";
  private static final String VAR_APPROVED = "approved";
  private static final String VAR_NOTICE_REQUIRED = "noticeRequired";
  private static final String VAR_NOTICE_OVER_AT = "noticeOverAt";
  private static final String VAR_ANNUAL_REVIEW_AT = "annualReviewAt";
  /** The objection that sent the file back to review (set with the ObjectionRaised message). */
  private static final String VAR_OBJECTION_ID = "objectionId";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final EngineUser engineUser;
  private final HardshipFileRepository files;
  private final WorkerRepository workers;
  private final Organisations organisations;
  private final FileObjectionRepository objections;
  private final Clock clock;

  FilingWorkflow(RuntimeService runtime, TaskService tasks, ManagementService management, EngineUser engineUser,
      HardshipFileRepository files, WorkerRepository workers, Organisations organisations,
      FileObjectionRepository objections, Clock clock) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.engineUser = engineUser;
    this.files = files;
    this.workers = workers;
    this.organisations = organisations;
    this.objections = objections;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ commands

  void start(HardshipFile file, OrgView org) {
    Map<String, Object> vars = Map.of(VAR_FILE_ID, file.getId(),
        VAR_MANAGER_GROUPS, ProcessValues.groups(EngineGroups.forScope(Role.MANAGER, org.ancestorAndSelfCodes())),
        VAR_OFFICER_GROUPS, ProcessValues.groups(EngineGroups.forScope(Role.OFFICER, org.ancestorAndSelfCodes())));
    file.startedAs(engineUser.call(() -> runtime.startProcessInstanceByKey(KEY, BUSINESS_KEY_PREFIX + file.getId(),
        vars)).getId());
  }

  /** The review is done: rejected files end; approved ones wait in the 公示 until the day after {@code noticeUntil}. */
  void reviewed(HardshipFile file, boolean approved, LocalDate noticeUntil) {
    Task task = openTask(file, TASK_REVIEW);
    Map<String, Object> vars = new HashMap<>();
    vars.put(VAR_APPROVED, approved);
    vars.put(VAR_NOTICE_REQUIRED, approved && noticeUntil != null);
    // The notice timer fires at the start of the day after the notice's last day (Beijing time).
    vars.put(VAR_NOTICE_OVER_AT, noticeUntil == null ? null : startOf(noticeUntil.plusDays(1)));
    engineUser.complete(task, vars);
  }

  /** The objection (kept in {@code file_objection}) sends the process back to review; its id travels with the message. */
  void objectionRaised(HardshipFile file, long objectionId) {
    engineUser.run(() -> runtime.createMessageCorrelation(MSG_OBJECTION).processInstanceId(file.getProcessInstanceId())
        .setVariable(VAR_OBJECTION_ID, objectionId).correlateWithResult());
  }

  void closed(HardshipFile file) {
    correlate(file, MSG_CLOSED);
  }

  /** The yearly review is confirmed: the next one falls due a year on. */
  void annualReviewConfirmed(HardshipFile file) {
    engineUser.complete(openTask(file, TASK_ANNUAL_REVIEW),
        Map.of(VAR_ANNUAL_REVIEW_AT, startOf(file.getNextReviewDate())));
  }

  /** For the demo only: the 公示 has run its course now (the notice timer fires at once). */
  void endNoticeNow(HardshipFile file) {
    management.executeJob(management.createJobQuery().processInstanceId(file.getProcessInstanceId()).timers()
        .singleResult().getId());
  }

  // ------------------------------------------------------------------ actions

  List<Action> actions(HardshipFile f, WarmthUser me) {
    Set<String> open = f.getStatus() == FileStatus.PENDING_REVIEW || f.getStatus() == FileStatus.FILED
        ? tasks.createTaskQuery().processInstanceId(f.getProcessInstanceId()).list().stream()
            .map(Task::getTaskDefinitionKey).collect(Collectors.toSet())
        : Set.of();
    List<Action> a = new ArrayList<>();
    // Segregation of duties: the submitter never reviews their own file.
    if (open.contains(TASK_REVIEW) && me.has(Role.MANAGER) && !me.username().equals(f.getSubmittedBy())) {
      a.add(Action.REVIEW);
    }
    boolean officerOrManager = me.has(Role.OFFICER) || me.has(Role.MANAGER);
    if (f.getStatus() == FileStatus.PUBLIC_NOTICE && officerOrManager) {
      a.add(Action.OBJECT);
    }
    if (open.contains(TASK_ANNUAL_REVIEW) && me.has(Role.OFFICER)) {
      a.add(Action.ANNUAL_REVIEW);
    }
    if (f.getStatus() == FileStatus.FILED && officerOrManager) {
      a.add(Action.CLOSE);
    }
    return List.copyOf(a);
  }

  // ------------------------------------------------------------------ work items

  @Override
  public List<String> taskKeys() {
    return List.of(TASK_REVIEW, TASK_ANNUAL_REVIEW);
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<WorkItem> workItems(List<EngineTask> open) {
    Map<Long, HardshipFile> byId = files.findAllById(open.stream().map(t -> fileId(t.businessKey()))
        .filter(id -> id != null).collect(Collectors.toSet())).stream()
        .collect(Collectors.toMap(HardshipFile::getId, Function.identity()));
    Map<Long, String> names = new HashMap<>();
    workers.findAllById(byId.values().stream().map(HardshipFile::getWorkerId).collect(Collectors.toSet()))
        .forEach(w -> names.put(w.getId(), w.getName()));
    Map<String, String> units = organisations.namesOf(byId.values().stream().map(HardshipFile::getOrgCode)
        .collect(Collectors.toSet()));
    // A file back in review after its 公示 was objected to: the task says so (the page shows the objection).
    Set<Long> objected = objections.findByFileIdInOrderByRaisedAtAscIdAsc(byId.values().stream()
        .filter(f -> f.getStatus() == FileStatus.PENDING_REVIEW).map(HardshipFile::getId).toList()).stream()
        .map(FileObjection::getFileId).collect(Collectors.toSet());
    return open.stream().map(t -> {
      HardshipFile f = byId.get(fileId(t.businessKey()));
      if (f == null) {
        return WorkItem.unexplained(t);
      }
      String title = "work.hardshipFiling." + t.taskKey()
          + (TASK_REVIEW.equals(t.taskKey()) && objected.contains(f.getId()) ? ".objection" : "");
      return new WorkItem(title, new Object[] {String.valueOf(f.getId())}, "/hardship-files/" + f.getId(),
          units.get(f.getOrgCode()), Masks.name(names.get(f.getWorkerId())), null, null, f.getId(), null, false);
    }).toList();
  }

  private static Long fileId(String businessKey) {
    return ProcessValues.idAfter(BUSINESS_KEY_PREFIX, businessKey);
  }

  // ------------------------------------------------------------------ helpers

  private Task openTask(HardshipFile file, String key) {
    Task task = tasks.createTaskQuery().processInstanceId(file.getProcessInstanceId()).taskDefinitionKey(key)
        .singleResult();
    if (task == null) {
      throw BusinessException.conflict("INVALID_STATE");
    }
    return task;
  }

  private void correlate(HardshipFile file, String message) {
    engineUser.run(() -> runtime.createMessageCorrelation(message).processInstanceId(file.getProcessInstanceId())
        .correlateWithResult());
  }

  private Date startOf(LocalDate day) {
    return ProcessValues.startOf(day, clock.getZone());
  }

  // ------------------------------------------------------------------ called by the process

  /** Service task {@code fileFile}: the file becomes FILED; the yearly review timer is set a year on. */
  @Component("fileHardshipFile")
  static class FileHardshipFile implements JavaDelegate {
    private final HardshipFiles files;
    private final Clock clock;

    FileHardshipFile(HardshipFiles files, Clock clock) {
      this.files = files;
      this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
      LocalDate next = files.fileNow(((Number) execution.getVariable(VAR_FILE_ID)).longValue());
      execution.setVariable(VAR_ANNUAL_REVIEW_AT, ProcessValues.startOf(next, clock.getZone()));
    }
  }
}

package cn.warmth.inbox;

import cn.warmth.shared.WarmthUser;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The user's open work: tasks assigned to them or offered to one of their engine groups.
 * Two queries whatever the number of tasks (tasks, then their process instances' business keys).
 */
@Service
public class Inbox {
  /** Business keys that start with this prefix name a hardship file ("FILE-42"); others are case numbers. */
  public static final String FILE_KEY_PREFIX = "FILE-";

  private final TaskService tasks;
  private final RuntimeService runtime;

  Inbox(TaskService tasks, RuntimeService runtime) {
    this.tasks = tasks;
    this.runtime = runtime;
  }

  public List<InboxTask> openTasks(WarmthUser user) {
    return toInbox(query(user).list()).stream()
        // Most urgent first (earliest due date), then newest.
        .sorted(Comparator.comparing(InboxTask::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(InboxTask::created, Comparator.reverseOrder()))
        .toList();
  }

  /** One page of the open work, earliest due first, with the total (both counted by the engine in SQL). */
  public cn.warmth.shared.Paged<InboxTask> openTasks(WarmthUser user, cn.warmth.shared.PageParams page) {
    long total = query(user).count();
    List<Task> rows = query(user).orderByDueDate().asc().orderByTaskCreateTime().desc().orderByTaskId().asc()
        .listPage(page.offset(), page.size());
    return new cn.warmth.shared.Paged<>(toInbox(rows), total);
  }

  private org.camunda.bpm.engine.task.TaskQuery query(WarmthUser user) {
    return tasks.createTaskQuery()
        .or().taskAssignee(user.username()).taskCandidateGroupIn(user.engineGroups()).endOr()
        .active();
  }

  private List<InboxTask> toInbox(List<Task> open) {
    if (open.isEmpty()) {
      return List.of();
    }
    Set<String> instanceIds = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> keys = runtime.createProcessInstanceQuery()
        .processInstanceIds(instanceIds).list().stream()
        .filter(p -> p.getBusinessKey() != null)
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    // The worker (masked) and the amount are process variables: one query for all tasks.
    Map<String, Map<String, Object>> vars = new java.util.HashMap<>();
    runtime.createVariableInstanceQuery().processInstanceIdIn(instanceIds.toArray(String[]::new))
        .variableNameIn("workerLabel", "totalYuan").list()
        .forEach(v -> vars.computeIfAbsent(v.getProcessInstanceId(), k -> new java.util.HashMap<>()).put(v.getName(), v.getValue()));
    return open.stream().map(t -> toInbox(t, keys.get(t.getProcessInstanceId()),
            vars.getOrDefault(t.getProcessInstanceId(), Map.of())))
        .toList();
  }

  /** Counts per task kind, for the badges above the list. */
  public Map<String, Long> countsByName(List<InboxTask> open) {
    return open.stream().collect(Collectors.groupingBy(InboxTask::name, java.util.TreeMap::new, Collectors.counting()));
  }

  private static InboxTask toInbox(Task t, String businessKey, Map<String, Object> vars) {
    String caseNumber = null;
    Long fileId = null;
    if (businessKey != null && businessKey.startsWith(FILE_KEY_PREFIX)) {
      fileId = Long.valueOf(businessKey.substring(FILE_KEY_PREFIX.length()));
    } else {
      caseNumber = businessKey;
    }
    Function<java.util.Date, Instant> at = d -> d == null ? null : d.toInstant();
    return new InboxTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), caseNumber, fileId,
        (String) vars.get("workerLabel"), (String) vars.get("totalYuan"), at.apply(t.getDueDate()), at.apply(t.getCreateTime()));
  }
}

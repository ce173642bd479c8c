package cn.warmth.workflow;

import cn.warmth.shared.WarmthUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The engine's open tasks of one user (assigned to them or offered to one of their groups), as
 * engine-neutral {@link EngineTask}s: two queries whatever the number of tasks (the tasks, then
 * their instances' business keys; process definitions come from the engine's cache).
 */
@Service
public class TaskList {
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final EngineUser engineUser;

  TaskList(TaskService tasks, RuntimeService runtime, RepositoryService repository, EngineUser engineUser) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.engineUser = engineUser;
  }

  public List<EngineTask> openFor(WarmthUser user) {
    return withBusinessKeys(query(user).list());
  }

  /** One page of the user's open tasks, earliest due first, then newest (ordered by the engine in SQL). */
  public List<EngineTask> openFor(WarmthUser user, int offset, int limit) {
    return openFor(user, Filter.NONE, false, offset, limit);
  }

  /**
   * Which of a user's open tasks: those concerning one unit and everything below it (offered to
   * the user's roles' groups at that unit, {@code role@UNIT}: a task is offered at its unit and
   * every ancestor), and of one kind (task definition key); null means any. The unit must be in
   * the user's scope (the caller checks).
   */
  public record Filter(String unitCode, String taskKey) {
    public static final Filter NONE = new Filter(null, null);
  }

  /**
   * One page of the user's open tasks matching the filter, paged and ordered by the engine in
   * SQL: earliest due first (then newest), or newest first when {@code byCreated}.
   */
  public List<EngineTask> openFor(WarmthUser user, Filter filter, boolean byCreated, int offset, int limit) {
    var q = query(user, filter);
    q = byCreated ? q.orderByTaskCreateTime().desc().orderByTaskId().asc()
        : q.orderByDueDate().asc().orderByTaskCreateTime().desc().orderByTaskId().asc();
    return withBusinessKeys(q.listPage(offset, limit));
  }

  /** How many open tasks the user has (counted by the engine in SQL). */
  public long countFor(WarmthUser user) {
    return countFor(user, Filter.NONE);
  }

  /** How many of the user's open tasks match the filter (counted by the engine in SQL). */
  public long countFor(WarmthUser user, Filter filter) {
    return query(user, filter).count();
  }

  private List<EngineTask> withBusinessKeys(List<Task> open) {
    if (open.isEmpty()) {
      return List.of();
    }
    Set<String> instanceIds = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> keys = runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
        .filter(p -> p.getBusinessKey() != null)
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    return open.stream().map(t -> toEngineTask(t, keys.get(t.getProcessInstanceId()))).toList();
  }

  /** One open task, if it is offered to (or assigned to) this user. */
  public Optional<EngineTask> find(String taskId, WarmthUser user) {
    if (taskId == null || taskId.isBlank()) {
      return Optional.empty();
    }
    Task t = query(user).taskId(taskId).singleResult();
    if (t == null) {
      return Optional.empty();
    }
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
    return Optional.of(toEngineTask(t, pi == null ? null : pi.getBusinessKey()));
  }

  /** Completes a task of this user (claimed by and completed as them), e.g. a reminder they dismissed. */
  public void complete(String taskId, WarmthUser user) {
    Task t = query(user).taskId(taskId).singleResult();
    if (t != null) {
      engineUser.complete(t);
    }
  }

  private org.camunda.bpm.engine.task.TaskQuery query(WarmthUser user) {
    return query(user, Filter.NONE);
  }

  private org.camunda.bpm.engine.task.TaskQuery query(WarmthUser user, Filter filter) {
    var q = tasks.createTaskQuery().active();
    if (filter.taskKey() != null) {
      q = q.taskDefinitionKey(filter.taskKey());
    }
    if (filter.unitCode() != null) {
      // Offered to one of the user's roles at that unit: the unit's tasks and those of every unit below it.
      List<String> atUnit = user.roles().stream().map(r -> cn.warmth.shared.EngineGroups.of(r, filter.unitCode()))
          .toList();
      return atUnit.isEmpty() ? q.taskId("-") : q.taskCandidateGroupIn(atUnit);
    }
    List<String> groups = user.engineGroups();
    return groups.isEmpty() ? q.taskAssignee(user.username())
        : q.or().taskAssignee(user.username()).taskCandidateGroupIn(groups).endOr();
  }

  private EngineTask toEngineTask(Task t, String businessKey) {
    String processKey = t.getProcessDefinitionId() == null ? null
        : repository.getProcessDefinition(t.getProcessDefinitionId()).getKey();
    return new EngineTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), processKey, t.getProcessInstanceId(),
        t.getExecutionId(), businessKey, t.getDueDate() == null ? null : t.getDueDate().toInstant(),
        t.getCreateTime() == null ? null : t.getCreateTime().toInstant(), t.getAssignee());
  }
}

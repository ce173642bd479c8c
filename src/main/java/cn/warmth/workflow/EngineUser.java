package cn.warmth.workflow;

import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.WarmthUser;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Engine commands in the name of the signed-in user, so that the engine's history (Cockpit, the
 * case timeline, the user operation log) knows who acted: the engine's authenticated user is set
 * around the command and restored in {@code finally}; user tasks are claimed by and completed as
 * the user. Timers and other jobs run without a user ("system").
 */
@Component
public class EngineUser {
  private final IdentityService identity;
  private final TaskService tasks;

  EngineUser(IdentityService identity, TaskService tasks) {
    this.identity = identity;
    this.tasks = tasks;
  }

  /** Runs engine commands with the engine's authenticated user set to the signed-in user. */
  public <T> T call(Supplier<T> command) {
    String user = CurrentUser.find().map(WarmthUser::username).orElse(null);
    Authentication previous = identity.getCurrentAuthentication();
    if (user == null || previous != null && user.equals(previous.getUserId())) {
      return command.get();
    }
    identity.setAuthenticatedUserId(user);
    try {
      return command.get();
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }

  public void run(Runnable command) {
    call(() -> {
      command.run();
      return null;
    });
  }

  /** Claims the task for the signed-in user (unless it is theirs already) and completes it as them. */
  public void complete(Task task, Map<String, Object> variables) {
    run(() -> {
      String user = CurrentUser.find().map(WarmthUser::username).orElse(null);
      if (user != null && task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      } else if (user != null && !user.equals(task.getAssignee())) {
        tasks.setAssignee(task.getId(), user); // the person who acts is the one the history names
      }
      tasks.complete(task.getId(), variables);
    });
  }

  public void complete(Task task) {
    complete(task, Map.of());
  }
}

package cn.warmth.workflow;

import cn.warmth.shared.BusinessException;
import java.util.HashMap;
import java.util.Map;

/**
 * The attempts of one {@link WorkflowCommand} on this thread. Services register the version of
 * each entity they load for the command; a retry that finds an entity at another version than
 * the first attempt saw means a person (or a process step) changed it meanwhile: that is a real
 * conflict, answered 409 {@code CONCURRENT_CHANGE}, never retried over.
 */
public final class CommandAttempts {
  private static final ThreadLocal<CommandAttempts> CURRENT = new ThreadLocal<>();
  private final Map<String, Long> firstSeen = new HashMap<>();
  private int attempt;

  private CommandAttempts() {}

  /**
   * Registers the version of an entity as loaded by the current attempt; outside a command,
   * does nothing. In a retry, refuses with 409 when the version is not the one first seen.
   */
  public static void observe(String entity, Object id, long version) {
    CommandAttempts a = CURRENT.get();
    if (a == null) {
      return;
    }
    String key = entity + "#" + id;
    Long first = a.firstSeen.putIfAbsent(key, version);
    if (first != null && a.attempt > 1 && first != version) {
      throw BusinessException.conflict("CONCURRENT_CHANGE");
    }
  }

  static boolean active() {
    return CURRENT.get() != null;
  }

  static CommandAttempts begin() {
    CommandAttempts a = new CommandAttempts();
    CURRENT.set(a);
    return a;
  }

  void next(int attempt) {
    this.attempt = attempt;
  }

  static void end() {
    CURRENT.remove();
  }
}

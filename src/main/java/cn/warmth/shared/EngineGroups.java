package cn.warmth.shared;

import java.util.Collection;
import java.util.List;

/**
 * Names of the engine's candidate groups. A group combines a role and one organisation:
 * {@code finance@SX-XA} holds the FINANCE users of organisation SX-XA. A task for a case at a
 * school is offered to the role's group of the school and of every ancestor, so that whoever's
 * scope contains the case can claim it. ADMIN users are also in {@code camunda-admin}.
 */
public final class EngineGroups {
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  private EngineGroups() {}

  public static String of(Role role, String orgCode) {
    return role.name().toLowerCase() + "@" + orgCode;
  }

  /** The groups a task for the given role must be offered to, for an object at orgCodes' end. */
  public static List<String> forScope(Role role, Collection<String> ancestorAndSelfCodes) {
    return ancestorAndSelfCodes.stream().map(code -> of(role, code)).toList();
  }
}

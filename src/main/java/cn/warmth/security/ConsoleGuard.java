package cn.warmth.security;

import cn.warmth.shared.Role;
import cn.warmth.shared.WarmthUser;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the Camunda console may do: it is a window for root administrators, not a second way to
 * run the engine. Only an ADMIN of the root organisation gets in (a city's ADMIN sees only their
 * subtree in the application, while the console shows the whole province). Inside, everything is
 * refused unless it is on this list: reading (GET/HEAD) anywhere but in Tasklist, and the POST
 * <em>queries</em> Cockpit sends. Deployments, redeploys, task completion, variable writes,
 * instance modification or deletion, job execution, user administration, the first-admin set-up
 * and anything added by a later Camunda version are refused by default.
 */
final class ConsoleGuard {
  private ConsoleGuard() {}

  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

  /** Tasklist would complete tasks behind the application's back: disabled entirely. */
  private static final List<Pattern> CLOSED = List.of(
      Pattern.compile("/camunda/app/tasklist(/.*)?"),
      Pattern.compile("/camunda/api/tasklist(/.*)?"));

  private static final String ENGINE = "/camunda/api/engine/engine/[^/]+/";
  private static final String PLUGIN = "/camunda/api/cockpit/plugin/base/[^/]+/";

  /**
   * POST routes that only query (checked against the webapps' JAX-RS resources of 7.24: a POST
   * on a collection root or its {@code /count} is the query form of the same GET). Nothing that
   * takes an id plus an action verb is here.
   */
  private static final List<Pattern> POST_QUERIES = List.of(
      Pattern.compile(ENGINE + "(history/)?(process-instance|activity-instance|variable-instance|task|job-log|detail"
          + "|external-task-log|incident|decision-instance)(/count)?/?"),
      Pattern.compile(ENGINE + "(process-instance|task|job|variable-instance|execution|external-task|event-subscription)"
          + "(/count)?/?"),
      Pattern.compile(PLUGIN + "(process-instance|incident)(/count)?/?"),
      Pattern.compile(PLUGIN + "process-definition/[^/]+/called-process-definitions/?"),
      Pattern.compile(PLUGIN + "process-instance/[^/]+/called-process-instances/?"),
      // Signing out of the console signs out of the console only.
      Pattern.compile("/camunda/api/admin/auth/user/[^/]+/logout/?"));

  /** An ADMIN of the root organisation (the one organisation whose path has a single segment). */
  static boolean isRootAdmin(WarmthUser user) {
    return user != null && user.has(Role.ADMIN) && user.atRoot();
  }

  /**
   * Whether a request with this method and path (within the application, not decoded) may pass.
   * Method-override headers are refused by the caller before this is asked.
   */
  static boolean allows(String method, String path) {
    for (Pattern p : CLOSED) {
      if (p.matcher(path).matches()) {
        return false;
      }
    }
    if (READ_METHODS.contains(method)) {
      return true;
    }
    if ("POST".equals(method)) {
      for (Pattern p : POST_QUERIES) {
        if (p.matcher(path).matches()) {
          return true;
        }
      }
    }
    return false;
  }
}

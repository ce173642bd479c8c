package cn.warmth.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.shared.Role;
import cn.warmth.shared.WarmthUser;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The console's allow-list, route by route. */
class ConsoleGuardTest {
  private static final String E = "/camunda/api/engine/engine/default";

  @ParameterizedTest
  @CsvSource({
      "GET, /camunda/app/cockpit/default/, true",
      "GET, " + E + "/process-instance/abc/variables, true",
      "POST, " + E + "/process-instance, true",
      "POST, " + E + "/process-instance/count, true",
      "POST, " + E + "/history/process-instance, true",
      "POST, " + E + "/history/activity-instance/count, true",
      "POST, /camunda/api/cockpit/plugin/base/default/process-instance, true",
      "POST, /camunda/api/cockpit/plugin/base/default/process-definition/x:1:2/called-process-definitions, true",
      "POST, /camunda/api/admin/auth/user/default/logout, true",
      "POST, " + E + "/deployment/create, false",
      "POST, " + E + "/deployment/abc/redeploy, false",
      "DELETE, " + E + "/deployment/abc, false",
      "POST, " + E + "/process-instance/delete, false",
      "POST, " + E + "/process-instance/abc/modification, false",
      "POST, " + E + "/history/process-instance/delete, false",
      "POST, " + E + "/task/abc/complete, false",
      "POST, " + E + "/task/create, false",
      "POST, " + E + "/job/abc/execute, false",
      "PUT, " + E + "/job/abc/retries, false",
      "PUT, " + E + "/process-instance/abc/variables/x, false",
      "POST, " + E + "/process-definition/key/aid-case/start, false",
      "POST, " + E + "/signal, false",
      "POST, /camunda/api/admin/setup/default/user/create, false",
      "POST, /camunda/api/admin/auth/user/default/login/cockpit, false",
      "GET, /camunda/app/tasklist/default/, false",
      "GET, /camunda/api/tasklist/plugin/x, false",
      "OPTIONS, " + E + "/process-instance, false",
      "PATCH, " + E + "/process-instance, false"})
  void onlyReadsAndQueriesPass(String method, String path, boolean allowed) {
    assertThat(ConsoleGuard.allows(method, path)).isEqualTo(allowed);
  }

  @Test
  void onlyAnAdminOfTheRootIsARootAdmin() {
    assertThat(ConsoleGuard.isRootAdmin(user("/SX/", Role.ADMIN))).isTrue();
    assertThat(ConsoleGuard.isRootAdmin(user("/SX/SX-XA/", Role.ADMIN))).isFalse();
    assertThat(ConsoleGuard.isRootAdmin(user("/SX/", Role.MANAGER))).isFalse();
    assertThat(ConsoleGuard.isRootAdmin(null)).isFalse();
  }

  private static WarmthUser user(String path, Role role) {
    return new WarmthUser("u", "x", "u", "C", "c", path, Set.of(role), true, false, false);
  }
}

package cn.warmth.security;

import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.WarmthUser;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;

/**
 * Lets Camunda's console trust the application's own sign-in: the user signed in through
 * /login is the console's user, with no second password. Only ADMIN users of the root
 * organisation get through (the filter chain already refuses the others; this is the second
 * lock on the same door). Instantiated by Camunda by class name, hence public.
 */
public class ConsoleAuthenticationProvider extends ContainerBasedAuthenticationProvider {
  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    WarmthUser user = CurrentUser.find().orElse(null);
    if (!ConsoleGuard.isRootAdmin(user)) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(user.username());
    result.setGroups(user.engineGroups());
    return result;
  }
}

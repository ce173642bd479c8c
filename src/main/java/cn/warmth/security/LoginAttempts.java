package cn.warmth.security;

import cn.warmth.organisation.Users;
import cn.warmth.shared.WarmthUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts wrong passwords (form login and HTTP Basic alike); five in a row lock the account. */
@Component
class LoginAttempts {
  private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);
  private final Users users;

  LoginAttempts(Users users) {
    this.users = users;
  }

  @EventListener
  void failed(AuthenticationFailureBadCredentialsEvent e) {
    String name = String.valueOf(e.getAuthentication().getPrincipal());
    log.info("failed sign-in for user '{}'", name.length() > 64 ? name.substring(0, 64) : name);
    users.loginFailed(name);
  }

  /** Clears earlier failures; most sign-ins have none, and then nothing is written. */
  @EventListener
  void succeeded(AuthenticationSuccessEvent e) {
    if (e.getAuthentication().getPrincipal() instanceof WarmthUser u && u.failuresToClear()) {
      users.loginSucceeded(u.username());
    }
  }
}

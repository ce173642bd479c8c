package cn.warmth.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * Logs refused sign-ins (the username, shortened; never the password). Counting and locking
 * happen in {@link GuardedAuthenticationProvider}, around the password check itself.
 */
@Component
class LoginAttempts {
  private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

  @EventListener
  void failed(AbstractAuthenticationFailureEvent e) {
    String name = String.valueOf(e.getAuthentication().getPrincipal());
    log.info("refused sign-in for user '{}': {}", name.length() > 64 ? name.substring(0, 64) : name,
        e.getException().getClass().getSimpleName());
  }
}

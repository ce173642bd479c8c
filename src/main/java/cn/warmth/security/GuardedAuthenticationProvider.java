package cn.warmth.security;

import cn.warmth.organisation.Users;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Sign-in (form login and HTTP Basic alike) with the lock-out guard around the password check:
 * a check is reserved atomically in SQL before BCrypt runs, so that 40 parallel guesses get five
 * checks and 35 answers "locked" without their password being looked at. A wrong password may
 * lock the account (the fifth in a row); a right one clears the count.
 */
@Component
class GuardedAuthenticationProvider extends DaoAuthenticationProvider {
  private final Users users;

  GuardedAuthenticationProvider(WarmthUserDetailsService details, PasswordEncoder encoder, Users users) {
    super(details);
    setPasswordEncoder(encoder);
    this.users = users;
  }

  @Override
  protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
    String username = user.getUsername();
    if (!users.reserveSignInAttempt(username)) {
      throw new LockedException("account locked");
    }
    try {
      super.additionalAuthenticationChecks(user, authentication);
    } catch (AuthenticationException wrong) {
      users.signInFailed(username);
      throw wrong;
    }
    users.signInSucceeded(username);
  }
}

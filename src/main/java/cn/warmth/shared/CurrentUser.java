package cn.warmth.shared;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Access to the signed-in {@link WarmthUser}. */
public final class CurrentUser {
  private CurrentUser() {}

  public static Optional<WarmthUser> find() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof WarmthUser u) {
      return Optional.of(u);
    }
    return Optional.empty();
  }

  public static WarmthUser get() {
    return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
  }

  /** The actor's name for audit entries: the user, or "system" for start-up and timers. */
  public static String actorName() {
    return find().map(WarmthUser::username).orElse("system");
  }

  public static void requireRole(Role... anyOf) {
    WarmthUser u = get();
    for (Role r : anyOf) {
      if (u.has(r)) {
        return;
      }
    }
    throw BusinessException.forbidden("ROLE_NOT_ALLOWED", "error.roleNotAllowed");
  }

  /** Province-wide settings and the engine's operator pages: an ADMIN of the root organisation only. */
  public static void requireRootAdmin() {
    WarmthUser u = get();
    if (!u.has(Role.ADMIN)) {
      throw BusinessException.forbidden("ROLE_NOT_ALLOWED", "error.roleNotAllowed");
    }
    if (!u.atRoot()) {
      throw BusinessException.forbidden("ROOT_ADMIN_ONLY", "error.ROOT_ADMIN_ONLY");
    }
  }
}

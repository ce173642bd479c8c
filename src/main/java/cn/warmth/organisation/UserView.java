package cn.warmth.organisation;

import cn.warmth.shared.Role;
import java.time.Instant;
import java.util.Set;

/** A user as the API and other modules see it: never the password hash. */
public record UserView(String username, String displayName, String orgCode, String orgName, Set<Role> roles,
    boolean enabled, Instant lockedUntil) {
  static UserView of(AppUser u) {
    return new UserView(u.getUsername(), u.getDisplayName(), u.getOrg().getCode(), u.getOrg().getName(),
        Set.copyOf(u.getRoles()), u.isEnabled(), u.getLockedUntil());
  }
}

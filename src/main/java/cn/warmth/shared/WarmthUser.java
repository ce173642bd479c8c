package cn.warmth.shared;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it. It carries the organisation's materialised
 * path so that scope checks need no extra query, and whether earlier wrong passwords or a lock
 * remain to be cleared on success (so that a normal API request writes nothing).
 */
public record WarmthUser(
    String username,
    String passwordHash,
    String displayName,
    String orgCode,
    String orgName,
    String orgPath,
    Set<Role> roles,
    boolean enabled,
    boolean locked,
    boolean failuresToClear)
    implements UserDetails {

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isAccountNonLocked() {
    return !locked;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** True when the organisation with the given path is this user's organisation or below it. */
  public boolean covers(String path) {
    return path != null && path.startsWith(orgPath);
  }

  /** True for users of the root organisation (the one organisation whose path has a single segment). */
  public boolean atRoot() {
    return orgPath != null && orgPath.chars().filter(c -> c == '/').count() == 2;
  }

  /** The engine groups this user belongs to. */
  public List<String> engineGroups() {
    var groups = new java.util.ArrayList<String>();
    for (Role r : roles) {
      groups.add(EngineGroups.of(r, orgCode));
    }
    if (has(Role.ADMIN)) {
      groups.add(EngineGroups.CAMUNDA_ADMIN);
    }
    return groups;
  }

  @Override
  public String toString() {
    // Never print the password hash.
    return "WarmthUser[" + username + "@" + orgCode + " " + roles + "]";
  }
}

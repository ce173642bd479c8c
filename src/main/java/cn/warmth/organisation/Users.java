package cn.warmth.organisation;

import cn.warmth.audit.AuditLog;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.Texts;
import cn.warmth.shared.WarmthUser;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Users, their roles and sign-in state. */
@Service
public class Users {
  static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{2,63}");

  private final UserRepository users;
  private final Organisations organisations;
  private final PasswordEncoder encoder;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Users(UserRepository users, Organisations organisations, PasswordEncoder encoder, AuditLog audit,
      ApplicationEventPublisher events, Clock clock) {
    this.users = users;
    this.organisations = organisations;
    this.encoder = encoder;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  public record CreateUser(String username, String password, String displayName, String orgCode, Set<Role> roles) {}

  @Transactional
  public UserView create(CreateUser cmd) {
    CurrentUser.requireRole(Role.ADMIN);
    return createUnchecked(cmd);
  }

  /** Start-up and demo data: no signed-in user, no role check. */
  @Transactional
  public UserView createUnchecked(CreateUser cmd) {
    Problems p = new Problems();
    String username = Texts.trim(cmd.username());
    if (p.require("username", username) && !USERNAME.matcher(username).matches()) {
      p.add("username", "INVALID_USERNAME");
    }
    PasswordPolicy.check(username, cmd.password(), p);
    String displayName = Texts.trim(cmd.displayName());
    if (p.require("displayName", displayName) && !Texts.isPlain(displayName, 2, 30)) {
      p.add("displayName", "INVALID_NAME");
    }
    if (cmd.roles() == null || cmd.roles().isEmpty()) {
      p.add("roles", "ROLE_REQUIRED");
    }
    OrgUnit org = null;
    if (p.require("orgCode", cmd.orgCode())) {
      try {
        org = organisations.requireUnit(cmd.orgCode());
      } catch (BusinessException e) {
        p.add("orgCode", "UNKNOWN_ORG");
      }
    }
    p.throwIfAny();
    if (users.findByUsername(username).isPresent()) {
      throw BusinessException.conflict("DUPLICATE_USER");
    }
    AppUser u = users.save(new AppUser(username, encoder.encode(cmd.password()), displayName, org,
        EnumSet.copyOf(cmd.roles()), Instant.now(clock)));
    audit.record("USER_CREATED", "USER", username, org.getPath(), null, describe(u));
    UserView view = UserView.of(u);
    events.publishEvent(new UserSaved(view));
    return view;
  }

  @Transactional
  public UserView update(String username, String displayName, Set<Role> roles, boolean enabled) {
    CurrentUser.requireRole(Role.ADMIN);
    AppUser u = requireInScope(username);
    Problems p = new Problems();
    String name = Texts.trim(displayName);
    if (p.require("displayName", name) && !Texts.isPlain(name, 2, 30)) {
      p.add("displayName", "INVALID_NAME");
    }
    if (roles == null || roles.isEmpty()) {
      p.add("roles", "ROLE_REQUIRED");
    }
    p.throwIfAny();
    if (u.getUsername().equals(CurrentUser.get().username()) && (!roles.contains(Role.ADMIN) || !enabled)) {
      // An administrator cannot lock themselves out of administration.
      throw BusinessException.conflict("CANNOT_DEMOTE_SELF");
    }
    var before = describe(u);
    u.change(name, roles, enabled);
    audit.record("USER_CHANGED", "USER", username, u.getOrg().getPath(), before, describe(u));
    UserView view = UserView.of(u);
    events.publishEvent(new UserSaved(view));
    return view;
  }

  @Transactional
  public void resetPassword(String username, String newPassword) {
    CurrentUser.requireRole(Role.ADMIN);
    AppUser u = requireInScope(username);
    Problems p = new Problems();
    PasswordPolicy.check(u.getUsername(), newPassword, p);
    p.throwIfAny();
    u.changePassword(encoder.encode(newPassword));
    users.saveAndFlush(u);
    users.clearFailures(u.getUsername());
    // The audit entry says that it changed, never what it is.
    audit.record("USER_PASSWORD_RESET", "USER", username, u.getOrg().getPath(), null, Map.of("password", "******"));
  }

  @Transactional
  public void unlock(String username) {
    CurrentUser.requireRole(Role.ADMIN);
    AppUser u = requireInScope(username);
    var before = describe(u);
    users.clearFailures(u.getUsername());
    u = users.findByUsername(u.getUsername()).orElseThrow();
    audit.record("USER_UNLOCKED", "USER", username, u.getOrg().getPath(), before, describe(u));
  }

  @Transactional(readOnly = true)
  public List<UserView> inScope() {
    return users.findInSubtree(CurrentUser.get().orgPath()).stream().map(UserView::of).toList();
  }

  /** One page of {@link #inScope()}, by organisation then username, with the total. */
  @Transactional(readOnly = true)
  public cn.warmth.shared.Paged<UserView> inScope(cn.warmth.shared.PageParams page) {
    return cn.warmth.shared.Paged.of(users.findInSubtree(CurrentUser.get().orgPath(), page.pageable(
        org.springframework.data.domain.Sort.by("org.path", "username"))).map(UserView::of));
  }

  @Transactional(readOnly = true)
  public UserView get(String username) {
    return UserView.of(requireInScope(username));
  }

  @Transactional(readOnly = true)
  public List<UserView> all() {
    return users.findAllWithOrg().stream().map(UserView::of).toList();
  }

  @Transactional(readOnly = true)
  public boolean anyExists() {
    return users.count() > 0;
  }

  /** Display names by username, in one query (for timelines: who did what). Unknown names map to themselves. */
  @Transactional(readOnly = true)
  public Map<String, String> displayNames(java.util.Collection<String> usernames) {
    Map<String, String> names = new java.util.HashMap<>();
    usernames.stream().filter(java.util.Objects::nonNull).forEach(u -> names.put(u, u));
    if (!names.isEmpty()) {
      users.findByUsernameIn(names.keySet()).forEach(u -> names.put(u.getUsername(), u.getDisplayName()));
    }
    return names;
  }

  /** The principal for Spring Security, or empty when the username is unknown. */
  @Transactional(readOnly = true)
  public Optional<WarmthUser> principal(String username) {
    Instant now = Instant.now(clock);
    return users.findByUsername(username).map(u -> new WarmthUser(u.getUsername(), u.getPasswordHash(),
        u.getDisplayName(), u.getOrg().getCode(), u.getOrg().getName(), u.getOrg().getPath(),
        Set.copyOf(u.getRoles()), u.isEnabled(), u.isLocked(now),
        u.getFailedAttempts() > 0 || u.getLockedUntil() != null));
  }

  // ---------------------------------------------------------------- the sign-in guard
  // Each password check is reserved by one atomic UPDATE before BCrypt runs, so that parallel
  // guesses cannot outrun the count: at most five are ever checked, the rest are refused as
  // locked without looking at the password. No JPA version is involved (decisions.md).

  /** Reserves one password check; false when the account is locked or its five guesses are taken. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean reserveSignInAttempt(String username) {
    Instant now = Instant.now(clock);
    return users.reserveAttempt(username, AppUser.MAX_FAILED_LOGINS, now, now.minus(AppUser.LOCK_DURATION)) == 1;
  }

  /** The reserved check found a wrong password; the fifth in a row locks the account for 15 minutes. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void signInFailed(String username) {
    Instant until = Instant.now(clock).plus(AppUser.LOCK_DURATION);
    if (users.lockIfExhausted(username, AppUser.MAX_FAILED_LOGINS, until) == 1) {
      users.findByUsername(username).ifPresent(u -> audit.record("USER_LOCKED", "USER", username,
          u.getOrg().getPath(), null, Map.of("lockedUntil", until.toString())));
    }
  }

  /** The reserved check found the right password: the count starts again. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void signInSucceeded(String username) {
    users.clearFailures(username);
  }

  private AppUser requireInScope(String username) {
    WarmthUser me = CurrentUser.get();
    return users.findByUsername(username == null ? "" : username)
        .filter(u -> me.covers(u.getOrg().getPath()))
        .orElseThrow(BusinessException::notFound);
  }

  private static Map<String, Object> describe(AppUser u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", u.getUsername());
    m.put("displayName", u.getDisplayName());
    m.put("org", u.getOrg().getCode());
    m.put("roles", u.getRoles().stream().map(Enum::name).sorted().toList());
    m.put("enabled", u.isEnabled());
    m.put("locked", u.getLockedUntil() != null);
    return m;
  }
}

package cn.warmth.organisation;

import cn.warmth.shared.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/** A person who signs in. Belongs to exactly one organisation; holds one or more roles. */
@Entity
@Table(name = "app_user")
class AppUser {
  static final int MAX_FAILED_LOGINS = 5;
  static final Duration LOCK_DURATION = Duration.ofMinutes(15);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "org_id")
  private OrgUnit org;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role")
  private Set<Role> roles = new TreeSet<>();

  @Column(nullable = false)
  private boolean enabled = true;

  // The sign-in guard's state is changed only by single SQL statements in UserRepository (atomic
  // under parallel sign-ins); JPA reads it but never writes it back, so an edit of the user made
  // at the same time cannot overwrite a count.
  @Column(name = "failed_attempts", nullable = false, updatable = false)
  private int failedAttempts;

  @Column(name = "locked_until", updatable = false)
  private Instant lockedUntil;

  @Column(name = "last_attempt_at", updatable = false)
  private Instant lastAttemptAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version
  private long version;

  protected AppUser() {}

  AppUser(String username, String passwordHash, String displayName, OrgUnit org, Set<Role> roles, Instant now) {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a user needs a role");
    }
    this.username = username;
    this.passwordHash = passwordHash;
    this.displayName = displayName;
    this.org = org;
    this.roles = EnumSet.copyOf(roles);
    this.createdAt = now;
  }

  boolean isLocked(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  void change(String newDisplayName, Set<Role> newRoles, boolean nowEnabled) {
    if (newRoles.isEmpty()) {
      throw new IllegalArgumentException("a user needs a role");
    }
    this.displayName = newDisplayName;
    this.roles.clear();
    this.roles.addAll(newRoles);
    this.enabled = nowEnabled;
  }

  void changePassword(String newHash) {
    this.passwordHash = newHash;
  }

  String getUsername() { return username; }
  String getPasswordHash() { return passwordHash; }
  String getDisplayName() { return displayName; }
  OrgUnit getOrg() { return org; }
  Set<Role> getRoles() { return roles; }
  boolean isEnabled() { return enabled; }
  int getFailedAttempts() { return failedAttempts; }
  Instant getLockedUntil() { return lockedUntil; }
}

package cn.warmth.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A personal API token: only its SHA-256 is stored (with a short hint to recognise it). Valid
 * through the end of {@code expiresOn} (a Beijing day) until revoked. {@code lastUsedAt} is written
 * by one conditional SQL update at most once a minute ({@link ApiTokenRepository#touch}), never by JPA.
 */
@Entity
@Table(name = "api_token")
class ApiToken {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private String username;

  @Column(name = "org_path", nullable = false, updatable = false)
  private String orgPath;

  @Column(nullable = false, updatable = false)
  private String name;

  @Column(name = "token_hash", nullable = false, updatable = false, unique = true)
  private String tokenHash;

  @Column(name = "token_hint", nullable = false, updatable = false)
  private String tokenHint;

  @Column(name = "expires_on", nullable = false, updatable = false)
  private LocalDate expiresOn;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "last_used_at", insertable = false, updatable = false)
  private Instant lastUsedAt;

  @Column(name = "revoked_by")
  private String revokedBy;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiToken() {}

  ApiToken(String username, String orgPath, String name, String tokenHash, String tokenHint, LocalDate expiresOn,
      String createdBy, Instant createdAt) {
    this.username = username;
    this.orgPath = orgPath;
    this.name = name;
    this.tokenHash = tokenHash;
    this.tokenHint = tokenHint;
    this.expiresOn = expiresOn;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  /** Whether the token may sign a request in on this (Beijing) day. */
  boolean usableOn(LocalDate today) {
    return revokedAt == null && !today.isAfter(expiresOn);
  }

  boolean isRevoked() {
    return revokedAt != null;
  }

  /** Revoked once; a second revoke changes nothing. */
  void revoke(String by, Instant at) {
    if (revokedAt == null) {
      revokedBy = by;
      revokedAt = at;
    }
  }

  Long getId() { return id; }
  String getUsername() { return username; }
  String getOrgPath() { return orgPath; }
  String getName() { return name; }
  String getTokenHash() { return tokenHash; }
  String getTokenHint() { return tokenHint; }
  LocalDate getExpiresOn() { return expiresOn; }
  String getCreatedBy() { return createdBy; }
  Instant getCreatedAt() { return createdAt; }
  Instant getLastUsedAt() { return lastUsedAt; }
  Instant getRevokedAt() { return revokedAt; }
}

package cn.warmth.disbursement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A bank's file layout, kept in the database and edited by the administrator. The generic
 * profile is the layout api.md promises to scripts: it is a system profile and cannot change.
 */
@Entity
@Table(name = "bank_profile")
class BankProfile {
  static final String GENERIC = "GENERIC";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(name = "system_profile", nullable = false)
  private boolean systemProfile;

  @Column(nullable = false)
  private boolean active;

  /** {@link BankLayout} as JSON. */
  @Column(nullable = false)
  private String layout;

  @Column(name = "updated_by")
  private String updatedBy;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Version
  private long version;

  protected BankProfile() {}

  BankProfile(String code, String name, BankLayout layout, boolean active, String by, Instant at) {
    this.code = code;
    this.name = name;
    this.layout = layout.toJson();
    this.active = active;
    this.updatedBy = by;
    this.updatedAt = at;
  }

  /** Changes name, state and layout; the system profile refuses. */
  void change(String name, BankLayout layout, boolean active, String by, Instant at) {
    if (systemProfile) {
      throw cn.warmth.shared.BusinessException.conflict("SYSTEM_PROFILE");
    }
    this.name = name;
    this.layout = layout.toJson();
    this.active = active;
    this.updatedBy = by;
    this.updatedAt = at;
  }

  BankLayout layout() {
    return BankLayout.fromJson(layout);
  }

  String getLayoutJson() { return layout; }
  Long getId() { return id; }
  String getCode() { return code; }
  String getName() { return name; }
  boolean isSystemProfile() { return systemProfile; }
  boolean isActive() { return active; }
  String getUpdatedBy() { return updatedBy; }
  Instant getUpdatedAt() { return updatedAt; }
}

package cn.warmth.organisation;

import jakarta.persistence.Column;
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
import java.time.Instant;

/**
 * A union organisation. {@code path} is the materialised path of codes from the root
 * ("/SX/SX-XA/SX-XA-S01/"): scope checks and roll-ups are a prefix match on an indexed column.
 */
@Entity
@Table(name = "org_unit")
class OrgUnit {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String code;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OrgType type;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  private OrgUnit parent;

  @Column(nullable = false)
  private String path;

  /** 低保 monthly standard in fen; null = inherit from the parent. */
  @Column(name = "dibao_monthly_fen")
  private Long dibaoMonthlyFen;

  /** The unit's contact person and phone (填报人/电话 of its 统计表); null until set. */
  @Column(name = "contact_name")
  private String contactName;

  @Column(name = "contact_phone")
  private String contactPhone;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version
  private long version;

  protected OrgUnit() {}

  private OrgUnit(String code, String name, OrgType type, OrgUnit parent, Instant now) {
    this.code = code;
    this.name = name;
    this.type = type;
    this.parent = parent;
    this.path = (parent == null ? "/" : parent.path) + code + "/";
    this.createdAt = now;
  }

  static OrgUnit root(String code, String name, Instant now) {
    return new OrgUnit(code, name, OrgType.PROVINCE, null, now);
  }

  /** A child unit; the caller has checked that the type may hang under this one. */
  OrgUnit child(String code, String name, OrgType type, Instant now) {
    if (!type.mayHangUnder(this.type)) {
      throw new IllegalArgumentException(type + " under " + this.type);
    }
    return new OrgUnit(code, name, type, this, now);
  }

  void setDibaoMonthlyFen(Long fen) {
    if (fen != null && fen <= 0) {
      throw new IllegalArgumentException("低保 must be positive");
    }
    this.dibaoMonthlyFen = fen;
  }

  Long getDibaoMonthlyFen() { return dibaoMonthlyFen; }

  /** Both or neither: the caller has validated them. */
  void setContact(String name, String phone) {
    this.contactName = name;
    this.contactPhone = phone;
  }

  OrgContact contact() {
    return new OrgContact(contactName, contactPhone);
  }

  Long getId() { return id; }
  String getCode() { return code; }
  String getName() { return name; }
  OrgType getType() { return type; }
  OrgUnit getParent() { return parent; }
  String getPath() { return path; }

  String parentCode() {
    // The parent's code is the path segment before our own: no lazy load needed.
    String[] parts = path.substring(1, path.length() - 1).split("/");
    return parts.length < 2 ? null : parts[parts.length - 2];
  }

  OrgView view() {
    return new OrgView(code, name, type, parentCode(), path);
  }
}

package cn.warmth.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One line of the append-only audit log. Never updated: {@link Immutable} and, on PostgreSQL, a trigger. */
@Entity
@Immutable
@Table(name = "audit_log")
class AuditEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false)
  private String action;

  @Column(name = "entity_type", nullable = false)
  private String entityType;

  @Column(name = "entity_id", nullable = false)
  private String entityId;

  @Column(name = "org_path")
  private String orgPath;

  @Column(name = "before_json")
  private String beforeJson;

  @Column(name = "after_json")
  private String afterJson;

  protected AuditEntry() {}

  AuditEntry(Instant at, String actor, String action, String entityType, String entityId, String orgPath,
      String beforeJson, String afterJson) {
    this.at = at;
    this.actor = actor;
    this.action = action;
    this.entityType = entityType;
    this.entityId = entityId;
    this.orgPath = orgPath;
    this.beforeJson = beforeJson;
    this.afterJson = afterJson;
  }

  public Long getId() { return id; }
  public Instant getAt() { return at; }
  public String getActor() { return actor; }
  public String getAction() { return action; }
  public String getEntityType() { return entityType; }
  public String getEntityId() { return entityId; }
  public String getOrgPath() { return orgPath; }
  public String getBeforeJson() { return beforeJson; }
  public String getAfterJson() { return afterJson; }
}

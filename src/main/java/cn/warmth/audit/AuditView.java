package cn.warmth.audit;

import java.time.Instant;

/** An audit entry as pages and callers see it. */
public record AuditView(long id, Instant at, String actor, String action, String entityType, String entityId,
    String before, String after) {
  static AuditView of(AuditEntry e) {
    return new AuditView(e.getId(), e.getAt(), e.getActor(), e.getAction(), e.getEntityType(), e.getEntityId(),
        e.getBeforeJson(), e.getAfterJson());
  }
}

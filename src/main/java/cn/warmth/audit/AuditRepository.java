package cn.warmth.audit;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Insert and read only: no update or delete method exists. */
interface AuditRepository extends Repository<AuditEntry, Long>,
    org.springframework.data.jpa.repository.JpaSpecificationExecutor<AuditEntry> {
  AuditEntry save(AuditEntry entry);

  List<AuditEntry> findByEntityTypeAndEntityIdOrderByIdAsc(String entityType, String entityId);
}

package cn.warmth.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Insert and read only: no update or delete method exists. */
interface AuditRepository extends Repository<AuditEntry, Long> {
  AuditEntry save(AuditEntry entry);

  @Query("""
      select a from AuditEntry a
      where (a.orgPath is null or a.orgPath like concat(:scope, '%'))
        and (:actor is null or a.actor = :actor)
        and (:entityType is null or a.entityType = :entityType)
        and (:entityId is null or a.entityId = :entityId)
        and (:action is null or a.action = :action)
        and a.at >= :from and a.at < :to
      order by a.at desc, a.id desc""")
  Page<AuditEntry> search(@Param("scope") String scope, @Param("actor") String actor,
      @Param("entityType") String entityType, @Param("entityId") String entityId, @Param("action") String action,
      @Param("from") Instant from, @Param("to") Instant to, Pageable pageable);

  List<AuditEntry> findByEntityTypeAndEntityIdOrderByIdAsc(String entityType, String entityId);
}

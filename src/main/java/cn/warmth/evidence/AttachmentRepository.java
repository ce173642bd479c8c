package cn.warmth.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {
  List<Attachment> findByOwnerTypeAndOwnerKeyAndRemovedAtIsNullOrderByIdAsc(OwnerType type, String key);

  @Query("select coalesce(sum(a.sizeBytes), 0) from Attachment a where a.recordKey = :record and a.removedAt is null")
  long bytesOfRecord(@Param("record") String recordKey);

  boolean existsByOwnerTypeAndOwnerKeyAndKindAndRemovedAtIsNull(OwnerType type, String key, AttachmentKind kind);

  /** The record ended: its evidence is kept until the given day (the latest end counts). */
  @Modifying
  @Query("update Attachment a set a.retainUntil = :until where a.recordKey = :record and a.removedAt is null")
  int retainRecordUntil(@Param("record") String recordKey, @Param("until") LocalDate until);

  @Query("select a from Attachment a where a.retainUntil < :today and a.removedAt is null order by a.id")
  List<Attachment> expired(@Param("today") LocalDate today, org.springframework.data.domain.Pageable page);

  /** Marks one attachment removed, once: two nodes running the job cannot both remove it. */
  @Modifying
  @Query("update Attachment a set a.removedAt = :at where a.id = :id and a.removedAt is null")
  int markRemoved(@Param("id") long id, @Param("at") Instant at);
}

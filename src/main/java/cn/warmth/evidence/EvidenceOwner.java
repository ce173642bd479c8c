package cn.warmth.evidence;

import cn.warmth.shared.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Implemented by the module that owns a kind of record (registry for files, cases for cases and
 * visits): finds the record in the caller's scope (404 outside, as for the record itself) and
 * says who may attach to it now. The evidence module stays free of those modules.
 */
public interface EvidenceOwner {
  /** The owner types this implementation answers for. */
  List<OwnerType> types();

  /** The record, in the caller's scope; throws BusinessException.notFound() otherwise. */
  Ref find(OwnerType type, String key);

  /**
   * A record as evidence sees it.
   *
   * @param key         the record's key in its own module (file id, case number)
   * @param recordKey   the record whose size limit and lifetime the attachment shares (FILE-1, CASE-XA-2024-000001)
   * @param orgPath     the unit's materialised path (scope of every later read)
   * @param uploadRoles roles that may attach now; empty when the record takes no more evidence
   * @param endedOn     the day the record ended (closed, rejected, voided), or null while it runs
   */
  record Ref(OwnerType type, String key, String recordKey, String orgPath, Set<Role> uploadRoles, LocalDate endedOn) {}
}

package cn.warmth.cases;

import cn.warmth.evidence.EvidenceOwner;
import cn.warmth.evidence.OwnerType;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Role;
import cn.warmth.shared.WarmthUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Cases and their visits as evidence owners, in the caller's scope or not found. Case documents
 * (an over-cap justification, anything the approvers need) come from officers, finance and
 * managers while the case runs or after it closed; visit photos and the signed receipt come from
 * officers once the case is approved. Rejected and voided cases take no more evidence.
 */
@Component
class CaseEvidence implements EvidenceOwner {
  private final AidCaseRepository cases;
  private final Clock clock;

  CaseEvidence(AidCaseRepository cases, Clock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public List<OwnerType> types() {
    return List.of(OwnerType.CASE, OwnerType.VISIT);
  }

  @Override
  public Ref find(OwnerType type, String key) {
    WarmthUser me = CurrentUser.get();
    AidCase c = cases.findByCaseNumber(key).filter(x -> me.covers(x.getOrgPath()))
        .orElseThrow(BusinessException::notFound);
    CaseStatus st = c.getStatus();
    Set<Role> roles;
    if (st == CaseStatus.REJECTED || st == CaseStatus.VOIDED) {
      roles = Set.of();
    } else if (type == OwnerType.VISIT) {
      roles = st == CaseStatus.PENDING_APPROVAL ? Set.of() : Set.of(Role.OFFICER);
    } else {
      roles = Set.of(Role.OFFICER, Role.FINANCE, Role.MANAGER);
    }
    return new Ref(type, c.getCaseNumber(), recordKey(c.getCaseNumber()), c.getOrgPath(), roles, endedOn(c));
  }

  private LocalDate endedOn(AidCase c) {
    Instant at = switch (c.getStatus()) {
      case CLOSED -> c.getClosedAt();
      case VOIDED -> c.getVoidedAt();
      case REJECTED -> c.getApprovals().isEmpty() ? null : c.getApprovals().get(c.getApprovals().size() - 1).getDecidedAt();
      default -> null;
    };
    return at == null ? null : at.atZone(clock.getZone()).toLocalDate();
  }

  static String recordKey(String caseNumber) {
    return "CASE-" + caseNumber;
  }
}

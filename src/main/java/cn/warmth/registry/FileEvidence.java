package cn.warmth.registry;

import cn.warmth.evidence.EvidenceOwner;
import cn.warmth.evidence.OwnerType;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Role;
import cn.warmth.shared.WarmthUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Hardship files as evidence owners: in the caller's scope or not found; officers and managers
 * attach while the file is under review, in its 公示 or filed; a closed or rejected file takes no
 * more evidence, and its end starts the retention period.
 */
@Component
class FileEvidence implements EvidenceOwner {
  private final HardshipFileRepository files;
  private final Clock clock;

  FileEvidence(HardshipFileRepository files, Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  @Override
  public List<OwnerType> types() {
    return List.of(OwnerType.FILE);
  }

  @Override
  public Ref find(OwnerType type, String key) {
    long id;
    try {
      id = Long.parseLong(key);
    } catch (NumberFormatException e) {
      throw BusinessException.notFound();
    }
    WarmthUser me = CurrentUser.get();
    HardshipFile f = files.findById(id).filter(x -> me.covers(x.getOrgPath())).orElseThrow(BusinessException::notFound);
    LocalDate ended = switch (f.getStatus()) {
      case CLOSED -> f.getClosedDate();
      case REJECTED -> f.getReviewedAt().atZone(clock.getZone()).toLocalDate();
      default -> null;
    };
    return new Ref(OwnerType.FILE, String.valueOf(id), recordKey(id), f.getOrgPath(),
        ended == null ? Set.of(Role.OFFICER, Role.MANAGER) : Set.of(), ended);
  }

  static String recordKey(long fileId) {
    return "FILE-" + fileId;
  }
}

package cn.warmth.registry;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workers' masked identity and bank details for printed documents (签收表, 发放花名册), in one
 * query: never a full ID or card number (data-protection.md).
 */
@Service
public class MaskedDetails {
  private final WorkerRepository workers;

  MaskedDetails(WorkerRepository workers) {
    this.workers = workers;
  }

  public record Masked(long workerId, String name, String idNumberMasked, String bankName, String bankCardMasked) {}

  /** For workers of records the caller already sees (cases, batches in scope). */
  @Transactional(readOnly = true)
  public Map<Long, Masked> of(Collection<Long> workerIds) {
    Map<Long, Masked> m = new HashMap<>();
    if (!workerIds.isEmpty()) {
      workers.findAllById(new HashSet<>(workerIds)).forEach(w -> m.put(w.getId(), new Masked(w.getId(), w.getName(),
          w.getIdNumberMasked(), w.getBankName(), w.getBankCardMasked())));
    }
    return m;
  }
}

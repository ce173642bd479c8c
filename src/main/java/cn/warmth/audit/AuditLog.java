package cn.warmth.audit;

import cn.warmth.shared.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to write the audit log. It joins the caller's transaction (MANDATORY), so an
 * audited change and its entry commit or roll back together. Callers pass masked values:
 * the log never sees a full ID or card number.
 */
@Service
public class AuditLog {
  private final AuditRepository repository;
  private final ObjectMapper json;
  private final Clock clock;

  AuditLog(AuditRepository repository, ObjectMapper json, Clock clock) {
    this.repository = repository;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Records a change. Only the fields whose values differ between before and after are kept
   * (both maps may be null for a create or a delete).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(String action, String entityType, String entityId, String orgPath,
      Map<String, ?> before, Map<String, ?> after) {
    Map<String, Object> b = new LinkedHashMap<>();
    Map<String, Object> a = new LinkedHashMap<>();
    if (before != null && after != null) {
      for (var key : union(before, after)) {
        if (!Objects.equals(before.get(key), after.get(key))) {
          b.put(key, before.get(key));
          a.put(key, after.get(key));
        }
      }
    } else {
      if (before != null) b.putAll(before);
      if (after != null) a.putAll(after);
    }
    repository.save(new AuditEntry(Instant.now(clock), CurrentUser.actorName(), action, entityType, entityId,
        orgPath, b.isEmpty() ? null : write(b), a.isEmpty() ? null : write(a)));
  }

  /** The entries for one object, oldest first (for history views). */
  @Transactional(readOnly = true)
  public List<AuditView> historyOf(String entityType, String entityId) {
    return repository.findByEntityTypeAndEntityIdOrderByIdAsc(entityType, entityId).stream()
        .map(AuditView::of).toList();
  }

  private static java.util.Set<String> union(Map<String, ?> x, Map<String, ?> y) {
    var keys = new java.util.LinkedHashSet<String>(x.keySet());
    keys.addAll(y.keySet());
    return keys;
  }

  private String write(Map<String, Object> m) {
    try {
      String s = json.writeValueAsString(m);
      return s.length() > 4000 ? s.substring(0, 3990) + "…" : s;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

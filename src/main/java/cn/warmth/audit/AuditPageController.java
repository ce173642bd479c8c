package cn.warmth.audit;

import cn.warmth.shared.CurrentUser;
import java.time.LocalDate;
import java.time.ZoneId;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.Pager;
import cn.warmth.shared.SortOrder;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** ADMIN browses and filters the audit log of their scope. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditPageController {
  /** The audit list is sorted by time, newest first by default. */
  static final List<String> SORTS = List.of("at");
  private final AuditRepository repository;
  private final ZoneId zone;

  AuditPageController(AuditRepository repository, java.time.Clock clock) {
    this.repository = repository;
    this.zone = clock.getZone();
  }

  @GetMapping("/admin/audit")
  @Transactional(readOnly = true)
  String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
      @RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String sort, PageParams page, Model model) {
    LocalDate f = from == null ? LocalDate.of(2000, 1, 1) : from;
    LocalDate t = to == null ? LocalDate.of(2999, 12, 31) : to;
    String scope = CurrentUser.get().orgPath();
    String who = blankToNull(actor);
    String type = blankToNull(entityType);
    String id = blankToNull(entityId);
    String act = blankToNull(action);
    var fromInstant = f.atStartOfDay(zone).toInstant();
    var toInstant = t.plusDays(1).atStartOfDay(zone).toInstant();
    // Optional filters as a specification: PostgreSQL cannot type "(:x is null or ...)".
    org.springframework.data.jpa.domain.Specification<AuditEntry> spec = (root, q, cb) -> {
      var where = new java.util.ArrayList<jakarta.persistence.criteria.Predicate>();
      where.add(cb.or(cb.isNull(root.get("orgPath")), cb.like(root.get("orgPath"), scope + "%")));
      where.add(cb.greaterThanOrEqualTo(root.get("at"), fromInstant));
      where.add(cb.lessThan(root.get("at"), toInstant));
      if (who != null) where.add(cb.equal(root.get("actor"), who));
      if (type != null) where.add(cb.equal(root.get("entityType"), type));
      if (id != null) where.add(cb.equal(root.get("entityId"), id));
      if (act != null) where.add(cb.equal(root.get("action"), act));
      return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
    };
    SortOrder order = SortOrder.parse(sort, "-at", SORTS);
    Page<AuditEntry> entries = repository.findAll(spec, page.pageable(order.toSort(Map.of("at", "at"))));
    Paged<AuditView> rows = Paged.of(entries.map(AuditView::of));
    model.addAttribute("entries", rows.items());
    model.addAttribute("pager", Pager.of(rows, page, order));
    return "audit/list";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

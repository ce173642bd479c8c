package cn.warmth.audit;

import cn.warmth.shared.CurrentUser;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
      @RequestParam(defaultValue = "0") int page, Model model) {
    LocalDate f = from == null ? LocalDate.of(2000, 1, 1) : from;
    LocalDate t = to == null ? LocalDate.of(2999, 12, 31) : to;
    Page<AuditEntry> entries = repository.search(CurrentUser.get().orgPath(), blankToNull(actor),
        blankToNull(entityType), blankToNull(entityId), blankToNull(action),
        f.atStartOfDay(zone).toInstant(), t.plusDays(1).atStartOfDay(zone).toInstant(),
        PageRequest.of(Math.max(page, 0), 50));
    model.addAttribute("entries", entries.map(AuditView::of));
    model.addAttribute("zone", zone);
    return "audit/list";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

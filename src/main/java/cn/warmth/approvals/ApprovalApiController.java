package cn.warmth.approvals;

import cn.warmth.cases.SignOffs;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The finance desk for scripts: {@code GET /api/v1/approvals} (cases waiting for the caller's
 * sign-off, paged), {@code POST /api/v1/approvals} (approve many, results per case) and
 * {@code GET /api/v1/approvals/{caseNumber}} (what the sign-off needs).
 */
@RestController
@RequestMapping("/api/v1/approvals")
class ApprovalApiController {
  private final SignOffs signOffs;
  private final ApprovalDesk desk;
  private final SignOffBriefs briefs;

  ApprovalApiController(SignOffs signOffs, ApprovalDesk desk, SignOffBriefs briefs) {
    this.signOffs = signOffs;
    this.desk = desk;
    this.briefs = briefs;
  }

  @GetMapping
  ResponseEntity<List<SignOffs.Waiting>> waiting(@RequestParam(required = false) String org,
      @RequestParam(required = false) String source, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    SignOffs.WaitingPage p = signOffs.waiting(org, source, page, size);
    var b = ResponseEntity.ok().header("X-Total-Count", String.valueOf(p.total()));
    StringBuilder link = new StringBuilder();
    if ((long) (page + 1) * size < p.total()) {
      link.append(link(page + 1, "next"));
    }
    if (page > 0) {
      link.append(link.isEmpty() ? "" : ", ").append(link(page - 1, "prev"));
    }
    if (!link.isEmpty()) {
      b.header("Link", link.toString());
    }
    return b.body(p.items());
  }

  private static String link(int page, String rel) {
    return "<" + ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).toUriString()
        + ">; rel=\"" + rel + "\"";
  }

  /** Approval only: a rejection needs its own reason per case, on the case. */
  record BulkRequest(List<String> caseNumbers, String decision, String comment) {}

  @PostMapping
  ApprovalDesk.BulkResult approve(@RequestBody BulkRequest r, Locale locale) {
    return desk.approveAll(r.decision(), r.caseNumbers(), r.comment(), locale);
  }

  @GetMapping("/{caseNumber}")
  SignOffBriefs.Brief brief(@PathVariable String caseNumber) {
    return briefs.of(caseNumber);
  }
}

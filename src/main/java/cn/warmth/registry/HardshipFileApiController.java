package cn.warmth.registry;

import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.Paging;
import java.util.List;
import org.springframework.http.ResponseEntity;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HardshipFileApiController {
  private final HardshipFiles files;

  HardshipFileApiController(HardshipFiles files) {
    this.files = files;
  }

  record FileRequest(String category, List<String> reasons, Integer householdSize, String annualIncomeYuan,
      String annualEssentialExpensesYuan, String description) {}

  record ReviewRequest(String decision, String comment) {}

  record CloseRequest(String reason, String comment) {}

  record CommentRequest(String comment) {}

  @PostMapping("/api/v1/workers/{workerId}/hardship-file")
  @ResponseStatus(HttpStatus.CREATED)
  HardshipFileView submit(@PathVariable long workerId, @RequestBody FileRequest req) {
    return files.submit(workerId, new HardshipFiles.FileInput(req.category(), req.reasons(), req.householdSize(),
        req.annualIncomeYuan(), req.annualEssentialExpensesYuan(), req.description()));
  }

  /** One worker's files: a handful by construction (one active at a time). */
  @GetMapping("/api/v1/workers/{workerId}/hardship-files")
  ResponseEntity<List<HardshipFileView>> ofWorker(@PathVariable long workerId, PageParams page) {
    return Paging.answer(Paged.ofBounded(files.ofWorker(workerId), page), page);
  }

  /**
   * The files in scope: {@code status} (repeatable), {@code org}, {@code q} (worker name or the ID's
   * last 4), {@code sort} as the list page; paged with {@code X-Total-Count} and {@code Link}.
   */
  @GetMapping("/api/v1/hardship-files")
  ResponseEntity<List<HardshipFiles.FileRow>> list(@RequestParam(required = false) List<String> status,
      @RequestParam(required = false) String org, @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort, PageParams page) {
    return Paging.answer(files.list(status, org, q, cn.warmth.shared.SortOrder.parse(sort, "-submitted",
        HardshipFiles.SORTS), page), page);
  }

  @GetMapping("/api/v1/hardship-files/{id}")
  HardshipFileView get(@PathVariable long id) {
    return files.get(id);
  }

  @PostMapping("/api/v1/hardship-files/{id}/review")
  HardshipFileView review(@PathVariable long id, @RequestBody ReviewRequest req) {
    return files.review(id, req.decision(), req.comment());
  }

  @PostMapping("/api/v1/hardship-files/{id}/objection")
  HardshipFileView objection(@PathVariable long id, @RequestBody CommentRequest req) {
    return files.objection(id, req.comment());
  }

  @PostMapping("/api/v1/hardship-files/{id}/annual-review")
  HardshipFileView annualReview(@PathVariable long id, @RequestBody(required = false) CommentRequest req) {
    return files.confirmAnnualReview(id, req == null ? null : req.comment());
  }

  @PostMapping("/api/v1/hardship-files/{id}/close")
  HardshipFileView close(@PathVariable long id, @RequestBody CloseRequest req) {
    return files.close(id, req.reason(), req.comment());
  }

  /** One file's history: a few entries per step of its life. */
  @GetMapping("/api/v1/hardship-files/{id}/history")
  ResponseEntity<List<Map<String, Object>>> history(@PathVariable long id, PageParams page) {
    List<Map<String, Object>> all = files.history(id).stream().map(a -> Map.<String, Object>of("at",
        a.at().toString(), "actor", a.actor(), "action", a.action(), "after", a.after() == null ? "" : a.after()))
        .toList();
    return Paging.answer(Paged.ofBounded(all, page), page);
  }
}

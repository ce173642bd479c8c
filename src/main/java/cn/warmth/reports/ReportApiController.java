package cn.warmth.reports;

import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.Paging;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reports")
class ReportApiController {
  private final Reports reports;

  ReportApiController(Reports reports) {
    this.reports = reports;
  }

  record SubmitRequest(String campaignCode, String orgCode, String narrative, String preparedBy, String phone) {}

  record ReviewRequest(String decision, String comment) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Reports.ReportView submit(@RequestBody SubmitRequest r) {
    return reports.submit(r.campaignCode(), r.orgCode(), r.narrative(), r.preparedBy(), r.phone());
  }

  @PostMapping("/{id}/review")
  Reports.ReportView review(@PathVariable long id, @RequestBody ReviewRequest r) {
    return reports.review(id, r.decision(), r.comment());
  }

  @GetMapping("/{id}")
  Reports.ReportView get(@PathVariable long id) {
    return reports.get(id);
  }

  @GetMapping
  ResponseEntity<List<Reports.ReportView>> list(@RequestParam String campaign, PageParams page) {
    return Paging.answer(reports.list(campaign, page), page);
  }

  /** One line per direct child unit: bounded by the tree. */
  @GetMapping("/children")
  ResponseEntity<List<Reports.ChildState>> children(@RequestParam String campaign, @RequestParam String org,
      PageParams page) {
    return Paging.answer(Paged.ofBounded(reports.childStates(campaign, org), page), page);
  }
}

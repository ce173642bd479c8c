package cn.warmth.cases;

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
@RequestMapping("/api/v1/cases")
class CaseApiController {
  private final AidCases cases;

  CaseApiController(AidCases cases) {
    this.cases = cases;
  }

  record CaseRequest(String campaignCode, Long workerId, String category, String fundSource, String paymentMethod,
      String amountYuan, String goodsValueYuan, String goodsDescription, List<String> assistance, String reason,
      String overCapReason, AidCases.VisitPlan visit) {}

  record ApprovalRequest(String decision, String comment) {}

  record VisitRequest(String outcome, String visitedOn, String visitors, String notes, Boolean receiptSigned) {}

  record RescheduleRequest(String plannedDate, String location, String visitors) {}

  record HandoverRequest(String receivedOn) {}

  record VoidRequest(String reason) {}

  /** Without a corrected card, {@code confirmBankIssue: true} and a note ("卡号无误，银行原因"). */
  record RetryRequest(Boolean confirmBankIssue, String note) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  CaseView open(@RequestBody CaseRequest r) {
    return cases.open(new AidCases.CaseInput(r.campaignCode(), r.workerId(), r.category(), r.fundSource(),
        r.paymentMethod(), r.amountYuan(), r.goodsValueYuan(), r.goodsDescription(), r.assistance(), r.reason(),
        r.overCapReason(), r.visit()));
  }

  @GetMapping("/{caseNumber}")
  CaseView get(@PathVariable String caseNumber) {
    return cases.get(caseNumber);
  }

  @GetMapping
  ResponseEntity<List<CaseView>> list(@RequestParam(required = false) String campaign,
      @RequestParam(required = false) String status, @RequestParam(required = false) String org,
      @RequestParam(required = false) String category, PageParams page) {
    return Paging.answer(cases.search(campaign, status, category, org, page), page);
  }

  @PostMapping("/{caseNumber}/approval")
  CaseView approval(@PathVariable String caseNumber, @RequestBody ApprovalRequest r) {
    return cases.approve(caseNumber, r.decision(), r.comment());
  }

  @PostMapping("/{caseNumber}/visit")
  CaseView visit(@PathVariable String caseNumber, @RequestBody VisitRequest r) {
    return cases.recordVisit(caseNumber, r.outcome(), r.visitedOn(), r.visitors(), r.notes(), r.receiptSigned());
  }

  @PostMapping("/{caseNumber}/visit/reschedule")
  CaseView reschedule(@PathVariable String caseNumber, @RequestBody RescheduleRequest r) {
    return cases.reschedule(caseNumber, r.plannedDate(), r.location(), r.visitors());
  }

  @PostMapping("/{caseNumber}/handover")
  CaseView handover(@PathVariable String caseNumber, @RequestBody HandoverRequest r) {
    return cases.confirmHandover(caseNumber, r.receivedOn());
  }

  @PostMapping("/{caseNumber}/payment/retry")
  CaseView retry(@PathVariable String caseNumber, @RequestBody(required = false) RetryRequest r) {
    return r == null ? cases.retryPayment(caseNumber)
        : cases.retryPayment(caseNumber, Boolean.TRUE.equals(r.confirmBankIssue()), r.note());
  }

  @PostMapping("/{caseNumber}/close")
  CaseView close(@PathVariable String caseNumber) {
    return cases.close(caseNumber);
  }

  @PostMapping("/{caseNumber}/void")
  CaseView voidCase(@PathVariable String caseNumber, @RequestBody VoidRequest r) {
    return cases.voidCase(caseNumber, r.reason());
  }

  /** The steps of one case: bounded by its process. */
  @GetMapping("/{caseNumber}/timeline")
  ResponseEntity<List<AidCases.TimelineEntry>> timeline(@PathVariable String caseNumber, PageParams page) {
    return Paging.answer(Paged.ofBounded(cases.timeline(caseNumber), page), page);
  }
}

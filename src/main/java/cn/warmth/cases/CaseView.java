package cn.warmth.cases;

import cn.warmth.evidence.AttachmentView;
import cn.warmth.shared.Money;
import cn.warmth.workflow.Action;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A case as GET /cases/{caseNumber} answers it (api.md), plus what the pages show. */
public record CaseView(String caseNumber, CaseStatus status, String campaignCode, String orgCode, long workerId,
    String workerName, AidCategory category, FundSource fundSource, PaymentMethod paymentMethod, String amountYuan,
    String goodsValueYuan, String goodsDescription, String totalYuan, Set<Assistance> assistance, String reason,
    boolean overCap, String overCapReason, List<Approval> approvals, Visit visit, Payment payment, String openedBy,
    Instant openedAt, String rejectComment, String closedBy, Instant closedAt, String voidedBy, String voidReason,
    Boolean financeRequired, Boolean managerRequired, List<Action> actions,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<AttachmentView> attachments) {

  public record Approval(ApprovalStep step, String decision, String by, Instant at, String comment) {}

  public record Visit(LocalDate plannedDate, String location, String visitors, VisitStatus status, LocalDate visitedOn,
      String actualVisitors, String notes, @JsonInclude(JsonInclude.Include.NON_NULL) List<AttachmentView> attachments) {}

  public record Payment(PaymentStatus status, String message, LocalDate receiptSignedOn) {}

  /** Whether the caller may take this action now (templates render buttons from {@link #actions}). */
  public boolean can(String action) {
    return actions != null && actions.contains(Action.valueOf(action));
  }

  static CaseView of(AidCase c, String workerName, List<Action> actions) {
    return new CaseView(c.getCaseNumber(), c.getStatus(), c.getCampaignCode(), c.getOrgCode(), c.getWorkerId(),
        workerName, c.getCategory(), c.getFundSource(), c.getPaymentMethod(), Money.yuan(c.getAmountFen()),
        Money.yuan(c.getGoodsValueFen()), c.getGoodsDescription(), Money.yuan(c.totalFen()), c.assistanceSet(),
        c.getReason(), c.isOverCap(), c.getOverCapReason(),
        c.getApprovals().stream().map(a -> new Approval(a.getStep(), a.getDecision(), a.getDecidedBy(),
            a.getDecidedAt(), a.getComment())).toList(),
        new Visit(c.getVisitPlannedDate(), c.getVisitLocation(), c.getVisitVisitors(), c.getVisitStatus(),
            c.getVisitedOn(), c.getVisitActualVisitors(), c.getVisitNotes(), null),
        new Payment(c.getPaymentStatus(), c.getPaymentMessage(), c.getReceiptSignedOn()), c.getOpenedBy(),
        c.getOpenedAt(), c.getRejectComment(), c.getClosedBy(), c.getClosedAt(), c.getVoidedBy(), c.getVoidReason(),
        c.getFinanceRequired(), c.getManagerRequired(), actions == null ? List.of() : actions, null);
  }

  /** The single-case view carries the evidence of the case and of its visit (lists do not). */
  CaseView withEvidence(List<AttachmentView> onCase, List<AttachmentView> onVisit) {
    Visit v = new Visit(visit.plannedDate(), visit.location(), visit.visitors(), visit.status(), visit.visitedOn(),
        visit.actualVisitors(), visit.notes(), onVisit);
    return new CaseView(caseNumber, status, campaignCode, orgCode, workerId, workerName, category, fundSource,
        paymentMethod, amountYuan, goodsValueYuan, goodsDescription, totalYuan, assistance, reason, overCap,
        overCapReason, approvals, v, payment, openedBy, openedAt, rejectComment, closedBy, closedAt, voidedBy,
        voidReason, financeRequired, managerRequired, actions, onCase);
  }
}

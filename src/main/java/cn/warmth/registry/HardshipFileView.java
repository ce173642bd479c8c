package cn.warmth.registry;

import cn.warmth.evidence.AttachmentView;
import cn.warmth.shared.Money;
import cn.warmth.workflow.Action;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A hardship file as the API and pages show it; money as yuan strings. */
public record HardshipFileView(long id, long workerId, String orgCode, FileStatus status, HardshipCategory category,
    List<HardshipReason> reasons, int householdSize, String annualIncomeYuan, String annualEssentialExpensesYuan,
    String perCapitaMonthlyYuan, String dibaoMonthlyYuan, String description, String submittedBy, Instant submittedAt,
    String reviewedBy, Instant reviewedAt, String reviewComment, LocalDate noticeUntil, LocalDate filedDate,
    LocalDate nextReviewDate, LocalDate closedDate, CloseReason closeReason, String closeComment, List<Action> actions,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<AttachmentView> attachments,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Objection> objections) {

  /** An objection raised during the 公示, as written: who ({@code by} the login, {@code byName} the person), when, what. */
  public record Objection(String by, String byName, Instant at, String text) {}

  /** Whether the caller may take this action now (the page renders its forms from {@link #actions}). */
  public boolean can(String action) {
    return actions != null && actions.contains(Action.valueOf(action));
  }

  static HardshipFileView of(HardshipFile f, List<Action> actions) {
    return new HardshipFileView(f.getId(), f.getWorkerId(), f.getOrgCode(), f.getStatus(), f.getCategory(),
        f.reasonList(), f.getHouseholdSize(), Money.yuan(f.getAnnualIncomeFen()), Money.yuan(f.getAnnualExpensesFen()),
        f.perCapitaMonthlyYuan().toPlainString(), f.getDibaoMonthlyFen() == null ? null : Money.yuan(f.getDibaoMonthlyFen()),
        f.getDescription(), f.getSubmittedBy(), f.getSubmittedAt(), f.getReviewedBy(), f.getReviewedAt(),
        f.getReviewComment(), f.getNoticeUntil(), f.getFiledDate(), f.getNextReviewDate(), f.getClosedDate(),
        f.getCloseReason(), f.getCloseComment(), actions == null ? List.of() : actions, null, null);
  }

  /** The single-file view carries its evidence and its objections (lists do not). */
  HardshipFileView withDetails(List<AttachmentView> list, List<Objection> raised) {
    return new HardshipFileView(id, workerId, orgCode, status, category, reasons, householdSize, annualIncomeYuan,
        annualEssentialExpensesYuan, perCapitaMonthlyYuan, dibaoMonthlyYuan, description, submittedBy, submittedAt,
        reviewedBy, reviewedAt, reviewComment, noticeUntil, filedDate, nextReviewDate, closedDate, closeReason,
        closeComment, actions, list, raised);
  }

  /** The objection that sent the file back to review, while that review is pending (else null). */
  public Objection pendingObjection() {
    return status == FileStatus.PENDING_REVIEW && objections != null && !objections.isEmpty()
        ? objections.get(objections.size() - 1) : null;
  }

  /** Below the 低保 standard (the figure the reviewer compares). */
  public boolean belowDibao() {
    return dibaoMonthlyYuan != null && new java.math.BigDecimal(perCapitaMonthlyYuan)
        .compareTo(new java.math.BigDecimal(dibaoMonthlyYuan)) < 0;
  }
}

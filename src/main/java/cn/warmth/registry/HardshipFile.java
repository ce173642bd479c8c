package cn.warmth.registry;

import cn.warmth.shared.BusinessException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 困难职工档案, one household one file. Its life cycle lives here, each step guarded:
 * PENDING_REVIEW → PUBLIC_NOTICE → FILED → CLOSED, or REJECTED; an objection during the notice
 * sends it back to PENDING_REVIEW.
 */
@Entity
@Table(name = "hardship_file")
class HardshipFile {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "worker_id", nullable = false)
  private Long workerId;

  /** = workerId while active, null after: a unique constraint allows one active file per worker. */
  @Column(name = "active_worker_id")
  private Long activeWorkerId;

  @Column(name = "org_code", nullable = false)
  private String orgCode;

  @Column(name = "org_path", nullable = false)
  private String orgPath;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private FileStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private HardshipCategory category;

  /** Codes, main reason first, comma-separated. */
  @Column(nullable = false)
  private String reasons;

  @Column(name = "household_size", nullable = false)
  private int householdSize;

  @Column(name = "annual_income_fen", nullable = false)
  private long annualIncomeFen;

  @Column(name = "annual_expenses_fen", nullable = false)
  private long annualExpensesFen;

  /** The 低保 standard in force when the file was submitted, kept for the reviewer. */
  @Column(name = "dibao_monthly_fen")
  private Long dibaoMonthlyFen;

  private String description;

  @Column(name = "submitted_by", nullable = false)
  private String submittedBy;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "reviewed_by")
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "review_comment")
  private String reviewComment;

  @Column(name = "notice_until")
  private LocalDate noticeUntil;

  @Column(name = "filed_date")
  private LocalDate filedDate;

  @Column(name = "next_review_date")
  private LocalDate nextReviewDate;

  @Column(name = "closed_date")
  private LocalDate closedDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "close_reason")
  private CloseReason closeReason;

  @Column(name = "close_comment")
  private String closeComment;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Version
  private long version;

  protected HardshipFile() {}

  HardshipFile(long workerId, String orgCode, String orgPath, HardshipCategory category, List<HardshipReason> reasons,
      int householdSize, long incomeFen, long expensesFen, Long dibaoFen, String description, String submittedBy,
      Instant now) {
    if (reasons.isEmpty() || reasons.size() > 4 || householdSize < 1) {
      throw new IllegalArgumentException("invalid file");
    }
    this.workerId = workerId;
    this.activeWorkerId = workerId;
    this.orgCode = orgCode;
    this.orgPath = orgPath;
    this.status = FileStatus.PENDING_REVIEW;
    this.category = category;
    this.reasons = reasons.stream().map(Enum::name).collect(Collectors.joining(","));
    this.householdSize = householdSize;
    this.annualIncomeFen = incomeFen;
    this.annualExpensesFen = expensesFen;
    this.dibaoMonthlyFen = dibaoFen;
    this.description = description;
    this.submittedBy = submittedBy;
    this.submittedAt = now;
  }

  /** Approval: into the public notice until the given day, or straight to filing when there is none. */
  void approve(String reviewer, String comment, Instant now, LocalDate noticeUntilDay) {
    require(FileStatus.PENDING_REVIEW);
    this.reviewedBy = reviewer;
    this.reviewedAt = now;
    this.reviewComment = comment;
    this.noticeUntil = noticeUntilDay;
    this.status = FileStatus.PUBLIC_NOTICE;
  }

  void reject(String reviewer, String comment, Instant now) {
    require(FileStatus.PENDING_REVIEW);
    this.reviewedBy = reviewer;
    this.reviewedAt = now;
    this.reviewComment = comment;
    this.status = FileStatus.REJECTED;
    this.activeWorkerId = null;
  }

  /** An objection during the 公示 sends the file back to review; the objection, as written, is returned to be kept. */
  FileObjection objection(String by, String text, Instant at) {
    require(FileStatus.PUBLIC_NOTICE);
    this.status = FileStatus.PENDING_REVIEW;
    this.noticeUntil = null;
    return new FileObjection(id, orgPath, by, at, text);
  }

  void file(LocalDate day) {
    require(FileStatus.PUBLIC_NOTICE);
    this.status = FileStatus.FILED;
    this.filedDate = day;
    this.nextReviewDate = day.plusYears(1);
  }

  /** The yearly review (动态管理) is done: the next one falls due a year later. */
  void reviewedAnnually() {
    require(FileStatus.FILED);
    this.nextReviewDate = nextReviewDate.plusYears(1);
  }

  void close(CloseReason reason, String comment, LocalDate day) {
    require(FileStatus.FILED);
    this.status = FileStatus.CLOSED;
    this.closeReason = reason;
    this.closeComment = comment;
    this.closedDate = day;
    this.activeWorkerId = null;
  }

  void startedAs(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  private void require(FileStatus expected) {
    if (status != expected) {
      throw BusinessException.conflict("INVALID_STATE");
    }
  }

  /** (annual income − annual essential expenses) / 12 / household size, in yuan to the fen. */
  BigDecimal perCapitaMonthlyYuan() {
    return BigDecimal.valueOf(annualIncomeFen - annualExpensesFen, 2)
        .divide(BigDecimal.valueOf(12L * householdSize), 2, RoundingMode.HALF_UP);
  }

  List<HardshipReason> reasonList() {
    return Arrays.stream(reasons.split(",")).map(HardshipReason::valueOf).toList();
  }

  Long getId() { return id; }
  Long getWorkerId() { return workerId; }
  String getOrgCode() { return orgCode; }
  String getOrgPath() { return orgPath; }
  FileStatus getStatus() { return status; }
  HardshipCategory getCategory() { return category; }
  int getHouseholdSize() { return householdSize; }
  long getAnnualIncomeFen() { return annualIncomeFen; }
  long getAnnualExpensesFen() { return annualExpensesFen; }
  Long getDibaoMonthlyFen() { return dibaoMonthlyFen; }
  String getDescription() { return description; }
  String getSubmittedBy() { return submittedBy; }
  Instant getSubmittedAt() { return submittedAt; }
  String getReviewedBy() { return reviewedBy; }
  Instant getReviewedAt() { return reviewedAt; }
  String getReviewComment() { return reviewComment; }
  LocalDate getNoticeUntil() { return noticeUntil; }
  LocalDate getFiledDate() { return filedDate; }
  LocalDate getNextReviewDate() { return nextReviewDate; }
  LocalDate getClosedDate() { return closedDate; }
  CloseReason getCloseReason() { return closeReason; }
  String getCloseComment() { return closeComment; }
  String getProcessInstanceId() { return processInstanceId; }
  long getVersion() { return version; }
}

package cn.warmth.cases;

import cn.warmth.shared.BusinessException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An aid case: one worker, one campaign, money and/or goods. Every change of state is a guarded
 * method here; the service tells the engine in the same transaction.
 */
@Entity
@Table(name = "aid_case")
class AidCase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number", nullable = false, unique = true)
  private String caseNumber;

  @Column(name = "campaign_code", nullable = false)
  private String campaignCode;

  @Column(name = "org_code", nullable = false)
  private String orgCode;

  @Column(name = "org_path", nullable = false)
  private String orgPath;

  @Column(name = "worker_id", nullable = false)
  private Long workerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AidCategory category;

  @Enumerated(EnumType.STRING)
  @Column(name = "fund_source", nullable = false)
  private FundSource fundSource;

  @Enumerated(EnumType.STRING)
  @Column(name = "payment_method", nullable = false)
  private PaymentMethod paymentMethod;

  @Column(name = "amount_fen", nullable = false)
  private long amountFen;

  @Column(name = "goods_value_fen", nullable = false)
  private long goodsValueFen;

  @Column(name = "goods_description")
  private String goodsDescription;

  /** E-codes, comma-separated (may be empty). */
  @Column(nullable = false)
  private String assistance;

  @Column(nullable = false)
  private String reason;

  @Column(name = "over_cap", nullable = false)
  private boolean overCap;

  @Column(name = "over_cap_reason")
  private String overCapReason;

  @Column(name = "cap_year", nullable = false)
  private int capYear;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CaseStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "payment_status", nullable = false)
  private PaymentStatus paymentStatus;

  @Column(name = "payment_message")
  private String paymentMessage;

  /** Keyed hash of the payee the failed payment was sent to (null before that was recorded). */
  @Column(name = "payment_failed_payee")
  private String paymentFailedPayee;

  @Column(name = "duplicate_key")
  private String duplicateKey;

  @Column(name = "visit_planned_date", nullable = false)
  private LocalDate visitPlannedDate;

  @Column(name = "visit_location", nullable = false)
  private String visitLocation;

  @Column(name = "visit_visitors", nullable = false)
  private String visitVisitors;

  @Enumerated(EnumType.STRING)
  @Column(name = "visit_status", nullable = false)
  private VisitStatus visitStatus;

  @Column(name = "visited_on")
  private LocalDate visitedOn;

  @Column(name = "visit_actual_visitors")
  private String visitActualVisitors;

  @Column(name = "visit_notes")
  private String visitNotes;

  @Column(name = "receipt_signed_on")
  private LocalDate receiptSignedOn;

  @Column(name = "reject_comment")
  private String rejectComment;

  @Column(name = "opened_by", nullable = false)
  private String openedBy;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "closed_by")
  private String closedBy;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "voided_by")
  private String voidedBy;

  @Column(name = "voided_at")
  private Instant voidedAt;

  @Column(name = "void_reason")
  private String voidReason;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  /** The approval table's answer, written when the process decides (null for cases opened before it was kept). */
  @Column(name = "finance_required")
  private Boolean financeRequired;

  @Column(name = "manager_required")
  private Boolean managerRequired;

  /** Who confirmed the disbursement: the officer at the hand-over, or whoever imported the bank's answer. */
  @Column(name = "payment_confirmed_by")
  private String paymentConfirmedBy;

  @OneToMany(mappedBy = "aidCase", cascade = CascadeType.ALL)
  @OrderBy("id")
  private List<CaseApproval> approvals = new ArrayList<>();

  @Version
  private long version;

  protected AidCase() {}

  /** Everything a new case needs; validated by the service before it gets here. */
  record Opening(String caseNumber, String campaignCode, String orgCode, String orgPath, long workerId,
      AidCategory category, FundSource fundSource, PaymentMethod method, long amountFen,
      long goodsFen, String goodsDescription, Set<Assistance> assistance, String reason, boolean overCap,
      String overCapReason, int capYear, LocalDate visitDate, String visitLocation, String visitVisitors,
      String openedBy, Instant openedAt) {}

  AidCase(Opening o) {
    if (o.amountFen() < 0 || o.goodsFen() < 0 || o.amountFen() + o.goodsFen() == 0) {
      throw new IllegalArgumentException("a case gives something");
    }
    if (o.overCap() && (o.overCapReason() == null || o.overCapReason().isBlank())) {
      throw new IllegalArgumentException("over the cap needs a written reason");
    }
    this.caseNumber = o.caseNumber();
    this.campaignCode = o.campaignCode();
    this.orgCode = o.orgCode();
    this.orgPath = o.orgPath();
    this.workerId = o.workerId();
    this.category = o.category();
    this.fundSource = o.fundSource();
    this.paymentMethod = o.method();
    this.amountFen = o.amountFen();
    this.goodsValueFen = o.goodsFen();
    this.goodsDescription = o.goodsDescription();
    this.assistance = o.assistance().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    this.reason = o.reason();
    this.overCap = o.overCap();
    this.overCapReason = o.overCapReason();
    this.capYear = o.capYear();
    this.status = CaseStatus.PENDING_APPROVAL;
    this.paymentStatus = PaymentStatus.NOT_DUE;
    this.duplicateKey = duplicateKey(o.campaignCode(), o.workerId(), o.category());
    this.visitPlannedDate = o.visitDate();
    this.visitLocation = o.visitLocation();
    this.visitVisitors = o.visitVisitors();
    this.visitStatus = VisitStatus.PLANNED;
    this.openedBy = o.openedBy();
    this.openedAt = o.openedAt();
  }

  static String duplicateKey(String campaign, long workerId, AidCategory category) {
    return campaign + "|" + workerId + "|" + category.name();
  }

  /** Records a sign-off. The last approval moves the case on; a rejection ends it. */
  void signOff(ApprovalStep step, boolean approve, String by, Instant at, String comment, boolean last) {
    requireStatus(CaseStatus.PENDING_APPROVAL);
    if (by.equals(openedBy) || approvals.stream().anyMatch(a -> a.getDecidedBy().equals(by))) {
      throw BusinessException.forbidden("SEGREGATION_OF_DUTIES", "error.SEGREGATION_OF_DUTIES");
    }
    if (approvals.stream().anyMatch(a -> a.getStep() == step)) {
      throw BusinessException.conflict("INVALID_STATE");
    }
    approvals.add(new CaseApproval(this, step, approve, by, at, comment));
    if (!approve) {
      status = CaseStatus.REJECTED;
      rejectComment = comment;
      duplicateKey = null;
    } else if (last) {
      status = CaseStatus.IN_PROGRESS;
      paymentStatus = paymentMethod == PaymentMethod.BANK_CARD ? PaymentStatus.QUEUED : PaymentStatus.NOT_DUE;
    }
  }

  /** The approval table required no sign-off at all: approved as it stands. */
  void signOffNotRequired() {
    requireStatus(CaseStatus.PENDING_APPROVAL);
    status = CaseStatus.IN_PROGRESS;
    paymentStatus = paymentMethod == PaymentMethod.BANK_CARD ? PaymentStatus.QUEUED : PaymentStatus.NOT_DUE;
  }

  /** The visit happened; for cash and goods a signed receipt is the hand-over. */
  void visitCompleted(LocalDate on, String visitors, String notes, boolean receiptSigned, String by) {
    requireStatus(CaseStatus.IN_PROGRESS);
    requireVisitOpen();
    visitStatus = VisitStatus.COMPLETED;
    visitedOn = on;
    visitActualVisitors = visitors;
    visitNotes = notes;
    if (receiptSigned && paymentMethod != PaymentMethod.BANK_CARD) {
      handedOver(on, by);
    }
  }

  void visitWaived(String why) {
    requireStatus(CaseStatus.IN_PROGRESS);
    requireVisitOpen();
    visitStatus = VisitStatus.WAIVED;
    visitNotes = why;
  }

  void reschedule(LocalDate date, String location, String visitors) {
    if (status != CaseStatus.PENDING_APPROVAL && status != CaseStatus.IN_PROGRESS) {
      throw BusinessException.conflict("INVALID_STATE");
    }
    requireVisitOpen();
    visitPlannedDate = date;
    if (location != null) {
      visitLocation = location;
    }
    if (visitors != null) {
      visitVisitors = visitors;
    }
  }

  /** Cash or goods handed over against a signed receipt (at the visit or later). */
  void handedOver(LocalDate on, String by) {
    requireStatus(CaseStatus.IN_PROGRESS);
    if (paymentMethod == PaymentMethod.BANK_CARD || paymentStatus == PaymentStatus.PAID) {
      throw BusinessException.conflict("INVALID_STATE");
    }
    receiptSignedOn = on;
    paymentStatus = PaymentStatus.PAID;
    paymentConfirmedBy = by;
  }

  // ---- bank card payments (driven by the disbursement module) ----

  void addedToBatch() {
    if (paymentStatus != PaymentStatus.QUEUED) {
      throw BusinessException.conflict("INVALID_STATE");
    }
    paymentStatus = PaymentStatus.IN_BATCH;
  }

  void bankPaid(String by) {
    if (paymentStatus != PaymentStatus.IN_BATCH) {
      throw BusinessException.conflict("INVALID_STATE");
    }
    paymentStatus = PaymentStatus.PAID;
    paymentConfirmedBy = by;
    paymentMessage = null;
  }

  void bankFailed(String message, String payeeFingerprint) {
    if (paymentStatus != PaymentStatus.IN_BATCH) {
      throw BusinessException.conflict("INVALID_STATE");
    }
    paymentStatus = PaymentStatus.FAILED;
    paymentMessage = message;
    paymentFailedPayee = payeeFingerprint;
  }

  /** Whether the payee (name, bank, card) differs from the one the failed payment went to. */
  boolean payeeChangedSinceFailure(String currentFingerprint) {
    return paymentFailedPayee != null && !paymentFailedPayee.equals(currentFingerprint);
  }

  /** A failure recorded before payees were fingerprinted: nobody can tell what changed since. */
  boolean failedPayeeUnknown() {
    return paymentStatus == PaymentStatus.FAILED && paymentFailedPayee == null;
  }

  /**
   * The failed payment goes to the bank again: only to a corrected payee, or with the written
   * confirmation that the details are right and the bank was the cause.
   */
  void retryPayment(boolean payeeChanged, boolean bankIssueConfirmed) {
    if (paymentStatus != PaymentStatus.FAILED) {
      throw BusinessException.conflict("INVALID_STATE");
    }
    if (!payeeChanged && !bankIssueConfirmed && paymentFailedPayee != null) {
      throw BusinessException.rule("CARD_NOT_CHANGED");
    }
    paymentStatus = PaymentStatus.QUEUED;
    paymentFailedPayee = null;
  }

  boolean readyToClose() {
    return status == CaseStatus.IN_PROGRESS && visitStatus != VisitStatus.PLANNED && paymentStatus == PaymentStatus.PAID;
  }

  void close(String by, Instant at) {
    requireStatus(CaseStatus.IN_PROGRESS);
    if (!readyToClose()) {
      throw BusinessException.conflict("NOT_READY");
    }
    status = CaseStatus.CLOSED;
    closedBy = by;
    closedAt = at;
  }

  void voidCase(String by, Instant at, String why) {
    requireStatus(CaseStatus.CLOSED);
    status = CaseStatus.VOIDED;
    voidedBy = by;
    voidedAt = at;
    voidReason = why;
    duplicateKey = null;
  }

  /** The approval table decided which sign-offs this case needs. */
  void approvalStepsDecided(boolean finance, boolean manager) {
    requireStatus(CaseStatus.PENDING_APPROVAL);
    this.financeRequired = finance;
    this.managerRequired = manager;
  }

  void startedAs(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  private void requireStatus(CaseStatus expected) {
    if (status != expected) {
      throw BusinessException.conflict("INVALID_STATE");
    }
  }

  private void requireVisitOpen() {
    if (visitStatus != VisitStatus.PLANNED) {
      throw BusinessException.conflict("INVALID_STATE");
    }
  }

  Set<Assistance> assistanceSet() {
    Set<Assistance> set = EnumSet.noneOf(Assistance.class);
    if (!assistance.isEmpty()) {
      Arrays.stream(assistance.split(",")).map(Assistance::valueOf).forEach(set::add);
    }
    return set;
  }

  long totalFen() {
    return amountFen + goodsValueFen;
  }

  Long getId() { return id; }
  String getCaseNumber() { return caseNumber; }
  String getCampaignCode() { return campaignCode; }
  String getOrgCode() { return orgCode; }
  String getOrgPath() { return orgPath; }
  Long getWorkerId() { return workerId; }
  AidCategory getCategory() { return category; }
  FundSource getFundSource() { return fundSource; }
  PaymentMethod getPaymentMethod() { return paymentMethod; }
  long getAmountFen() { return amountFen; }
  long getGoodsValueFen() { return goodsValueFen; }
  String getGoodsDescription() { return goodsDescription; }
  String getReason() { return reason; }
  boolean isOverCap() { return overCap; }
  int getCapYear() { return capYear; }
  String getOverCapReason() { return overCapReason; }
  CaseStatus getStatus() { return status; }
  PaymentStatus getPaymentStatus() { return paymentStatus; }
  String getPaymentMessage() { return paymentMessage; }
  String getPaymentFailedPayee() { return paymentFailedPayee; }
  LocalDate getVisitPlannedDate() { return visitPlannedDate; }
  String getVisitLocation() { return visitLocation; }
  String getVisitVisitors() { return visitVisitors; }
  VisitStatus getVisitStatus() { return visitStatus; }
  LocalDate getVisitedOn() { return visitedOn; }
  String getVisitActualVisitors() { return visitActualVisitors; }
  String getVisitNotes() { return visitNotes; }
  LocalDate getReceiptSignedOn() { return receiptSignedOn; }
  String getRejectComment() { return rejectComment; }
  String getOpenedBy() { return openedBy; }
  Instant getOpenedAt() { return openedAt; }
  String getClosedBy() { return closedBy; }
  Instant getClosedAt() { return closedAt; }
  String getVoidedBy() { return voidedBy; }
  String getVoidReason() { return voidReason; }
  Instant getVoidedAt() { return voidedAt; }
  String getProcessInstanceId() { return processInstanceId; }
  List<CaseApproval> getApprovals() { return approvals; }
  Boolean getFinanceRequired() { return financeRequired; }
  Boolean getManagerRequired() { return managerRequired; }
  long getVersion() { return version; }
  String getPaymentConfirmedBy() { return paymentConfirmedBy; }
}

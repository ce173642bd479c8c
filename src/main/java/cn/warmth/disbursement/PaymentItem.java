package cn.warmth.disbursement;

import cn.warmth.cases.FundSource;
import cn.warmth.shared.BusinessException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One payment of a batch: a case's money to the worker's card. */
@Entity
@Table(name = "payment_item")
class PaymentItem {
  enum Status { PENDING, PAID, FAILED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "batch_id")
  private PaymentBatch batch;

  @Column(nullable = false)
  private int seq;

  @Column(name = "case_number", nullable = false)
  private String caseNumber;

  @Column(name = "worker_id", nullable = false)
  private long workerId;

  @Column(name = "worker_name", nullable = false)
  private String workerName;

  @Column(name = "amount_fen", nullable = false)
  private long amountFen;

  /** The case's fund source (null only for payments batched before batches were per source). */
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(name = "fund_source")
  private FundSource fundSource;

  /** Keyed hash of the payee (name, bank, card) as the last bank file sent them: for "retry with intent". */
  @Column(name = "payee_fingerprint")
  private String payeeFingerprint;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "bank_message")
  private String bankMessage;

  @Column(name = "settled_at")
  private Instant settledAt;

  /** = caseNumber while PENDING; the unique constraint keeps a payment in one open batch. */
  @Column(name = "open_case_number")
  private String openCaseNumber;

  protected PaymentItem() {}

  PaymentItem(PaymentBatch batch, int seq, String caseNumber, long workerId, String workerName, long amountFen,
      FundSource fundSource) {
    this.batch = batch;
    this.fundSource = fundSource;
    this.seq = seq;
    this.caseNumber = caseNumber;
    this.workerId = workerId;
    this.workerName = workerName;
    this.amountFen = amountFen;
    this.status = Status.PENDING;
    this.openCaseNumber = caseNumber;
  }

  /** Applies the bank's answer; the same answer again changes nothing, a different one is refused. */
  boolean settle(boolean success, String message, Instant at) {
    Status result = success ? Status.PAID : Status.FAILED;
    if (status == result) {
      return false;
    }
    if (status != Status.PENDING) {
      throw BusinessException.conflict("CONFLICTING_RESULT");
    }
    status = result;
    bankMessage = message;
    settledAt = at;
    openCaseNumber = null;
    return true;
  }

  /** The bank file went out with these payee details. */
  void sentWith(String fingerprint) {
    this.payeeFingerprint = fingerprint;
  }

  Long getId() { return id; }
  FundSource getFundSource() { return fundSource; }
  String getPayeeFingerprint() { return payeeFingerprint; }
  int getSeq() { return seq; }
  String getCaseNumber() { return caseNumber; }
  long getWorkerId() { return workerId; }
  String getWorkerName() { return workerName; }
  long getAmountFen() { return amountFen; }
  Status getStatus() { return status; }
  String getBankMessage() { return bankMessage; }
  Instant getSettledAt() { return settledAt; }
}

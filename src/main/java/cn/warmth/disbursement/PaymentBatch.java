package cn.warmth.disbursement;

import cn.warmth.cases.FundSource;
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
import java.util.ArrayList;
import java.util.List;

/** A bank payment batch: built from queued payments, exported as the bank file, settled by the bank's result. */
@Entity
@Table(name = "payment_batch")
class PaymentBatch {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "org_code", nullable = false)
  private String orgCode;

  @Column(name = "org_path", nullable = false)
  private String orgPath;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private BatchStatus status;

  /** One fund source per batch (one bank file per account); null only for batches built before that rule. */
  @Enumerated(EnumType.STRING)
  @Column(name = "fund_source")
  private FundSource fundSource;

  @Column(name = "profile_code", nullable = false)
  private String profileCode;

  /** The profile's layout when the batch was built: file and result always read the same way. */
  @Column(nullable = false)
  private String layout;

  @Column(name = "item_count", nullable = false)
  private int itemCount;

  @Column(name = "total_fen", nullable = false)
  private long totalFen;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "exported_by")
  private String exportedBy;

  @Column(name = "exported_at")
  private Instant exportedAt;

  @OneToMany(mappedBy = "batch", cascade = CascadeType.ALL)
  @OrderBy("seq")
  private List<PaymentItem> items = new ArrayList<>();

  @Version
  private long version;

  protected PaymentBatch() {}

  PaymentBatch(String orgCode, String orgPath, FundSource fundSource, String profileCode, BankLayout layout,
      String createdBy, Instant now) {
    this.orgCode = orgCode;
    this.orgPath = orgPath;
    this.fundSource = fundSource;
    this.profileCode = profileCode;
    this.layout = layout.toJson();
    this.status = BatchStatus.CREATED;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  void add(String caseNumber, long workerId, String workerName, long amountFen, FundSource source) {
    if (fundSource != null && source != fundSource) {
      throw new IllegalArgumentException("one fund source per batch");
    }
    items.add(new PaymentItem(this, items.size() + 1, caseNumber, workerId, workerName, amountFen, source));
    itemCount = items.size();
    totalFen += amountFen;
  }

  /** Downloading the bank file marks the batch as sent to the bank (once). */
  void exported(String by, Instant at) {
    if (status == BatchStatus.CREATED) {
      status = BatchStatus.EXPORTED;
      exportedBy = by;
      exportedAt = at;
    }
  }

  /** After results: SETTLED when every payment succeeded, PARTLY_FAILED when all answered and some failed. */
  void refreshStatus() {
    boolean pending = items.stream().anyMatch(i -> i.getStatus() == PaymentItem.Status.PENDING);
    boolean failed = items.stream().anyMatch(i -> i.getStatus() == PaymentItem.Status.FAILED);
    if (!pending) {
      status = failed ? BatchStatus.PARTLY_FAILED : BatchStatus.SETTLED;
    }
  }

  BankLayout layout() {
    return BankLayout.fromJson(layout);
  }

  Long getId() { return id; }
  FundSource getFundSource() { return fundSource; }
  String getProfileCode() { return profileCode; }
  String getOrgCode() { return orgCode; }
  String getOrgPath() { return orgPath; }
  BatchStatus getStatus() { return status; }
  int getItemCount() { return itemCount; }
  long getTotalFen() { return totalFen; }
  String getCreatedBy() { return createdBy; }
  Instant getCreatedAt() { return createdAt; }
  String getExportedBy() { return exportedBy; }
  Instant getExportedAt() { return exportedAt; }
  List<PaymentItem> getItems() { return items; }
}

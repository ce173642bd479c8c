package cn.warmth.activities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One recorded activity of a campaign: an enterprise visit, a service, or help for migrant workers. */
@Entity
@Table(name = "activity")
class Activity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "campaign_code", nullable = false)
  private String campaignCode;

  @Column(name = "org_code", nullable = false)
  private String orgCode;

  @Column(name = "org_path", nullable = false)
  private String orgPath;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ActivityKind kind;

  @Column(name = "activity_date", nullable = false)
  private LocalDate date;

  @Column(name = "person_count", nullable = false)
  private int count;

  @Column(name = "amount_fen", nullable = false)
  private long amountFen;

  @Column(name = "enterprise_name")
  private String enterpriseName;

  @Column(name = "enterprise_credit_code")
  private String enterpriseCreditCode;

  private String note;

  @Column(name = "recorded_by", nullable = false)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected Activity() {}

  Activity(String campaignCode, String orgCode, String orgPath, ActivityKind kind, LocalDate date, int count,
      long amountFen, String enterpriseName, String creditCode, String note, String by, Instant at) {
    if (count < 0 || amountFen < 0) {
      throw new IllegalArgumentException("negative");
    }
    this.campaignCode = campaignCode;
    this.orgCode = orgCode;
    this.orgPath = orgPath;
    this.kind = kind;
    this.date = date;
    this.count = count;
    this.amountFen = amountFen;
    this.enterpriseName = enterpriseName;
    this.enterpriseCreditCode = creditCode;
    this.note = note;
    this.recordedBy = by;
    this.recordedAt = at;
  }

  Long getId() { return id; }
  String getCampaignCode() { return campaignCode; }
  String getOrgCode() { return orgCode; }
  String getOrgPath() { return orgPath; }
  ActivityKind getKind() { return kind; }
  LocalDate getDate() { return date; }
  int getCount() { return count; }
  long getAmountFen() { return amountFen; }
  String getEnterpriseName() { return enterpriseName; }
  String getEnterpriseCreditCode() { return enterpriseCreditCode; }
  String getNote() { return note; }
  String getRecordedBy() { return recordedBy; }
}

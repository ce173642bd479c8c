package cn.warmth.funds;

import cn.warmth.cases.FundSource;
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

/** Money raised for a campaign by an organisation from one source (B1–B6). Recorded once, never edited. */
@Entity
@Table(name = "fund_record")
class FundRecord {
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
  private FundSource source;

  @Column(name = "amount_fen", nullable = false)
  private long amountFen;

  @Column(name = "received_on", nullable = false)
  private LocalDate receivedOn;

  private String note;

  @Column(name = "recorded_by", nullable = false)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected FundRecord() {}

  FundRecord(String campaignCode, String orgCode, String orgPath, FundSource source, long amountFen,
      LocalDate receivedOn, String note, String recordedBy, Instant recordedAt) {
    if (amountFen <= 0) {
      throw new IllegalArgumentException("funds are positive");
    }
    this.campaignCode = campaignCode;
    this.orgCode = orgCode;
    this.orgPath = orgPath;
    this.source = source;
    this.amountFen = amountFen;
    this.receivedOn = receivedOn;
    this.note = note;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  Long getId() { return id; }
  String getCampaignCode() { return campaignCode; }
  String getOrgCode() { return orgCode; }
  String getOrgPath() { return orgPath; }
  FundSource getSource() { return source; }
  long getAmountFen() { return amountFen; }
  LocalDate getReceivedOn() { return receivedOn; }
  String getNote() { return note; }
  String getRecordedBy() { return recordedBy; }
}

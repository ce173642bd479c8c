package cn.warmth.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A 送温暖 campaign: cases may be opened while it runs; statistics are per campaign. */
@Entity
@Table(name = "campaign")
class Campaign {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(name = "start_date", nullable = false)
  private LocalDate startDate;

  @Column(name = "end_date", nullable = false)
  private LocalDate endDate;

  @Column(name = "report_deadline", nullable = false)
  private LocalDate reportDeadline;

  /** The organisation that launched the campaign; it reaches that organisation's subtree only. */
  @Column(name = "org_code", nullable = false, updatable = false)
  private String orgCode;

  @Column(name = "org_path", nullable = false, updatable = false)
  private String orgPath;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version
  private long version;

  protected Campaign() {}

  Campaign(String code, String name, LocalDate startDate, LocalDate endDate, LocalDate reportDeadline, String orgCode,
      String orgPath, Instant now) {
    if (endDate.isBefore(startDate) || reportDeadline.isBefore(startDate)) {
      throw new IllegalArgumentException("dates out of order");
    }
    this.code = code;
    this.name = name;
    this.startDate = startDate;
    this.endDate = endDate;
    this.reportDeadline = reportDeadline;
    this.orgCode = orgCode;
    this.orgPath = orgPath;
    this.createdAt = now;
  }

  CampaignView view() {
    return new CampaignView(code, name, startDate, endDate, reportDeadline, orgCode, orgPath);
  }

  String getCode() { return code; }
}

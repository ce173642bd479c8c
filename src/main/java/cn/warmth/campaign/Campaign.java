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

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version
  private long version;

  protected Campaign() {}

  Campaign(String code, String name, LocalDate startDate, LocalDate endDate, LocalDate reportDeadline, Instant now) {
    if (endDate.isBefore(startDate) || reportDeadline.isBefore(startDate)) {
      throw new IllegalArgumentException("dates out of order");
    }
    this.code = code;
    this.name = name;
    this.startDate = startDate;
    this.endDate = endDate;
    this.reportDeadline = reportDeadline;
    this.createdAt = now;
  }

  CampaignView view() {
    return new CampaignView(code, name, startDate, endDate, reportDeadline);
  }

  String getCode() { return code; }
}

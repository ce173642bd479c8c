package cn.warmth.reports;

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
import java.time.Instant;

/**
 * A unit's report for a campaign to its parent: the statistics frozen at submission and the
 * written report. Frozen means frozen: only the review fields ever change. A returned report
 * stays as it was; the corrected one is a new report.
 */
@Entity
@Table(name = "campaign_report")
class CampaignReport {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "campaign_code", nullable = false, updatable = false)
  private String campaignCode;

  @Column(name = "org_code", nullable = false, updatable = false)
  private String orgCode;

  @Column(name = "org_path", nullable = false, updatable = false)
  private String orgPath;

  @Column(name = "parent_code", nullable = false, updatable = false)
  private String parentCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReportStatus status;

  @Column(name = "live_key")
  private String liveKey;

  @Column(name = "cells_json", nullable = false, updatable = false)
  private String cellsJson;

  @Column(nullable = false, updatable = false)
  private String narrative;

  @Column(name = "prepared_by", nullable = false, updatable = false)
  private String preparedBy;

  @Column(nullable = false, updatable = false)
  private String phone;

  @Column(name = "submitted_by", nullable = false, updatable = false)
  private String submittedBy;

  @Column(name = "submitted_at", nullable = false, updatable = false)
  private Instant submittedAt;

  @Column(name = "reviewed_by")
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "review_comment")
  private String reviewComment;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Version
  private long version;

  protected CampaignReport() {}

  CampaignReport(String campaignCode, String orgCode, String orgPath, String parentCode, String cellsJson,
      String narrative, String preparedBy, String phone, String submittedBy, Instant at) {
    this.campaignCode = campaignCode;
    this.orgCode = orgCode;
    this.orgPath = orgPath;
    this.parentCode = parentCode;
    this.status = ReportStatus.SUBMITTED;
    this.liveKey = campaignCode + "|" + orgCode;
    this.cellsJson = cellsJson;
    this.narrative = narrative;
    this.preparedBy = preparedBy;
    this.phone = phone;
    this.submittedBy = submittedBy;
    this.submittedAt = at;
  }

  void review(boolean accept, String by, Instant at, String comment) {
    if (status != ReportStatus.SUBMITTED) {
      throw BusinessException.conflict("INVALID_STATE");
    }
    status = accept ? ReportStatus.ACCEPTED : ReportStatus.RETURNED;
    reviewedBy = by;
    reviewedAt = at;
    reviewComment = comment;
    if (!accept) {
      liveKey = null; // a corrected report may now be submitted
    }
  }

  void startedAs(String pi) {
    this.processInstanceId = pi;
  }

  Long getId() { return id; }
  String getCampaignCode() { return campaignCode; }
  String getOrgCode() { return orgCode; }
  String getOrgPath() { return orgPath; }
  String getParentCode() { return parentCode; }
  ReportStatus getStatus() { return status; }
  String getCellsJson() { return cellsJson; }
  String getNarrative() { return narrative; }
  String getPreparedBy() { return preparedBy; }
  String getPhone() { return phone; }
  String getSubmittedBy() { return submittedBy; }
  Instant getSubmittedAt() { return submittedAt; }
  String getReviewedBy() { return reviewedBy; }
  Instant getReviewedAt() { return reviewedAt; }
  String getReviewComment() { return reviewComment; }
  String getProcessInstanceId() { return processInstanceId; }
  long getVersion() { return version; }
}

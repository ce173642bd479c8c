package cn.warmth.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One sign-off of a case. Unique per case and step in the database. */
@Entity
@Table(name = "case_approval")
class CaseApproval {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "case_id")
  private AidCase aidCase;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ApprovalStep step;

  @Column(nullable = false)
  private String decision;

  @Column(name = "decided_by", nullable = false)
  private String decidedBy;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  private String comment;

  protected CaseApproval() {}

  CaseApproval(AidCase aidCase, ApprovalStep step, boolean approve, String by, Instant at, String comment) {
    this.aidCase = aidCase;
    this.step = step;
    this.decision = approve ? "APPROVE" : "REJECT";
    this.decidedBy = by;
    this.decidedAt = at;
    this.comment = comment;
  }

  ApprovalStep getStep() { return step; }
  String getDecision() { return decision; }
  String getDecidedBy() { return decidedBy; }
  Instant getDecidedAt() { return decidedAt; }
  String getComment() { return comment; }
}

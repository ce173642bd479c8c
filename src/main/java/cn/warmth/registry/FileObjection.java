package cn.warmth.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An objection raised during a file's 公示, kept as written: who raised it, when, and what they
 * said. Written once (no setters); the reviewing manager reads it on the file page and the
 * review task.
 */
@Entity
@Table(name = "file_objection")
class FileObjection {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "file_id", nullable = false)
  private Long fileId;

  @Column(name = "org_path", nullable = false)
  private String orgPath;

  @Column(name = "raised_by", nullable = false)
  private String raisedBy;

  @Column(name = "raised_at", nullable = false)
  private Instant raisedAt;

  @Column(nullable = false)
  private String content;

  protected FileObjection() {}

  FileObjection(long fileId, String orgPath, String raisedBy, Instant raisedAt, String content) {
    this.fileId = fileId;
    this.orgPath = orgPath;
    this.raisedBy = raisedBy;
    this.raisedAt = raisedAt;
    this.content = content;
  }

  Long getId() { return id; }
  Long getFileId() { return fileId; }
  String getRaisedBy() { return raisedBy; }
  Instant getRaisedAt() { return raisedAt; }
  String getContent() { return content; }
}

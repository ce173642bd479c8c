package cn.warmth.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One piece of evidence: its metadata; the bytes are in the {@link AttachmentStore} under storageKey. */
@Entity
@Table(name = "attachment")
class Attachment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "owner_type", nullable = false)
  private OwnerType ownerType;

  @Column(name = "owner_key", nullable = false)
  private String ownerKey;

  @Column(name = "record_key", nullable = false)
  private String recordKey;

  @Column(name = "org_path", nullable = false)
  private String orgPath;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AttachmentKind kind;

  @Column(nullable = false)
  private String name;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "storage_key", nullable = false)
  private String storageKey;

  @Column(name = "thumb_key")
  private String thumbKey;

  @Column(name = "captured_at")
  private Instant capturedAt;

  @Column(name = "gps_lat")
  private BigDecimal gpsLat;

  @Column(name = "gps_lon")
  private BigDecimal gpsLon;

  @Column(name = "uploaded_by", nullable = false)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  @Column(name = "retain_until")
  private LocalDate retainUntil;

  @Column(name = "removed_at")
  private Instant removedAt;

  protected Attachment() {}

  record Stored(EvidenceOwner.Ref owner, AttachmentKind kind, String name, FileType type, long size, String sha256,
      String storageKey, String thumbKey, PhotoFacts facts, String by, Instant at, LocalDate retainUntil) {}

  Attachment(Stored s) {
    this.ownerType = s.owner().type();
    this.ownerKey = s.owner().key();
    this.recordKey = s.owner().recordKey();
    this.orgPath = s.owner().orgPath();
    this.kind = s.kind();
    this.name = s.name();
    this.contentType = s.type().contentType;
    this.sizeBytes = s.size();
    this.sha256 = s.sha256();
    this.storageKey = s.storageKey();
    this.thumbKey = s.thumbKey();
    // Where and when a photo was taken is visit evidence; for other records it is not kept at all.
    if (s.owner().type() == OwnerType.VISIT) {
      this.capturedAt = s.facts().takenAt();
      this.gpsLat = s.facts().latitude();
      this.gpsLon = s.facts().longitude();
    }
    this.uploadedBy = s.by();
    this.uploadedAt = s.at();
    this.retainUntil = s.retainUntil();
  }

  AttachmentView view() {
    return new AttachmentView(id, kind, name, contentType, sizeBytes, uploadedBy, uploadedAt, thumbKey != null,
        capturedAt, gpsLat == null ? null : new AttachmentView.Place(gpsLat, gpsLon));
  }

  Long getId() { return id; }
  OwnerType getOwnerType() { return ownerType; }
  String getOwnerKey() { return ownerKey; }
  String getRecordKey() { return recordKey; }
  String getOrgPath() { return orgPath; }
  AttachmentKind getKind() { return kind; }
  String getName() { return name; }
  String getContentType() { return contentType; }
  long getSizeBytes() { return sizeBytes; }
  String getSha256() { return sha256; }
  String getStorageKey() { return storageKey; }
  String getThumbKey() { return thumbKey; }
  LocalDate getRetainUntil() { return retainUntil; }
  Instant getRemovedAt() { return removedAt; }
}

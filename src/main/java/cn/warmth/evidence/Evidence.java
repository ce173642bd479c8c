package cn.warmth.evidence;

import cn.warmth.audit.AuditLog;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Enums;
import cn.warmth.shared.FieldProblem;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.WarmthUser;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence on hardship files, cases and visits (issue 15). Files are recognised by their content,
 * stripped of their metadata (the capture time and place of a visit photo are kept as separate
 * fields), given a preview, and stored behind {@link AttachmentStore}; refused files leave
 * nothing behind. Scope and roles are the record's own (its module answers as
 * {@link EvidenceOwner}); downloads are audited; retention follows the record's end.
 */
@Service
public class Evidence {
  private static final Logger log = LoggerFactory.getLogger(Evidence.class);
  /** Which kinds make sense on which record. */
  static final Map<OwnerType, List<AttachmentKind>> KINDS = Map.of(
      OwnerType.FILE, List.of(AttachmentKind.APPLICATION, AttachmentKind.INCOME_PROOF, AttachmentKind.CERTIFICATE,
          AttachmentKind.DIAGNOSIS, AttachmentKind.OTHER),
      OwnerType.CASE, List.of(AttachmentKind.JUSTIFICATION, AttachmentKind.APPLICATION, AttachmentKind.INCOME_PROOF,
          AttachmentKind.CERTIFICATE, AttachmentKind.DIAGNOSIS, AttachmentKind.OTHER),
      OwnerType.VISIT, List.of(AttachmentKind.SIGNED_RECEIPT, AttachmentKind.VISIT_PHOTO, AttachmentKind.OTHER));

  private final Map<OwnerType, EvidenceOwner> owners = new EnumMap<>(OwnerType.class);
  private final AttachmentRepository attachments;
  private final AttachmentStore store;
  private final EvidenceSettings settings;
  private final AuditLog audit;
  private final Clock clock;

  Evidence(List<EvidenceOwner> owners, AttachmentRepository attachments, AttachmentStore store,
      EvidenceSettings settings, AuditLog audit, Clock clock) {
    for (EvidenceOwner o : owners) {
      o.types().forEach(t -> this.owners.put(t, o));
    }
    this.attachments = attachments;
    this.store = store;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  /** A file as it came from a form or a request. */
  public record Upload(String filename, byte[] content) {}

  // ---------------------------------------------------------------- upload

  @Transactional
  public AttachmentView upload(OwnerType type, String key, String kind, Upload file) {
    EvidenceOwner.Ref owner = owner(type, key); // 404 outside scope
    if (owner.uploadRoles().isEmpty()) {
      throw BusinessException.conflict("INVALID_STATE");
    }
    CurrentUser.requireRole(owner.uploadRoles().toArray(Role[]::new));
    WarmthUser me = CurrentUser.get();
    Problems p = new Problems();
    AttachmentKind k = Enums.parse(AttachmentKind.class, kind, "kind", p);
    if (k != null && !KINDS.get(type).contains(k)) {
      p.add("kind", "KIND_NOT_FOR_RECORD");
    }
    byte[] bytes = file == null ? null : file.content();
    if (bytes == null || bytes.length == 0) {
      p.add("file", "REQUIRED");
    }
    p.throwIfAny();
    long maxFile = settings.getMaxFileSize().toBytes();
    if (bytes.length > maxFile) {
      throw tooLarge("error.EVIDENCE_FILE_TOO_LARGE", megabytes(maxFile));
    }
    FileType ft = FileType.sniff(bytes).orElseThrow(() -> unsupported("error.UNSUPPORTED_FILE_TYPE"));
    PhotoFacts facts = ft == FileType.PDF ? PhotoFacts.NONE : PhotoFacts.read(bytes, clock.getZone());
    byte[] clean;
    try {
      clean = MetadataStripper.strip(ft, bytes, facts.orientation());
    } catch (MetadataStripper.Damaged | IndexOutOfBoundsException e) {
      log.info("refused a damaged {} upload: {}", ft, e.getMessage());
      throw unsupported("error.DAMAGED_FILE");
    }
    if (ft != FileType.PDF && PhotoFacts.revealing(clean)) {
      // Never store a photo that would still tell where or when it was taken.
      throw unsupported("error.DAMAGED_FILE");
    }
    long maxRecord = settings.getMaxRecordSize().toBytes();
    long used = attachments.bytesOfRecord(owner.recordKey());
    if (used + clean.length > maxRecord) {
      throw tooLarge("error.EVIDENCE_RECORD_FULL", megabytes(maxRecord), megabytes(Math.max(0, maxRecord - used)));
    }
    String storageKey = UUID.randomUUID().toString();
    byte[] thumb = ft.raster() ? Thumbnails.of(clean, facts.orientation()) : null;
    store.put(storageKey, clean);
    if (thumb != null) {
      store.put(storageKey + "-thumb", thumb);
    }
    Instant now = Instant.now(clock);
    LocalDate retain = owner.endedOn() == null ? null : owner.endedOn().plusYears(years(owner.recordKey()));
    Attachment a = attachments.saveAndFlush(new Attachment(new Attachment.Stored(owner, k, name(file.filename(), ft), ft,
        clean.length, sha256(clean), storageKey, thumb == null ? null : storageKey + "-thumb", facts, me.username(),
        now, retain)));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("attachment", a.getId());
    after.put("on", type.name());
    after.put("kind", k.name());
    after.put("name", a.getName());
    after.put("contentType", a.getContentType());
    after.put("size", a.getSizeBytes());
    after.put("sha256", a.getSha256());
    if (type == OwnerType.VISIT) {
      after.put("placeRecorded", facts.latitude() != null);
      after.put("captureTimeRecorded", facts.takenAt() != null);
    }
    audit.record("ATTACHMENT_ADDED", type == OwnerType.FILE ? "HARDSHIP_FILE" : "CASE", key, owner.orgPath(), null, after);
    return a.view();
  }

  // ---------------------------------------------------------------- reading

  /** The record's attachments (the owner module has already checked scope). */
  @Transactional(readOnly = true)
  public List<AttachmentView> list(OwnerType type, String key) {
    return attachments.findByOwnerTypeAndOwnerKeyAndRemovedAtIsNullOrderByIdAsc(type, key).stream()
        .map(Attachment::view).toList();
  }

  /** What the record page's evidence panel shows: the list, whether the caller may add, and which kinds. */
  public record Panel(String type, String key, List<AttachmentView> attachments, boolean canUpload,
      List<AttachmentKind> kinds, String maxFileMb, java.time.ZoneId zone) {}

  @Transactional(readOnly = true)
  public Panel panel(String type, Object key) {
    OwnerType t = OwnerType.valueOf(type);
    EvidenceOwner.Ref owner = owner(t, String.valueOf(key));
    WarmthUser me = CurrentUser.get();
    boolean can = owner.uploadRoles().stream().anyMatch(me::has);
    return new Panel(t.name(), owner.key(), list(t, owner.key()), can, KINDS.get(t),
        megabytes(settings.getMaxFileSize().toBytes()), clock.getZone());
  }

  /** A stored file for download. */
  public record Download(String name, String contentType, byte[] content) {}

  /** The stored copy (metadata removed), in the caller's scope; every download is audited. */
  @Transactional
  public Download download(long id) {
    Attachment a = require(id);
    byte[] bytes = store.get(a.getStorageKey());
    audit.record("ATTACHMENT_DOWNLOADED", "ATTACHMENT", String.valueOf(id), a.getOrgPath(), null,
        Map.of("on", a.getOwnerType().name() + " " + a.getOwnerKey(), "name", a.getName()));
    return new Download(a.getName(), a.getContentType(), bytes);
  }

  /** The preview (not audited: it is part of the record's page). 404 when there is none. */
  @Transactional(readOnly = true)
  public Download thumbnail(long id) {
    Attachment a = require(id);
    if (a.getThumbKey() == null) {
      throw BusinessException.notFound();
    }
    return new Download("thumb-" + id + ".jpg", "image/jpeg", store.get(a.getThumbKey()));
  }

  /**
   * Whether a visit's hand-over still lacks its signed-receipt photo, when the setting
   * app.evidence.require-receipt-photo asks for one.
   */
  @Transactional(readOnly = true)
  public boolean receiptPhotoMissing(String caseNumber) {
    return settings.isRequireReceiptPhoto() && !attachments.existsByOwnerTypeAndOwnerKeyAndKindAndRemovedAtIsNull(
        OwnerType.VISIT, caseNumber, AttachmentKind.SIGNED_RECEIPT);
  }

  public boolean receiptPhotoRequired() {
    return settings.isRequireReceiptPhoto();
  }

  // ---------------------------------------------------------------- retention

  /**
   * The record ended (file closed or rejected; case closed, voided or rejected) on the given day:
   * its evidence is kept for the retention period from then on. Called in the record's transaction.
   */
  @Transactional
  public void recordEnded(String recordKey, LocalDate day) {
    attachments.retainRecordUntil(recordKey, day.plusYears(years(recordKey)));
  }

  /** Removes the evidence whose retention ran out before today (Beijing); audited. Returns how many. */
  @Transactional
  public int removeExpired() {
    LocalDate today = LocalDate.now(clock);
    int removed = 0;
    for (Attachment a : attachments.expired(today, PageRequest.of(0, 500))) {
      if (attachments.markRemoved(a.getId(), Instant.now(clock)) == 1) {
        store.delete(a.getStorageKey());
        if (a.getThumbKey() != null) {
          store.delete(a.getThumbKey());
        }
        audit.record("ATTACHMENT_REMOVED", "ATTACHMENT", String.valueOf(a.getId()), a.getOrgPath(), null,
            Map.of("on", a.getOwnerType().name() + " " + a.getOwnerKey(), "name", a.getName(),
                "retainUntil", a.getRetainUntil().toString()));
        removed++;
      }
    }
    return removed;
  }

  private int years(String recordKey) {
    return recordKey.startsWith("CASE-") ? settings.getCaseRetentionYears() : settings.getRetentionYears();
  }

  // ---------------------------------------------------------------- helpers

  private EvidenceOwner.Ref owner(OwnerType type, String key) {
    EvidenceOwner o = owners.get(type);
    if (o == null || key == null || key.isBlank()) {
      throw BusinessException.notFound();
    }
    return o.find(type, key.strip());
  }

  private Attachment require(long id) {
    WarmthUser me = CurrentUser.get();
    return attachments.findById(id).filter(a -> a.getRemovedAt() == null && me.covers(a.getOrgPath()))
        .orElseThrow(BusinessException::notFound);
  }

  private static BusinessException tooLarge(String key, Object... args) {
    return new BusinessException(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", key, args,
        List.of(FieldProblem.of("file", "PAYLOAD_TOO_LARGE")));
  }

  private static BusinessException unsupported(String key) {
    return new BusinessException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_FILE_TYPE", key, null,
        List.of(new FieldProblem(null, "file", "UNSUPPORTED_FILE_TYPE", key, new Object[0])));
  }

  private static String megabytes(long bytes) {
    return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1024 * 1024), 2,
        java.math.RoundingMode.DOWN).stripTrailingZeros().toPlainString();
  }

  /** The name shown and downloaded: the uploaded name without any path, with the real type's extension. */
  static String name(String uploaded, FileType type) {
    String n = uploaded == null ? "" : uploaded.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}<>:\"|?*]", "").strip();
    int dot = n.lastIndexOf('.');
    String stem = dot > 0 ? n.substring(0, dot) : n;
    if (stem.isBlank()) {
      stem = "attachment";
    }
    if (stem.length() > 150) {
      stem = stem.substring(0, 150);
    }
    return stem + "." + type.extension;
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

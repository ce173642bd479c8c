package cn.warmth.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An attachment as the API and pages show it (api.md: id, kind, name, contentType, size,
 * uploadedBy, uploadedAt). Visit photos add the capture time and place read from the photo
 * before its metadata was stripped; only callers in the unit's scope ever get this view.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachmentView(long id, AttachmentKind kind, String name, String contentType, long size,
    String uploadedBy, Instant uploadedAt, boolean thumbnail, Instant capturedAt, Place place) {

  /** Where a visit photo was taken (WGS-84 degrees, as the phone recorded them). */
  public record Place(BigDecimal latitude, BigDecimal longitude) {}

  public boolean image() {
    return contentType.startsWith("image/");
  }
}

package cn.warmth.evidence;

/** What an attachment proves (api.md). */
public enum AttachmentKind {
  APPLICATION, INCOME_PROOF, CERTIFICATE, DIAGNOSIS, JUSTIFICATION, VISIT_PHOTO, SIGNED_RECEIPT, OTHER
}

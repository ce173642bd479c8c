package cn.warmth.evidence;

/**
 * Where the bytes of attachments and thumbnails live. The default keeps them in the database
 * (table attachment_blob) so that two nodes share them with nothing else to run; an
 * S3-compatible store can implement the same three calls later (app.evidence.store).
 */
public interface AttachmentStore {
  void put(String key, byte[] content);

  /** The stored bytes; IllegalStateException when the key is unknown. */
  byte[] get(String key);

  /** Removes the object; unknown keys are ignored (removal may run twice on two nodes). */
  void delete(String key);
}

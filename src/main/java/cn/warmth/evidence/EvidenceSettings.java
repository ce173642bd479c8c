package cn.warmth.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * app.evidence.*: upload limits, the signed-receipt rule and retention.
 * Mutable like any settings object (tests change a limit and put it back).
 */
@ConfigurationProperties(prefix = "app.evidence")
public class EvidenceSettings {
  /** Largest single file. */
  private DataSize maxFileSize = DataSize.ofMegabytes(10);
  /** Largest total per hardship file, or per case with its visit. */
  private DataSize maxRecordSize = DataSize.ofMegabytes(50);
  /** A CASH or GOODS visit confirms the hand-over only with a SIGNED_RECEIPT attachment on the visit. */
  private boolean requireReceiptPhoto = false;
  /** Years a closed (or rejected) hardship file's evidence is kept. */
  private int retentionYears = 10;
  /** Years a finished case's evidence is kept (receipts are accounting vouchers). */
  private int caseRetentionYears = 30;
  /** Storage: "database" (default). */
  private String store = "database";

  public DataSize getMaxFileSize() { return maxFileSize; }
  public void setMaxFileSize(DataSize v) { this.maxFileSize = v; }
  public DataSize getMaxRecordSize() { return maxRecordSize; }
  public void setMaxRecordSize(DataSize v) { this.maxRecordSize = v; }
  public boolean isRequireReceiptPhoto() { return requireReceiptPhoto; }
  public void setRequireReceiptPhoto(boolean v) { this.requireReceiptPhoto = v; }
  public int getRetentionYears() { return retentionYears; }
  public void setRetentionYears(int v) { this.retentionYears = v; }
  public int getCaseRetentionYears() { return caseRetentionYears; }
  public void setCaseRetentionYears(int v) { this.caseRetentionYears = v; }
  public String getStore() { return store; }
  public void setStore(String v) { this.store = v; }
}

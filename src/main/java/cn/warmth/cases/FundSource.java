package cn.warmth.cases;

/** B1 中央财政, B2 地方财政, B3 工会经费, B4 社会捐助, B5 行政拨付, B6 其他收入. */
public enum FundSource {
  B1, B2, B3, B4, B5, B6;

  /** Government money: "file first, then assist", paid only to the worker's own bank card. */
  public boolean isGovernment() {
    return this == B1 || this == B2;
  }
}

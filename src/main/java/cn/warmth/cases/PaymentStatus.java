package cn.warmth.cases;

/** BANK_CARD: QUEUED after approval, IN_BATCH, then PAID or FAILED. CASH and GOODS: NOT_DUE until the signed receipt. */
public enum PaymentStatus { NOT_DUE, QUEUED, IN_BATCH, PAID, FAILED }

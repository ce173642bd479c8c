package cn.warmth.disbursement;

/** CREATED → EXPORTED (bank file downloaded) → SETTLED (all paid) or PARTLY_FAILED (some failed). */
public enum BatchStatus { CREATED, EXPORTED, SETTLED, PARTLY_FAILED }

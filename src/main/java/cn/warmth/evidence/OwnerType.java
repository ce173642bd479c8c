package cn.warmth.evidence;

/** The record an attachment belongs to: a hardship file, a case, or a case's visit. */
public enum OwnerType {
  FILE, CASE, VISIT
}

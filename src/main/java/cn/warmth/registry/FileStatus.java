package cn.warmth.registry;

public enum FileStatus {
  PENDING_REVIEW, PUBLIC_NOTICE, FILED, REJECTED, CLOSED;

  boolean isActive() {
    return this != REJECTED && this != CLOSED;
  }
}

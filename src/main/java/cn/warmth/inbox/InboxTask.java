package cn.warmth.inbox;

import java.time.Instant;

/** One open engine task of the signed-in user, as GET /api/v1/tasks and the home page show it. */
public record InboxTask(String id, String name, String key, String caseNumber, Long fileId, String worker,
    String amountYuan, Instant dueDate, Instant created) {

  /** Reminders and alerts are read and dismissed rather than worked on. */
  public boolean acknowledgeable() {
    return "visitReminder".equals(key) || "visitOverdue".equals(key);
  }
}

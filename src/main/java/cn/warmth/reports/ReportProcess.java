package cn.warmth.reports;

/** Names in bpmn/campaign-report.bpmn and bpmn/report-deadline.bpmn. */
final class ReportProcess {
  static final String KEY = "campaignReport";
  static final String DEADLINE_KEY = "reportDeadline";
  static final String TASK_REVIEW = "reviewReport";
  static final String TASK_REMINDER = "submitReportReminder";
  static final String VAR_REVIEWERS = "reviewerGroups";
  static final String VAR_ACCEPTED = "accepted";
  static final String VAR_CAMPAIGN = "campaignCode";
  static final String VAR_REMIND_AT = "remindAt";
  static final String VAR_MISSING = "missingUnits";
  /** Reminders go out this many working days before the report deadline (working-day calendar). */
  static final int REMIND_DAYS_BEFORE = 3;

  private ReportProcess() {}
}

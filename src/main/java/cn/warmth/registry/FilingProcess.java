package cn.warmth.registry;

/** Names in bpmn/hardship-filing.bpmn, in one place. */
final class FilingProcess {
  static final String KEY = "hardshipFiling";
  static final String TASK_REVIEW = "reviewFile";
  static final String TASK_ANNUAL_REVIEW = "reviewAnnually";
  static final String MSG_OBJECTION = "ObjectionRaised";
  static final String MSG_CLOSED = "FileClosed";

  static final String VAR_FILE_ID = "fileId";
  static final String VAR_MANAGER_GROUPS = "managerGroups";
  static final String VAR_OFFICER_GROUPS = "officerGroups";
  static final String VAR_APPROVED = "approved";
  static final String VAR_NOTICE_REQUIRED = "noticeRequired";
  static final String VAR_NOTICE_OVER_AT = "noticeOverAt";
  static final String VAR_ANNUAL_REVIEW_AT = "annualReviewAt";

  private FilingProcess() {}
}

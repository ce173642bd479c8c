package cn.warmth.cases;

/** Names in bpmn/aid-case.bpmn and bpmn/approval-steps.dmn, in one place. */
final class CaseProcess {
  static final String KEY = "aidCase";
  static final String DECISION = "approvalSteps";

  static final String TASK_FINANCE = "approveFinance";
  static final String TASK_MANAGER = "approveManager";
  static final String TASK_VISIT = "recordVisit";
  static final String TASK_REMINDER = "visitReminder";
  static final String TASK_OVERDUE = "visitOverdue";
  static final String TASK_CLOSE = "closeCase";
  static final String TIMER_REMINDER = "visitReminderDue";
  static final String TIMER_OVERDUE = "visitOverdueDue";

  static final String MSG_BANK_PAID = "BankPaymentSettled";
  static final String MSG_BANK_FAILED = "BankPaymentFailed";
  static final String MSG_HANDOVER = "HandoverConfirmed";
  static final String TASK_CORRECT_CARD = "correctBankCard";

  static final String VAR_CASE_ID = "caseId";
  static final String VAR_TOTAL_FEN = "totalFen";
  static final String VAR_OVER_CAP = "overCap";
  static final String VAR_FUND_SOURCE = "fundSource";
  static final String VAR_PAYMENT_METHOD = "paymentMethod";
  static final String VAR_STEPS = "approvalSteps";
  static final String VAR_APPROVED = "approved";
  static final String VAR_FINANCE_GROUPS = "financeGroups";
  static final String VAR_MANAGER_GROUPS = "managerGroups";
  static final String VAR_OFFICER_GROUPS = "officerGroups";
  static final String VAR_VISIT_DUE = "visitDue";
  static final String VAR_REMINDER_AT = "visitReminderAt";
  static final String VAR_OVERDUE_AT = "visitOverdueAt";
  static final String VAR_WORKER_LABEL = "workerLabel";
  static final String VAR_TOTAL_YUAN = "totalYuan";

  /** Working days after the planned date after which the manager is told that a visit is overdue. */
  static final int OVERDUE_DAYS = 3;

  private CaseProcess() {}
}

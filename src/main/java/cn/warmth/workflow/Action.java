package cn.warmth.workflow;

/**
 * What a user may do with a case, a hardship file or a report now (api.md {@code actions}).
 * Computed once per entity and user by the process adapter that owns the entity, from the
 * entity's state, the open tasks and the decision table's result; pages, templates and the API
 * all use that one answer.
 */
public enum Action {
  // aid cases
  APPROVE_FINANCE, APPROVE_MANAGER, RECORD_VISIT, RESCHEDULE_VISIT, CONFIRM_HANDOVER, RETRY_PAYMENT, CLOSE, VOID,
  // hardship files (CLOSE too)
  REVIEW, OBJECT, ANNUAL_REVIEW,
  // reports
  SUBMIT, ACCEPT, RETURN
}

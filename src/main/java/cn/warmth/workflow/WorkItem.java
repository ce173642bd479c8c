package cn.warmth.workflow;

/**
 * An open task in business words, as an adapter describes it for the inbox.
 *
 * @param titleKey message key of the title (zh and en bundles), e.g. {@code work.aidCase.approveFinance}
 * @param titleArgs arguments of the title message
 * @param link the page the task opens, answering 200 for every user the task is offered to
 * @param unitName the organisation the task concerns, by name
 * @param worker the worker's name, masked (or null)
 * @param amountYuan money and goods of a case (or null)
 * @param caseNumber a real case number, for aid-case tasks only
 * @param fileId the hardship file, for filing tasks only
 * @param reportId the report, for report tasks only
 * @param dismissable a reminder that is read and dismissed ("知道了") rather than worked on
 */
public record WorkItem(String titleKey, Object[] titleArgs, String link, String unitName, String worker,
    String amountYuan, String caseNumber, Long fileId, Long reportId, boolean dismissable) {

  /** A task no adapter explains (e.g. a process deployed by hand): its engine name, no link. */
  public static WorkItem unexplained(EngineTask t) {
    return new WorkItem("work.unknown", new Object[] {t.name()}, null, null, null, null, null, null, null, false);
  }
}

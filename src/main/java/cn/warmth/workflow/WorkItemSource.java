package cn.warmth.workflow;

import java.util.List;

/**
 * Implemented by each process adapter (and registered as a bean), consulted by the inbox by
 * process definition key. The inbox knows no business keys, task ids or variables: it asks the
 * source that owns the process.
 */
public interface WorkItemSource {
  /** The process definition key this source explains, e.g. {@code aidCase}. */
  String processKey();

  /** The user tasks of the process, in the order the inbox lists its kinds (e.g. {@code approveFinance}). */
  List<String> taskKeys();

  /**
   * One work item per task, in the same order; load what is needed for all of them at once
   * (one query per kind of thing, not one per task). Tasks reach here only for users they are
   * offered to; the work item's link must answer 200 for such a user.
   */
  List<WorkItem> workItems(List<EngineTask> tasks);
}

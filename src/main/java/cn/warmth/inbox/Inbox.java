package cn.warmth.inbox;

import cn.warmth.shared.BusinessException;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.WarmthUser;
import cn.warmth.workflow.EngineTask;
import cn.warmth.workflow.TaskList;
import cn.warmth.workflow.WorkItem;
import cn.warmth.workflow.WorkItemSource;
import cn.warmth.workflow.WorkflowCommand;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 我的待办: the user's open tasks in business words. The inbox knows no process: it asks the
 * {@link WorkItemSource} registered for each task's process definition key what the task is
 * called, which page it opens, which unit and (masked) worker it concerns and whether it can be
 * dismissed; urgency comes from the due date (a Beijing calendar day).
 */
@Service
public class Inbox {
  /** A due date this many days ahead or less counts as "soon". */
  static final int SOON_DAYS = 3;

  private final TaskList taskList;
  private final Map<String, WorkItemSource> sources;
  private final MessageSource messages;
  private final Clock clock;

  Inbox(TaskList taskList, List<WorkItemSource> sources, MessageSource messages, Clock clock) {
    this.taskList = taskList;
    this.sources = sources.stream().collect(Collectors.toMap(WorkItemSource::processKey, Function.identity()));
    this.messages = messages;
    this.clock = clock;
  }

  /** Every open task of the user, most urgent first (earliest due day), then newest. */
  @Transactional(readOnly = true)
  public List<InboxTask> openTasks(WarmthUser user) {
    List<InboxTask> out = new ArrayList<>(inboxTasks(taskList.openFor(user)));
    out.sort(Comparator.comparing(InboxTask::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(InboxTask::created, Comparator.nullsLast(Comparator.reverseOrder())));
    return out;
  }

  /** One page of the open work, earliest due first, with the total (both ordered and counted by the engine in SQL). */
  @Transactional(readOnly = true)
  public Paged<InboxTask> openTasks(WarmthUser user, PageParams page) {
    long total = taskList.countFor(user);
    return new Paged<>(inboxTasks(taskList.openFor(user, page.offset(), page.size())), total);
  }

  /** The tasks in business words, in the order given: one call per process for all its tasks. */
  private List<InboxTask> inboxTasks(List<EngineTask> open) {
    LocalDate today = LocalDate.now(clock);
    InboxTask[] out = new InboxTask[open.size()];
    Map<String, List<Integer>> byProcess = new LinkedHashMap<>();
    for (int i = 0; i < open.size(); i++) {
      byProcess.computeIfAbsent(String.valueOf(open.get(i).processKey()), k -> new ArrayList<>()).add(i);
    }
    byProcess.forEach((key, positions) -> {
      List<EngineTask> tasks = positions.stream().map(open::get).toList();
      List<WorkItem> items = describe(key, tasks);
      for (int i = 0; i < tasks.size(); i++) {
        out[positions.get(i)] = toInbox(tasks.get(i), items.get(i), today);
      }
    });
    return List.of(out);
  }

  /** Counts per kind of task (财务审核 3, 走访慰问 5 …), for the badges above the list. */
  public Map<String, Long> countsByKind(List<InboxTask> open) {
    return open.stream().collect(Collectors.groupingBy(InboxTask::kind, java.util.TreeMap::new, Collectors.counting()));
  }

  /** The user read a reminder ("知道了"): it is completed as them. Only dismissable tasks of theirs. */
  @WorkflowCommand
  @Transactional
  public void dismiss(String taskId, WarmthUser user) {
    EngineTask task = taskList.find(taskId, user).orElseThrow(BusinessException::notFound);
    if (!describe(String.valueOf(task.processKey()), List.of(task)).get(0).dismissable()) {
      throw BusinessException.conflict("INVALID_STATE");
    }
    taskList.complete(task.id(), user);
  }

  private List<WorkItem> describe(String processKey, List<EngineTask> tasks) {
    WorkItemSource source = sources.get(processKey);
    return source == null ? tasks.stream().map(WorkItem::unexplained).toList() : source.workItems(tasks);
  }

  private InboxTask toInbox(EngineTask t, WorkItem w, LocalDate today) {
    LocalDate due = t.due() == null ? null : LocalDate.ofInstant(t.due(), clock.getZone());
    var locale = LocaleContextHolder.getLocale();
    String title = messages.getMessage(w.titleKey(), w.titleArgs(), t.name(), locale);
    String kind = messages.getMessage("taskKind." + t.taskKey(), null, t.name(), locale);
    return new InboxTask(t.id(), title, kind, t.taskKey(), t.processKey(), w.caseNumber(), w.fileId(), w.reportId(), due,
        Urgency.of(due, today), w.link(), w.unitName(), w.worker(), w.amountYuan(), w.dismissable(), t.created());
  }

  /** How pressing a task is, from its due day (Beijing) and today. */
  public enum Urgency {
    OVERDUE, TODAY, SOON, LATER, NONE;

    static Urgency of(LocalDate due, LocalDate today) {
      if (due == null) {
        return NONE;
      }
      if (due.isBefore(today)) {
        return OVERDUE;
      }
      if (due.isEqual(today)) {
        return TODAY;
      }
      return due.isAfter(today.plusDays(SOON_DAYS)) ? LATER : SOON;
    }
  }
}

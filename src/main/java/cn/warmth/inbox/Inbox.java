package cn.warmth.inbox;

import cn.warmth.organisation.Organisations;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.FieldProblem;
import cn.warmth.shared.SortOrder;
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
  private final List<String> taskKeys;
  private final Organisations organisations;
  private final MessageSource messages;
  private final Clock clock;

  Inbox(TaskList taskList, List<WorkItemSource> sources, Organisations organisations, MessageSource messages,
      Clock clock) {
    this.taskList = taskList;
    this.sources = sources.stream().collect(Collectors.toMap(WorkItemSource::processKey, Function.identity()));
    this.taskKeys = sources.stream().sorted(Comparator.comparing(WorkItemSource::processKey))
        .flatMap(s -> s.taskKeys().stream()).distinct().toList();
    this.organisations = organisations;
    this.messages = messages;
    this.clock = clock;
  }

  /** One page of the open work, earliest due first, with the total (both ordered and counted by the engine in SQL). */
  @Transactional(readOnly = true)
  public Paged<InboxTask> openTasks(WarmthUser user, PageParams page) {
    return openTasks(user, null, null, null, page);
  }

  /** The inbox's sort keys: due day (default, earliest first) or creation. */
  public static final List<String> SORTS = List.of("due", "created");

  /**
   * One page of the user's open work concerning a unit (and below; null: all) and of one kind
   * (a task key such as {@code approveFinance}; null: all), ordered by due day or by creation.
   * Paged and counted by the engine in SQL: never every task of a province at once.
   */
  @Transactional(readOnly = true)
  public Paged<InboxTask> openTasks(WarmthUser user, String unit, String kind, SortOrder sort, PageParams page) {
    TaskList.Filter filter = filter(unit, kind);
    boolean byCreated = sort != null && sort.key().equals("created");
    long total = taskList.countFor(user, filter);
    return new Paged<>(inboxTasks(taskList.openFor(user, filter, byCreated, page.offset(), page.size())), total);
  }

  /** A kind of task with its name (request language) and how many the user has (0 included). */
  public record Kind(String key, String name, long count) {}

  /** The kinds of task the user has now, in the processes' order, each counted by the engine (one count per kind). */
  @Transactional(readOnly = true)
  public List<Kind> kinds(WarmthUser user, String unit) {
    var locale = LocaleContextHolder.getLocale();
    List<Kind> out = new ArrayList<>();
    for (String key : taskKeys) {
      long n = taskList.countFor(user, filter(unit, key));
      if (n > 0) {
        out.add(new Kind(key, messages.getMessage("taskKind." + key, null, key, locale), n));
      }
    }
    return out;
  }

  /** The filter for a unit (in the user's scope, else 404) and a kind (a known task key, else 400). */
  private TaskList.Filter filter(String unit, String kind) {
    String u = unit == null || unit.isBlank() ? null : organisations.requireInScope(unit.strip()).code();
    String k = kind == null || kind.isBlank() ? null : kind.strip();
    if (k != null && !taskKeys.contains(k)) {
      throw BusinessException.validation(FieldProblem.of("kind", "INVALID_CODE"));
    }
    return new TaskList.Filter(u, k);
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

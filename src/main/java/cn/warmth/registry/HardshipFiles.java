package cn.warmth.registry;

import cn.warmth.audit.AuditLog;
import cn.warmth.audit.AuditView;
import cn.warmth.evidence.Evidence;
import cn.warmth.evidence.OwnerType;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.EngineGroups;
import cn.warmth.shared.Enums;
import cn.warmth.shared.Money;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.Texts;
import cn.warmth.shared.WarmthUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hardship files (建档) and their filing process. State changes happen on the entity; the
 * engine is told in the same transaction (task completed, message correlated), so the file and
 * the process always agree.
 */
@Service
public class HardshipFiles {
  private final HardshipFileRepository files;
  private final Workers workers;
  private final Organisations organisations;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final AuditLog audit;
  private final Clock clock;
  private final WorkingDays workingDays;
  private final Evidence evidence;
  private final int noticeDays;

  HardshipFiles(HardshipFileRepository files, Workers workers, Organisations organisations, RuntimeService runtime,
      TaskService tasks, AuditLog audit, Clock clock, WorkingDays workingDays, Evidence evidence,
      @Value("${app.filing.public-notice-days:5}") int noticeDays) {
    this.files = files;
    this.workers = workers;
    this.organisations = organisations;
    this.runtime = runtime;
    this.tasks = tasks;
    this.audit = audit;
    this.clock = clock;
    this.workingDays = workingDays;
    this.evidence = evidence;
    this.noticeDays = noticeDays;
  }

  public record FileInput(String category, List<String> reasons, Integer householdSize, Object annualIncomeYuan,
      Object annualEssentialExpensesYuan, String description) {}

  @Transactional
  public HardshipFileView submit(long workerId, FileInput in) {
    CurrentUser.requireRole(Role.OFFICER);
    WarmthUser me = CurrentUser.get();
    Worker worker = workers.requireWorker(workerId);
    Problems p = new Problems();
    HardshipCategory category = Enums.parse(HardshipCategory.class, in.category(), "category", p);
    List<HardshipReason> reasons = new ArrayList<>();
    if (in.reasons() == null || in.reasons().isEmpty()) {
      p.add("reasons", "REQUIRED");
    } else {
      reasons.addAll(new LinkedHashSet<>(Enums.parseAll(HardshipReason.class, in.reasons(), "reasons", p).stream()
          .sorted(java.util.Comparator.comparingInt(r -> in.reasons().indexOf(r.name()))).toList()));
      if (in.reasons().size() > 4) {
        p.add("reasons", "TOO_MANY_REASONS");
      }
    }
    if (p.require("householdSize", in.householdSize()) && (in.householdSize() < 1 || in.householdSize() > 20)) {
      p.add("householdSize", "INVALID_HOUSEHOLD_SIZE");
    }
    Long income = Money.parseYuan(in.annualIncomeYuan(), "annualIncomeYuan", p, true);
    Long expenses = Money.parseYuan(in.annualEssentialExpensesYuan(), "annualEssentialExpensesYuan", p, true);
    String description = Texts.trim(in.description());
    if (description != null && description.length() > 2000) {
      p.add("description", "TOO_LONG", 2000);
    }
    p.throwIfAny();
    if (files.findByActiveWorkerId(workerId).isPresent()) {
      throw BusinessException.conflict("ACTIVE_FILE_EXISTS");
    }
    HardshipFile file = files.saveAndFlush(new HardshipFile(workerId, worker.getOrgCode(), worker.getOrgPath(),
        category, reasons, in.householdSize(), income, expenses, organisations.dibaoFor(worker.getOrgCode()).orElse(null),
        description, me.username(), Instant.now(clock)));
    OrgView org = organisations.find(worker.getOrgCode()).orElseThrow();
    ProcessInstance pi = runtime.startProcessInstanceByKey(FilingProcess.KEY, "FILE-" + file.getId(), Map.of(
        FilingProcess.VAR_FILE_ID, file.getId(),
        FilingProcess.VAR_MANAGER_GROUPS, EngineGroups.forScope(Role.MANAGER, org.ancestorAndSelfCodes()),
        FilingProcess.VAR_OFFICER_GROUPS, EngineGroups.forScope(Role.OFFICER, org.ancestorAndSelfCodes())));
    file.startedAs(pi.getId());
    audit.record("FILE_SUBMITTED", "HARDSHIP_FILE", String.valueOf(file.getId()), file.getOrgPath(), null, describe(file));
    return view(file);
  }

  public enum Decision { APPROVE, REJECT }

  /** MANAGER review, never by the submitter. Approval starts the 公示 (or files at once when it is 0 days). */
  @Transactional
  public HardshipFileView review(long fileId, String decision, String comment) {
    CurrentUser.requireRole(Role.MANAGER);
    WarmthUser me = CurrentUser.get();
    HardshipFile file = requireFile(fileId);
    Problems p = new Problems();
    Decision d = Enums.parse(Decision.class, decision, "decision", p);
    String c = comment(comment, d == Decision.REJECT, p);
    p.throwIfAny();
    if (file.getSubmittedBy().equals(me.username())) {
      throw BusinessException.forbidden("SEGREGATION_OF_DUTIES", "error.SEGREGATION_OF_DUTIES");
    }
    Task task = openTask(file, FilingProcess.TASK_REVIEW);
    var before = describe(file);
    Instant now = Instant.now(clock);
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> vars = new LinkedHashMap<>();
    if (d == Decision.APPROVE) {
      boolean notice = noticeDays > 0;
      LocalDate until = notice ? workingDays.after(today, noticeDays) : null;
      file.approve(me.username(), c, now, until);
      vars.put(FilingProcess.VAR_APPROVED, true);
      vars.put(FilingProcess.VAR_NOTICE_REQUIRED, notice);
      // The timer fires at the start of the day after the notice's last day (Beijing time).
      vars.put(FilingProcess.VAR_NOTICE_OVER_AT, notice ? startOf(until.plusDays(1)) : null);
    } else {
      file.reject(me.username(), c, now);
      evidence.recordEnded(FileEvidence.recordKey(fileId), today);
      vars.put(FilingProcess.VAR_APPROVED, false);
      vars.put(FilingProcess.VAR_NOTICE_REQUIRED, false);
    }
    tasks.complete(task.getId(), vars);
    audit.record(d == Decision.APPROVE ? "FILE_APPROVED" : "FILE_REJECTED", "HARDSHIP_FILE", String.valueOf(fileId),
        file.getOrgPath(), before, describe(file));
    return view(file);
  }

  /** An objection raised during the 公示 sends the file back to review. */
  @Transactional
  public HardshipFileView objection(long fileId, String comment) {
    CurrentUser.requireRole(Role.OFFICER, Role.MANAGER);
    HardshipFile file = requireFile(fileId);
    Problems p = new Problems();
    String c = comment(comment, true, p);
    p.throwIfAny();
    var before = describe(file);
    file.objection();
    runtime.createMessageCorrelation(FilingProcess.MSG_OBJECTION).processInstanceBusinessKey("FILE-" + fileId)
        .correlateWithResult();
    Map<String, Object> after = describe(file);
    after.put("objection", c);
    audit.record("FILE_OBJECTION", "HARDSHIP_FILE", String.valueOf(fileId), file.getOrgPath(), before, after);
    return view(file);
  }

  @Transactional
  public HardshipFileView close(long fileId, String reason, String comment) {
    CurrentUser.requireRole(Role.OFFICER, Role.MANAGER);
    HardshipFile file = requireFile(fileId);
    Problems p = new Problems();
    CloseReason r = Enums.parse(CloseReason.class, reason, "reason", p);
    String c = comment(comment, r == CloseReason.OTHER, p);
    p.throwIfAny();
    var before = describe(file);
    file.close(r, c, LocalDate.now(clock));
    evidence.recordEnded(FileEvidence.recordKey(fileId), file.getClosedDate());
    runtime.createMessageCorrelation(FilingProcess.MSG_CLOSED).processInstanceBusinessKey("FILE-" + fileId)
        .correlateWithResult();
    audit.record("FILE_CLOSED", "HARDSHIP_FILE", String.valueOf(fileId), file.getOrgPath(), before, describe(file));
    return view(file);
  }

  /** The officer confirms the yearly review (动态管理): the file stays filed, the next review is a year on. */
  @Transactional
  public HardshipFileView confirmAnnualReview(long fileId, String comment) {
    CurrentUser.requireRole(Role.OFFICER);
    HardshipFile file = requireFile(fileId);
    Task task = openTask(file, FilingProcess.TASK_ANNUAL_REVIEW);
    var before = describe(file);
    file.reviewedAnnually();
    tasks.complete(task.getId(), Map.of(FilingProcess.VAR_ANNUAL_REVIEW_AT, startOf(file.getNextReviewDate())));
    Map<String, Object> after = describe(file);
    after.put("comment", Texts.trim(comment));
    audit.record("FILE_ANNUAL_REVIEW", "HARDSHIP_FILE", String.valueOf(fileId), file.getOrgPath(), before, after);
    return view(file);
  }

  @Transactional(readOnly = true)
  public HardshipFileView get(long fileId) {
    return view(requireFile(fileId));
  }

  @Transactional(readOnly = true)
  public List<HardshipFileView> ofWorker(long workerId) {
    workers.requireWorker(workerId);
    return files.findByWorkerIdOrderByIdDesc(workerId).stream().map(HardshipFileView::of).toList();
  }

  @Transactional(readOnly = true)
  public List<AuditView> history(long fileId) {
    requireFile(fileId);
    return audit.historyOf("HARDSHIP_FILE", String.valueOf(fileId));
  }

  /** The filed date of the worker's FILED file, if there is one (for "file first, then assist"). */
  @Transactional(readOnly = true)
  public Optional<LocalDate> filedDateOf(long workerId) {
    return files.findByActiveWorkerId(workerId).filter(f -> f.getStatus() == FileStatus.FILED)
        .map(HardshipFile::getFiledDate);
  }

  /** Which open task of the file the caller could act on now (for the file page). */
  @Transactional(readOnly = true)
  public Optional<String> openTaskKey(long fileId) {
    HardshipFile file = requireFile(fileId);
    return tasks.createTaskQuery().processInstanceId(file.getProcessInstanceId()).list().stream()
        .map(Task::getTaskDefinitionKey).findFirst();
  }

  // ---- called by the process ----

  /** The notice ran out without objection (timer), or there was none: the file is FILED today. */
  @Transactional
  public Date fileNow(long fileId) {
    HardshipFile file = files.findById(fileId).orElseThrow();
    var before = describe(file);
    file.file(LocalDate.now(clock));
    audit.record("FILE_FILED", "HARDSHIP_FILE", String.valueOf(fileId), file.getOrgPath(), before, describe(file));
    return startOf(file.getNextReviewDate());
  }

  /** One file with its evidence (api.md: the file view carries {@code attachments}). */
  private HardshipFileView view(HardshipFile file) {
    return HardshipFileView.of(file).withAttachments(evidence.list(OwnerType.FILE, String.valueOf(file.getId())));
  }

  private Task openTask(HardshipFile file, String key) {
    Task task = tasks.createTaskQuery().processInstanceId(file.getProcessInstanceId()).taskDefinitionKey(key)
        .singleResult();
    if (task == null) {
      throw BusinessException.conflict("INVALID_STATE");
    }
    return task;
  }

  private Date startOf(LocalDate day) {
    ZoneId zone = clock.getZone();
    return Date.from(day.atStartOfDay(zone).toInstant());
  }

  private static String comment(String comment, boolean required, Problems p) {
    String c = Texts.trim(comment);
    if (required && (c == null || c.isEmpty())) {
      p.add("comment", "REQUIRED");
    } else if (c != null && c.length() > 500) {
      p.add("comment", "TOO_LONG", 500);
    }
    return c;
  }

  HardshipFile requireFile(long id) {
    WarmthUser me = CurrentUser.get();
    return files.findById(id).filter(f -> me.covers(f.getOrgPath())).orElseThrow(BusinessException::notFound);
  }

  private static Map<String, Object> describe(HardshipFile f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", f.getStatus().name());
    m.put("category", f.getCategory().name());
    m.put("reasons", f.reasonList().stream().map(Enum::name).toList());
    m.put("householdSize", f.getHouseholdSize());
    m.put("annualIncomeYuan", Money.yuan(f.getAnnualIncomeFen()));
    m.put("annualEssentialExpensesYuan", Money.yuan(f.getAnnualExpensesFen()));
    m.put("reviewedBy", f.getReviewedBy());
    m.put("noticeUntil", String.valueOf(f.getNoticeUntil()));
    m.put("filedDate", String.valueOf(f.getFiledDate()));
    m.put("closeReason", String.valueOf(f.getCloseReason()));
    return m;
  }
}

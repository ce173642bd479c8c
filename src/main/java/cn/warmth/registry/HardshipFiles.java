package cn.warmth.registry;

import cn.warmth.audit.AuditLog;
import cn.warmth.audit.AuditView;
import cn.warmth.evidence.Evidence;
import cn.warmth.evidence.OwnerType;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.organisation.Users;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Enums;
import cn.warmth.shared.Money;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.SortOrder;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.Texts;
import cn.warmth.shared.WarmthUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import cn.warmth.workflow.Action;
import cn.warmth.workflow.CommandAttempts;
import cn.warmth.workflow.WorkflowCommand;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.jpa.domain.Specification;
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
  private final FilingWorkflow workflow;
  private final AuditLog audit;
  private final Clock clock;
  private final WorkingDays workingDays;
  private final Evidence evidence;
  private final FileObjectionRepository objections;
  private final Users users;
  private final ObjectMapper json;
  private final int noticeDays;

  HardshipFiles(HardshipFileRepository files, Workers workers, Organisations organisations, FilingWorkflow workflow,
      AuditLog audit, Clock clock, WorkingDays workingDays, Evidence evidence, FileObjectionRepository objections,
      Users users, ObjectMapper json, @Value("${app.filing.public-notice-days:5}") int noticeDays) {
    this.files = files;
    this.workers = workers;
    this.organisations = organisations;
    this.workflow = workflow;
    this.audit = audit;
    this.clock = clock;
    this.workingDays = workingDays;
    this.evidence = evidence;
    this.objections = objections;
    this.users = users;
    this.json = json;
    this.noticeDays = noticeDays;
  }

  public record FileInput(String category, List<String> reasons, Integer householdSize, Object annualIncomeYuan,
      Object annualEssentialExpensesYuan, String description) {}

  @WorkflowCommand
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
    String description = Texts.freeText(in.description(), "description", 2000, false, p);
    p.throwIfAny();
    if (files.findByActiveWorkerId(workerId).isPresent()) {
      throw BusinessException.conflict("ACTIVE_FILE_EXISTS");
    }
    HardshipFile file = files.saveAndFlush(new HardshipFile(workerId, worker.getOrgCode(), worker.getOrgPath(),
        category, reasons, in.householdSize(), income, expenses, organisations.dibaoFor(worker.getOrgCode()).orElse(null),
        description, me.username(), Instant.now(clock)));
    OrgView org = organisations.find(worker.getOrgCode()).orElseThrow();
    workflow.start(file, org);
    audit.record("FILE_SUBMITTED", "HARDSHIP_FILE", String.valueOf(file.getId()), file.getOrgPath(), null, describe(file));
    return view(file);
  }

  public enum Decision { APPROVE, REJECT }

  /** MANAGER review, never by the submitter. Approval starts the 公示 (or files at once when it is 0 days). */
  @WorkflowCommand
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
    var before = describe(file);
    Instant now = Instant.now(clock);
    LocalDate today = LocalDate.now(clock);
    LocalDate until = d == Decision.APPROVE && noticeDays > 0 ? workingDays.after(today, noticeDays) : null;
    if (d == Decision.APPROVE) {
      file.approve(me.username(), c, now, until);
    } else {
      file.reject(me.username(), c, now);
      evidence.recordEnded(FileEvidence.recordKey(fileId), today);
    }
    workflow.reviewed(file, d == Decision.APPROVE, until);
    Map<String, Object> after = describe(file);
    after.put("comment", c);
    audit.record(d == Decision.APPROVE ? "FILE_APPROVED" : "FILE_REJECTED", "HARDSHIP_FILE", String.valueOf(fileId),
        file.getOrgPath(), before, after);
    return view(file);
  }

  /**
   * An objection raised during the 公示 sends the file back to review. The objection is kept as
   * written (who, when, what): the reviewing manager reads it on the file and on the review task.
   */
  @WorkflowCommand
  @Transactional
  public HardshipFileView objection(long fileId, String comment) {
    CurrentUser.requireRole(Role.OFFICER, Role.MANAGER);
    HardshipFile file = requireFile(fileId);
    Problems p = new Problems();
    String c = comment(comment, true, p);
    p.throwIfAny();
    var before = describe(file);
    FileObjection raised = objections.save(file.objection(CurrentUser.actorName(), c, Instant.now(clock)));
    workflow.objectionRaised(file, raised.getId());
    Map<String, Object> after = describe(file);
    after.put("objection", c);
    after.put("objectionId", raised.getId());
    audit.record("FILE_OBJECTION", "HARDSHIP_FILE", String.valueOf(fileId), file.getOrgPath(), before, after);
    return view(file);
  }

  @WorkflowCommand
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
    workflow.closed(file);
    audit.record("FILE_CLOSED", "HARDSHIP_FILE", String.valueOf(fileId), file.getOrgPath(), before, describe(file));
    return view(file);
  }

  /** The officer confirms the yearly review (动态管理): the file stays filed, the next review is a year on. */
  @WorkflowCommand
  @Transactional
  public HardshipFileView confirmAnnualReview(long fileId, String comment) {
    CurrentUser.requireRole(Role.OFFICER);
    HardshipFile file = requireFile(fileId);
    Problems p = new Problems();
    String text = comment(comment, false, p);
    p.throwIfAny();
    var before = describe(file);
    file.reviewedAnnually();
    workflow.annualReviewConfirmed(file);
    Map<String, Object> after = describe(file);
    after.put("comment", text);
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
    return files.findByWorkerIdOrderByIdDesc(workerId).stream().map(this::view).toList();
  }

  /** The file list's sort keys: when submitted, status, unit, end of the 公示, filed date. */
  public static final List<String> SORTS = List.of("submitted", "status", "org", "notice", "filed");
  private static final Map<String, String> SORT_PROPERTIES = Map.of("submitted", "submittedAt", "status", "status",
      "org", "orgPath", "notice", "noticeUntil", "filed", "filedDate");

  /** One row of the 困难档案 list: the file, its worker (masked ID) and its dates. */
  public record FileRow(long id, long workerId, String workerName, String idNumberMasked, String orgCode,
      FileStatus status, HardshipCategory category, Instant submittedAt, LocalDate noticeUntil, LocalDate filedDate,
      LocalDate nextReviewDate, LocalDate closedDate) {}

  /**
   * The 困难档案 list: files in the caller's scope (or below {@code org}), in any of the given
   * statuses (none: all), whose worker's name contains {@code q} or whose ID ends with it (4
   * characters); one page in the given order, counted in SQL, with the workers in one query.
   */
  @Transactional(readOnly = true)
  public Paged<FileRow> list(List<String> statuses, String org, String q, SortOrder sort, PageParams page) {
    Problems p = new Problems();
    java.util.Set<FileStatus> wanted = statuses == null ? java.util.Set.of() : Enums.parseAll(FileStatus.class,
        statuses.stream().filter(x -> x != null && !x.isBlank()).toList(), "status", p);
    p.throwIfAny();
    String scope = org == null || org.isBlank() ? CurrentUser.get().orgPath()
        : organisations.requireInScope(org.strip()).path();
    String query = q == null ? "" : q.strip();
    Specification<HardshipFile> spec = (root, cq, cb) -> {
      var where = new ArrayList<jakarta.persistence.criteria.Predicate>();
      where.add(cb.like(root.get("orgPath"), scope + "%"));
      if (!wanted.isEmpty()) {
        where.add(root.get("status").in(wanted));
      }
      if (!query.isEmpty()) {
        var worker = cq.subquery(Long.class);
        var w = worker.from(Worker.class);
        worker.select(w.get("id")).where(Workers.matching(query, scope).toPredicate(w, null, cb));
        where.add(root.get("workerId").in(worker));
      }
      return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
    };
    var found = files.findAll(spec, page.pageable(sort.toSort(SORT_PROPERTIES)));
    Map<Long, Worker> people = new java.util.HashMap<>();
    workers.all(found.getContent().stream().map(HardshipFile::getWorkerId).toList()).forEach(w -> people.put(w.getId(), w));
    return new Paged<>(found.getContent().stream().map(f -> {
      Worker w = people.get(f.getWorkerId());
      return new FileRow(f.getId(), f.getWorkerId(), w.getName(), w.getIdNumberMasked(), f.getOrgCode(), f.getStatus(),
          f.getCategory(), f.getSubmittedAt(), f.getNoticeUntil(), f.getFiledDate(), f.getNextReviewDate(),
          f.getClosedDate());
    }).toList(), found.getTotalElements());
  }

  @Transactional(readOnly = true)
  public List<AuditView> history(long fileId) {
    requireFile(fileId);
    return audit.historyOf("HARDSHIP_FILE", String.valueOf(fileId));
  }

  /**
   * One step of a file's life as its page tells it: what happened, who did it (by name), when,
   * and what they wrote — the objection's text, the review's or the yearly review's comment.
   */
  public record FileEvent(String action, String actor, String actorName, Instant at, String detail) {}

  @Transactional(readOnly = true)
  public List<FileEvent> historyInWords(long fileId) {
    List<AuditView> entries = history(fileId);
    Map<String, String> names = users.displayNames(entries.stream().map(AuditView::actor).toList());
    return entries.stream().map(a -> new FileEvent(a.action(), a.actor(), names.get(a.actor()), a.at(), detail(a)))
        .toList();
  }

  /** What was written with a step, from the audit entry written in the same transaction. */
  private String detail(AuditView a) {
    String key = switch (a.action()) {
      case "FILE_OBJECTION" -> "objection";
      case "FILE_APPROVED", "FILE_REJECTED", "FILE_ANNUAL_REVIEW" -> "comment";
      default -> null;
    };
    if (key == null || a.after() == null || a.after().isBlank()) {
      return null;
    }
    try {
      var v = json.readTree(a.after()).path(key);
      return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null; // a truncated entry (over 4,000 characters) has nothing to show
    }
  }

  /** A file in its 公示 period, as the notice board shows it: masked name, unit, category, last day. */
  public record NoticeFile(long id, String maskedName, String orgCode, String orgName, HardshipCategory category,
      LocalDate noticeUntil) {}

  /** Files in their 公示 now, at and below the caller's organisation {@code orgPath} (scope-checked by the caller). */
  @Transactional(readOnly = true)
  public List<NoticeFile> inNotice(String orgPath) {
    List<HardshipFile> list = files.findByStatusAndOrgPathStartingWithOrderByOrgPathAscIdAsc(FileStatus.PUBLIC_NOTICE,
        orgPath);
    Map<Long, String> names = workers.namesOf(list.stream().map(HardshipFile::getWorkerId).toList());
    Map<String, String> units = organisations.namesOf(list.stream().map(HardshipFile::getOrgCode).distinct().toList());
    return list.stream().map(f -> new NoticeFile(f.getId(), Masks.name(names.get(f.getWorkerId())), f.getOrgCode(),
        units.getOrDefault(f.getOrgCode(), f.getOrgCode()), f.getCategory(), f.getNoticeUntil())).toList();
  }

  /** The filed date of the worker's FILED file, if there is one (for "file first, then assist"). */
  @Transactional(readOnly = true)
  public Optional<LocalDate> filedDateOf(long workerId) {
    return files.findByActiveWorkerId(workerId).filter(f -> f.getStatus() == FileStatus.FILED)
        .map(HardshipFile::getFiledDate);
  }

  /**
   * For the demo data only: the 公示 of a file in notice has run its course now (as its timer
   * would at the end of the period), so the file is FILED today.
   */
  @Transactional
  public void endNoticeNowForDemo(long fileId) {
    HardshipFile file = requireFile(fileId);
    if (file.getStatus() != FileStatus.PUBLIC_NOTICE) {
      throw BusinessException.conflict("INVALID_STATE");
    }
    workflow.endNoticeNow(file);
  }

  // ---- called by the process ----

  /** The notice ran out without objection (timer), or there was none: the file is FILED today; returns the first review date. */
  @Transactional
  LocalDate fileNow(long fileId) {
    HardshipFile file = files.findById(fileId).orElseThrow();
    var before = describe(file);
    file.file(LocalDate.now(clock));
    audit.record("FILE_FILED", "HARDSHIP_FILE", String.valueOf(fileId), file.getOrgPath(), before, describe(file));
    return file.getNextReviewDate();
  }

  /** The file as the caller sees it, with the actions open to them now and its evidence (api.md: {@code attachments}). */
  private HardshipFileView view(HardshipFile file) {
    List<FileObjection> raised = objections.findByFileIdOrderByRaisedAtAscIdAsc(file.getId());
    Map<String, String> names = users.displayNames(raised.stream().map(FileObjection::getRaisedBy).toList());
    return HardshipFileView.of(file, workflow.actions(file, CurrentUser.get()))
        .withDetails(evidence.list(OwnerType.FILE, String.valueOf(file.getId())), raised.stream()
            .map(o -> new HardshipFileView.Objection(o.getRaisedBy(), names.get(o.getRaisedBy()), o.getRaisedAt(),
                o.getContent())).toList());
  }

  private static String comment(String comment, boolean required, Problems p) {
    return Texts.freeText(comment, "comment", 500, required, p);
  }

  HardshipFile requireFile(long id) {
    WarmthUser me = CurrentUser.get();
    HardshipFile file = files.findById(id).filter(f -> me.covers(f.getOrgPath())).orElseThrow(BusinessException::notFound);
    CommandAttempts.observe("hardship_file", file.getId(), file.getVersion());
    return file;
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

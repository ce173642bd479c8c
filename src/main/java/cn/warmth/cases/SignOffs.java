package cn.warmth.cases;

import cn.warmth.organisation.Organisations;
import cn.warmth.registry.Workers;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Enums;
import cn.warmth.shared.FieldProblem;
import cn.warmth.shared.Money;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.WarmthUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the finance desk reads about sign-offs: the cases waiting for the caller's sign-off (the
 * open 财务审核 / 负责人审批 tasks offered to the caller's groups, as {@link AidCaseWorkflow} finds
 * them: the process is the to-do list), and where a case stands against the two caps. Signing itself stays
 * {@link AidCases#approve}.
 */
@Service
public class SignOffs {
  static final int MAX_PAGE_SIZE = 500;

  private final AidCaseRepository cases;
  private final AidCases aidCases;
  private final Workers workers;
  private final Organisations organisations;
  private final AidCaseWorkflow workflow;

  SignOffs(AidCaseRepository cases, AidCases aidCases, Workers workers, Organisations organisations,
      AidCaseWorkflow workflow) {
    this.cases = cases;
    this.aidCases = aidCases;
    this.workers = workers;
    this.organisations = organisations;
    this.workflow = workflow;
  }

  /**
   * A case waiting for a sign-off the caller may give. {@code mine} says the caller cannot sign
   * it (OPENED: they opened it; SIGNED: they gave its first sign-off); it is listed all the same,
   * and an approval of it is refused on its own.
   */
  public record Waiting(String caseNumber, String orgCode, String campaignCode, long workerId, String workerName,
      AidCategory category, FundSource fundSource, PaymentMethod paymentMethod, String totalYuan, boolean overCap,
      ApprovalStep step, String openedBy, Instant openedAt, String mine) {}

  public record WaitingPage(List<Waiting> items, long total, int page, int size) {}

  /** Cases waiting for the caller's sign-off, oldest first, optionally of one unit (and below) and one source. */
  @Transactional(readOnly = true)
  public WaitingPage waiting(String orgCode, String fundSource, int page, int size) {
    CurrentUser.requireRole(Role.FINANCE, Role.MANAGER);
    WarmthUser me = CurrentUser.get();
    Problems p = new Problems();
    FundSource source = fundSource == null || fundSource.isBlank() ? null
        : Enums.parse(FundSource.class, fundSource, "source", p);
    if (page < 0 || (long) page * size > Integer.MAX_VALUE) {
      p.add(FieldProblem.of("page", "INVALID_PAGE"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      p.add(FieldProblem.of("size", "INVALID_PAGE_SIZE", MAX_PAGE_SIZE));
    }
    p.throwIfAny();
    String unit = orgCode == null || orgCode.isBlank() ? me.orgCode() : organisations.requireInScope(orgCode).code();
    long total = workflow.countSignOffTasks(me, unit, source);
    var found = workflow.signOffTasks(me, unit, source, page * size, size);
    return new WaitingPage(items(found, me), total, page, size);
  }

  /** The next case the caller can sign (oldest first), other than {@code after}. */
  @Transactional(readOnly = true)
  public Optional<String> next(String after) {
    CurrentUser.requireRole(Role.FINANCE, Role.MANAGER);
    WarmthUser me = CurrentUser.get();
    for (int page = 0; page < 20; page++) {
      var found = workflow.signOffTasks(me, me.orgCode(), null, page * 100, 100);
      for (Waiting w : items(found, me)) {
        if (w.mine() == null && !w.caseNumber().equals(after)) {
          return Optional.of(w.caseNumber());
        }
      }
      if (found.size() < 100) {
        break;
      }
    }
    return Optional.empty();
  }

  /** How many cases wait for the caller's sign-off (0 for roles that sign nothing). */
  @Transactional(readOnly = true)
  public long waitingCount() {
    WarmthUser me = CurrentUser.get();
    if (!me.has(Role.FINANCE) && !me.has(Role.MANAGER)) {
      return 0;
    }
    return workflow.countSignOffTasks(me, me.orgCode(), null);
  }

  /** The step of this case that the caller may sign now, if any (not deciding segregation: approve does). */
  @Transactional(readOnly = true)
  public Optional<ApprovalStep> stepFor(String caseNumber) {
    WarmthUser me = CurrentUser.get();
    AidCase c = aidCases.requireCase(caseNumber);
    if (c.getStatus() != CaseStatus.PENDING_APPROVAL) {
      return Optional.empty();
    }
    return workflow.pendingStepFor(c, me);
  }

  private List<Waiting> items(List<AidCaseWorkflow.SignOffTask> found, WarmthUser me) {
    Map<String, AidCaseWorkflow.SignOffTask> byInstance = new HashMap<>();
    found.forEach(t -> byInstance.put(t.processInstanceId(), t));
    Map<String, AidCase> byProcess = new HashMap<>();
    if (!byInstance.isEmpty()) {
      cases.findByProcessInstanceIdIn(byInstance.keySet()).forEach(c -> byProcess.put(c.getProcessInstanceId(), c));
    }
    Map<Long, String> names = workers.namesOf(byProcess.values().stream().map(AidCase::getWorkerId).toList());
    List<Waiting> out = new ArrayList<>();
    for (AidCaseWorkflow.SignOffTask t : found) {
      AidCase c = byProcess.get(t.processInstanceId());
      if (c == null || !me.covers(c.getOrgPath())) {
        continue;
      }
      String mine = me.username().equals(c.getOpenedBy()) ? "OPENED"
          : c.getApprovals().stream().anyMatch(a -> a.getDecidedBy().equals(me.username())) ? "SIGNED" : null;
      out.add(new Waiting(c.getCaseNumber(), c.getOrgCode(), c.getCampaignCode(), c.getWorkerId(),
          names.get(c.getWorkerId()), c.getCategory(), c.getFundSource(), c.getPaymentMethod(), Money.yuan(c.totalFen()),
          c.isOverCap(), t.step(), c.getOpenedBy(), c.getOpenedAt(), mine));
    }
    return out;
  }

  // ---------------------------------------------------------------- caps

  /** One of the worker's cases in the caller's scope. */
  public record WorkerCase(String caseNumber, String campaignCode, AidCategory category, CaseStatus status,
      String totalYuan, boolean current) {}

  /**
   * A case against the two caps of domain.md §5 rule 4: its own total against the per-case cap,
   * and the worker's total of the year (money + goods, every unit, rejected and voided cases
   * left out, this case included) against the annual cap. Cases in other units count in the
   * total but are shown only as one sum ({@code otherUnitsYuan}), never one by one.
   */
  public record CapPosition(int year, String caseTotalYuan, String caseCapYuan, boolean overCaseCap,
      String yearTotalYuan, String annualCapYuan, boolean overAnnualCap, String annualLeftYuan, String otherUnitsYuan,
      List<WorkerCase> cases) {}

  @Transactional(readOnly = true)
  public CapPosition capPosition(String caseNumber) {
    WarmthUser me = CurrentUser.get();
    AidCase c = aidCases.requireCase(caseNumber);
    long year = cases.sumForWorkerInYear(c.getWorkerId(), c.getCapYear());
    List<AidCase> visible = cases.ofWorkerInYear(c.getWorkerId(), c.getCapYear(), me.orgPath());
    long visibleCounted = visible.stream().filter(SignOffs::counts).mapToLong(AidCase::totalFen).sum();
    List<WorkerCase> list = visible.stream().map(x -> new WorkerCase(x.getCaseNumber(), x.getCampaignCode(),
        x.getCategory(), x.getStatus(), Money.yuan(x.totalFen()), x.getId().equals(c.getId()))).toList();
    long caseCapFen = aidCases.caseCapFen();
    long annualCapFen = aidCases.annualCapFen();
    return new CapPosition(c.getCapYear(), Money.yuan(c.totalFen()), Money.yuan(caseCapFen), c.totalFen() > caseCapFen,
        Money.yuan(year), Money.yuan(annualCapFen), year > annualCapFen, Money.yuan(Math.max(0, annualCapFen - year)),
        Money.yuan(Math.max(0, year - visibleCounted)), list);
  }

  private static boolean counts(AidCase c) {
    return c.getStatus() != CaseStatus.REJECTED && c.getStatus() != CaseStatus.VOIDED;
  }
}

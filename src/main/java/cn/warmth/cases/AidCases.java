package cn.warmth.cases;

import cn.warmth.audit.AuditLog;
import cn.warmth.campaign.CampaignView;
import cn.warmth.campaign.Campaigns;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.registry.HardshipFiles;
import cn.warmth.registry.WorkerFacts;
import cn.warmth.registry.Workers;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Dates;
import cn.warmth.shared.Enums;
import cn.warmth.shared.Money;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.Texts;
import cn.warmth.shared.WarmthUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import cn.warmth.workflow.Action;
import cn.warmth.workflow.CommandAttempts;
import cn.warmth.workflow.WorkflowCommand;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aid cases from opening to closing (domain.md §5): "file first, then assist, real-name",
 * four-eyes approval decided by the DMN table, the visit, the hand-over, close and void.
 */
@Service
public class AidCases {
  private final AidCaseRepository cases;
  private final CaseNumbers numbers;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  private final Campaigns campaigns;
  private final Workers workers;
  private final HardshipFiles files;
  private final Organisations organisations;
  private final AidCaseWorkflow workflow;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final org.springframework.context.MessageSource messages;
  private final Clock clock;
  private final long caseCapFen;
  private final long annualCapFen;
  private final cn.warmth.evidence.Evidence evidence;

  AidCases(AidCaseRepository cases, CaseNumbers numbers, org.springframework.jdbc.core.JdbcTemplate jdbc, Campaigns campaigns, Workers workers, HardshipFiles files,
      Organisations organisations, AidCaseWorkflow workflow, AuditLog audit, ApplicationEventPublisher events,
      org.springframework.context.MessageSource messages, Clock clock,
      @Value("${app.aid.case-cap-yuan:3000}") long caseCapYuan, @Value("${app.aid.annual-cap-yuan:6000}") long annualCapYuan,
      cn.warmth.evidence.Evidence evidence) {
    this.cases = cases;
    this.numbers = numbers;
    this.jdbc = jdbc;
    this.campaigns = campaigns;
    this.workers = workers;
    this.files = files;
    this.organisations = organisations;
    this.workflow = workflow;
    this.audit = audit;
    this.events = events;
    this.messages = messages;
    this.clock = clock;
    this.caseCapFen = caseCapYuan * 100;
    this.annualCapFen = annualCapYuan * 100;
    this.evidence = evidence;
  }

  /** The per-case cap, in fen (a setting). */
  long caseCapFen() {
    return caseCapFen;
  }

  /** The per-worker annual cap, in fen (a setting). */
  long annualCapFen() {
    return annualCapFen;
  }

  public record VisitPlan(String plannedDate, String location, String visitors) {}

  public record CaseInput(String campaignCode, Long workerId, String category, String fundSource, String paymentMethod,
      Object amountYuan, Object goodsValueYuan, String goodsDescription, List<String> assistance, String reason,
      String overCapReason, VisitPlan visit) {}

  // ---------------------------------------------------------------- opening

  @WorkflowCommand
  @Transactional
  public CaseView open(CaseInput in) {
    CurrentUser.requireRole(Role.OFFICER);
    WarmthUser me = CurrentUser.get();
    CampaignView campaign = campaigns.requireRunning(in.campaignCode());
    if (in.workerId() == null) {
      throw BusinessException.validation(cn.warmth.shared.FieldProblem.of("workerId", "REQUIRED"));
    }
    WorkerFacts worker = workers.facts(in.workerId()); // 404 outside scope
    OrgView org = organisations.find(worker.orgCode()).orElseThrow();
    campaigns.requireFor(campaign, org.path()); // the campaign must run at the worker's unit
    LocalDate today = LocalDate.now(clock);

    Problems p = new Problems();
    AidCategory category = Enums.parse(AidCategory.class, in.category(), "category", p);
    FundSource source = Enums.parse(FundSource.class, in.fundSource(), "fundSource", p);
    PaymentMethod method = Enums.parse(PaymentMethod.class, in.paymentMethod(), "paymentMethod", p);
    Long amount = Money.parseYuan(in.amountYuan() == null ? "0" : in.amountYuan(), "amountYuan", p, true);
    Long goods = Money.parseYuan(in.goodsValueYuan() == null ? "0" : in.goodsValueYuan(), "goodsValueYuan", p, true);
    Set<Assistance> assistance = Enums.parseAll(Assistance.class, in.assistance(), "assistance", p);
    String reason = Texts.freeText(in.reason(), "reason", 500, true, p);
    String goodsDescription = Texts.freeText(in.goodsDescription(), "goodsDescription", 200, false, p);
    if (amount != null && goods != null && method != null) {
      if (amount + goods == 0) {
        p.add("amountYuan", "NOTHING_GIVEN");
      }
      if (method == PaymentMethod.GOODS && amount > 0) {
        p.add("amountYuan", "GOODS_ONLY");
      }
      if (method == PaymentMethod.BANK_CARD && goods > 0) {
        p.add("goodsValueYuan", "NO_GOODS_BY_BANK");
      }
      if (goods > 0 && (goodsDescription == null || goodsDescription.isEmpty())) {
        p.add("goodsDescription", "REQUIRED");
      }
    }
    VisitPlan visit = in.visit() == null ? new VisitPlan(null, null, null) : in.visit();
    LocalDate visitDate = Dates.parseWithin(visit.plannedDate(), "visit.plannedDate", campaign.earliestRecordDate(),
        campaign.latestRecordDate(), p);
    if (visitDate != null && visitDate.isBefore(today)) {
      p.add("visit.plannedDate", "DATE_IN_PAST");
    }
    String location = Texts.freeText(visit.location(), "visit.location", 200, true, p);
    String visitors = visitors(visit.visitors(), "visit.visitors", p);
    String overCapText = Texts.freeText(in.overCapReason(), "overCapReason", 500, false, p);
    p.throwIfAny();

    // Rule 1: government money only for a worker filed on or before today ("file first").
    if (source.isGovernment()) {
      Optional<LocalDate> filed = files.filedDateOf(worker.id());
      if (filed.isEmpty() || filed.get().isAfter(today)) {
        throw BusinessException.rule("FILE_REQUIRED");
      }
    }
    // Rule 2: government money by bank card only; any bank-card case needs the worker's card.
    if ((source.isGovernment() && method != PaymentMethod.BANK_CARD)
        || (method == PaymentMethod.BANK_CARD && !worker.hasBankCard())) {
      throw BusinessException.rule("BANK_CARD_REQUIRED");
    }
    // Rule 3: one case per worker, campaign and category, province-wide (the constraint backs this).
    if (cases.existsByDuplicateKey(AidCase.duplicateKey(campaign.code(), worker.id(), category))) {
      throw BusinessException.conflict("DUPLICATE_AID");
    }
    // Rule 4: caps — allowed, flagged, with a written reason and the manager's sign-off.
    long total = amount + goods;
    int capYear = today.getYear();
    boolean overCap = total > caseCapFen || cases.sumForWorkerInYear(worker.id(), capYear) + total > annualCapFen;
    String overCapReason = overCapText;
    if (overCap && overCapReason == null) {
      throw BusinessException.validation(cn.warmth.shared.FieldProblem.of("overCapReason", "OVER_CAP_REASON_REQUIRED",
          Money.yuan(caseCapFen), Money.yuan(annualCapFen)));
    }

    AidCase c = cases.save(new AidCase(new AidCase.Opening(numbers.next(org.path(), campaign.startDate().getYear()),
        campaign.code(), org.code(), org.path(), worker.id(), category, source, method, amount, goods,
        goodsDescription, assistance, reason, overCap, overCap ? overCapReason : null, capYear, visitDate, location,
        visitors, me.username(), Instant.now(clock))));
    cases.flush();
    workflow.start(c, org);
    audit.record("CASE_OPENED", "CASE", c.getCaseNumber(), c.getOrgPath(), null, describe(c));
    return view(c);
  }

  // ---------------------------------------------------------------- approval

  /** Gives the next pending sign-off the caller's role may give (api.md). */
  @WorkflowCommand
  @Transactional
  public CaseView approve(String caseNumber, String decision, String comment) {
    CurrentUser.requireRole(Role.FINANCE, Role.MANAGER);
    WarmthUser me = CurrentUser.get();
    AidCase c = requireCase(caseNumber);
    Problems p = new Problems();
    boolean approve = Enums.parse(Decision.class, decision, "decision", p) == Decision.APPROVE;
    String text = Texts.freeText(comment, "comment", 500, false, p);
    if (!approve && p.isEmpty() && text == null) {
      p.add("comment", "REQUIRED");
    }
    p.throwIfAny();
    ApprovalStep step = workflow.pendingSignOff(c, me).orElseThrow(() -> BusinessException.conflict("INVALID_STATE"));
    boolean last = step == ApprovalStep.MANAGER || !workflow.managerRequired(c);
    var before = describe(c);
    c.signOff(step, approve, me.username(), Instant.now(clock), text, last);
    cases.saveAndFlush(c); // the version check makes a racing second sign-off fail here
    if (!approve) {
      evidence.recordEnded(CaseEvidence.recordKey(c.getCaseNumber()), LocalDate.now(clock));
    }
    workflow.signedOff(c, step, approve);
    audit.record(approve ? "CASE_APPROVED_" + step : "CASE_REJECTED", "CASE", caseNumber, c.getOrgPath(), before,
        describe(c));
    return view(c);
  }

  enum Decision { APPROVE, REJECT }

  /** Called by the process when the DMN table requires no sign-off at all. */
  @Transactional
  void approvedWithoutSignOff(long caseId) {
    AidCase c = cases.findById(caseId).orElseThrow();
    var before = describe(c);
    c.signOffNotRequired();
    audit.record("CASE_APPROVED_BY_RULE", "CASE", c.getCaseNumber(), c.getOrgPath(), before, describe(c));
  }

  // ---------------------------------------------------------------- visit and hand-over

  public enum VisitOutcome { COMPLETED, WAIVED }

  @WorkflowCommand
  @Transactional
  public CaseView recordVisit(String caseNumber, String outcome, String visitedOn, String visitors, String notes,
      Boolean receiptSigned) {
    CurrentUser.requireRole(Role.OFFICER);
    AidCase c = requireCase(caseNumber);
    if (c.getStatus() != CaseStatus.IN_PROGRESS) {
      throw BusinessException.conflict("INVALID_STATE"); // before approval nothing is recorded
    }
    Problems p = new Problems();
    VisitOutcome o = Enums.parse(VisitOutcome.class, outcome, "outcome", p);
    String note = Texts.freeText(notes, "notes", 1000, o == VisitOutcome.WAIVED, p);
    LocalDate on = null;
    String who = null;
    if (o == VisitOutcome.COMPLETED) {
      CampaignView campaign = campaigns.require(c.getCampaignCode());
      on = Dates.parseWithin(visitedOn, "visitedOn", campaign.earliestRecordDate(), campaign.latestRecordDate(), p);
      if (on != null && on.isAfter(LocalDate.now(clock))) {
        p.add("visitedOn", "DATE_IN_FUTURE");
      }
      who = visitors(visitors, "visitors", p);
    }
    p.throwIfAny();
    var before = describe(c);
    boolean handover = false;
    if (o == VisitOutcome.COMPLETED) {
      handover = Boolean.TRUE.equals(receiptSigned) && c.getPaymentMethod() != PaymentMethod.BANK_CARD;
      requireReceiptPhoto(handover, c.getCaseNumber());
      c.visitCompleted(on, who, note, handover, CurrentUser.actorName());
    } else {
      c.visitWaived(note);
    }
    workflow.visitRecorded(c, handover);
    audit.record("CASE_VISIT_" + o, "CASE", caseNumber, c.getOrgPath(), before, describe(c));
    return view(c);
  }

  /** Cash or goods handed over against a signed receipt after the visit (recorded without one, or waived). */
  @WorkflowCommand
  @Transactional
  public CaseView confirmHandover(String caseNumber, String on) {
    CurrentUser.requireRole(Role.OFFICER);
    AidCase c = requireCase(caseNumber);
    Problems p = new Problems();
    CampaignView campaign = campaigns.require(c.getCampaignCode());
    LocalDate day = Dates.parseWithin(on, "receivedOn", campaign.earliestRecordDate(), campaign.latestRecordDate(), p);
    if (day != null && day.isAfter(LocalDate.now(clock))) {
      p.add("receivedOn", "DATE_IN_FUTURE");
    }
    p.throwIfAny();
    if (c.getVisitStatus() == VisitStatus.PLANNED) {
      throw BusinessException.conflict("INVALID_STATE"); // at the visit, the receipt goes with the visit record
    }
    requireReceiptPhoto(c.getPaymentMethod() != PaymentMethod.BANK_CARD, c.getCaseNumber());
    var before = describe(c);
    c.handedOver(day, CurrentUser.actorName());
    workflow.handedOver(c);
    audit.record("CASE_HANDOVER", "CASE", caseNumber, c.getOrgPath(), before, describe(c));
    return view(c);
  }

  @WorkflowCommand
  @Transactional
  public CaseView reschedule(String caseNumber, String plannedDate, String location, String visitors) {
    CurrentUser.requireRole(Role.OFFICER);
    AidCase c = requireCase(caseNumber);
    Problems p = new Problems();
    CampaignView campaign = campaigns.require(c.getCampaignCode());
    LocalDate day = Dates.parseWithin(plannedDate, "plannedDate", campaign.earliestRecordDate(),
        campaign.latestRecordDate(), p);
    if (day != null && day.isBefore(LocalDate.now(clock))) {
      p.add("plannedDate", "DATE_IN_PAST");
    }
    String where = Texts.freeText(location, "location", 200, false, p);
    String who = visitors == null || visitors.isBlank() ? null : visitors(visitors, "visitors", p);
    p.throwIfAny();
    var before = describe(c);
    c.reschedule(day, where, who);
    workflow.visitRescheduled(c);
    audit.record("CASE_VISIT_RESCHEDULED", "CASE", caseNumber, c.getOrgPath(), before, describe(c));
    return view(c);
  }

  /**
   * Per fund source: [approved, paid out] in fen for a campaign below a path. Approved = cases
   * approved and not voided (in progress or closed); paid out = their payments confirmed. One SQL.
   */
  @Transactional(readOnly = true)
  public Map<FundSource, long[]> sumsBySource(String campaignCode, String scopePath) {
    Map<FundSource, long[]> m = new java.util.EnumMap<>(FundSource.class);
    jdbc.query("""
        select fund_source,
               sum(amount_fen + goods_value_fen),
               sum(case when payment_status = 'PAID' then amount_fen + goods_value_fen else 0 end)
        from aid_case
        where campaign_code = ? and org_path like ? and status in ('IN_PROGRESS', 'CLOSED')
        group by fund_source""", rs -> {
          m.put(FundSource.valueOf(rs.getString(1)), new long[] {rs.getLong(2), rs.getLong(3)});
        }, campaignCode, scopePath + "%");
    return m;
  }

  /** Progress figures for the dashboard: one SQL for cases by status, visits and payments. */
  public record Progress(Map<CaseStatus, Long> byStatus, long visitsDue, long visitsOverdue, long paymentsPending,
      long paymentsFailed) {}

  @Transactional(readOnly = true)
  public Progress progress(String campaignCode, String scopePath) {
    Map<CaseStatus, Long> byStatus = new java.util.EnumMap<>(CaseStatus.class);
    for (CaseStatus st : CaseStatus.values()) {
      byStatus.put(st, 0L);
    }
    java.sql.Date today = java.sql.Date.valueOf(LocalDate.now(clock));
    long[] other = new long[4];
    jdbc.query("""
        select status, count(*),
               sum(case when visit_status = 'PLANNED' and status in ('PENDING_APPROVAL', 'IN_PROGRESS') then 1 else 0 end),
               sum(case when visit_status = 'PLANNED' and status in ('PENDING_APPROVAL', 'IN_PROGRESS')
                        and visit_planned_date < ? then 1 else 0 end),
               sum(case when payment_status in ('QUEUED', 'IN_BATCH') and status = 'IN_PROGRESS' then 1 else 0 end),
               sum(case when payment_status = 'FAILED' and status = 'IN_PROGRESS' then 1 else 0 end)
        from aid_case where campaign_code = ? and org_path like ? group by status""", rs -> {
          byStatus.put(CaseStatus.valueOf(rs.getString(1)), rs.getLong(2));
          for (int i = 0; i < 4; i++) {
            other[i] += rs.getLong(3 + i);
          }
        }, today, campaignCode, scopePath + "%");
    return new Progress(byStatus, other[0], other[1], other[2], other[3]);
  }

  /** 公示名单: closed cases of a campaign in scope, names masked, for the notice board. */
  /** The masked worker name of each case (drill-down rows), in one query; the caller checked the scope. */
  @Transactional(readOnly = true)
  public Map<String, String> maskedWorkerNames(java.util.Collection<String> caseNumbers) {
    if (caseNumbers.isEmpty()) {
      return Map.of();
    }
    List<AidCase> list = cases.findByCaseNumberIn(caseNumbers);
    Map<Long, String> names = workers.namesOf(list.stream().map(AidCase::getWorkerId).toList());
    Map<String, String> out = new java.util.HashMap<>();
    list.forEach(c -> out.put(c.getCaseNumber(), cn.warmth.registry.Masks.name(names.get(c.getWorkerId()))));
    return out;
  }

  /** A line of the 公示名单: the masked name, the unit by name, the category, money and goods. */
  public record NoticeLine(String caseNumber, String maskedName, String orgCode, String orgName, AidCategory category,
      String totalYuan) {}

  @Transactional(readOnly = true)
  public List<NoticeLine> publicList(String campaignCode, String scopePath) {
    record Row(String caseNumber, long workerId, String orgCode, String category, long fen) {}
    List<Row> rows = jdbc.query("""
        select case_number, worker_id, org_code, category, amount_fen + goods_value_fen from aid_case
        where campaign_code = ? and org_path like ? and status = 'CLOSED' order by org_path, case_number""",
        (rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5)),
        campaignCode, scopePath + "%");
    Map<Long, String> names = workers.namesOf(rows.stream().map(Row::workerId).toList());
    Map<String, String> units = organisations.namesOf(rows.stream().map(Row::orgCode).distinct().toList());
    return rows.stream().map(r -> new NoticeLine(r.caseNumber(), cn.warmth.registry.Masks.name(names.get(r.workerId())),
        r.orgCode(), units.getOrDefault(r.orgCode(), r.orgCode()), AidCategory.valueOf(r.category()),
        Money.yuan(r.fen()))).toList();
  }

  // ---------------------------------------------------------------- bank-card payments
  // Called by the disbursement module; each locks the case row, so a result import racing a
  // retry (or another import) is serialised and no payment is ever marked paid twice.

  /** A queued bank payment, as a batch needs it (one batch per fund source). */
  public record QueuedPayment(String caseNumber, long workerId, String workerName, long amountFen, String orgPath,
      FundSource fundSource) {}

  /** QUEUED bank-card payments in the caller's scope (optionally below one organisation). */
  @Transactional(readOnly = true)
  public List<QueuedPayment> queuedBankPayments(String orgCode) {
    String scope = orgCode == null || orgCode.isBlank() ? CurrentUser.get().orgPath()
        : organisations.requireInScope(orgCode).path();
    List<AidCase> queued = cases.queuedBankPayments(scope);
    Map<Long, String> names = workers.namesOf(queued.stream().map(AidCase::getWorkerId).toList());
    return queued.stream().map(c -> new QueuedPayment(c.getCaseNumber(), c.getWorkerId(), names.get(c.getWorkerId()),
        c.getAmountFen(), c.getOrgPath(), c.getFundSource())).toList();
  }

  @Transactional
  public void paymentAddedToBatch(String caseNumber, long batchId) {
    AidCase c = lock(caseNumber);
    var before = describe(c);
    c.addedToBatch();
    Map<String, Object> after = describe(c);
    after.put("batch", batchId);
    audit.record("CASE_PAYMENT_IN_BATCH", "CASE", caseNumber, c.getOrgPath(), before, after);
  }

  /** The bank paid: the payment is PAID and the process moves on. */
  @WorkflowCommand
  @Transactional
  public void bankPaymentSucceeded(String caseNumber) {
    AidCase c = lock(caseNumber);
    var before = describe(c);
    c.bankPaid(CurrentUser.actorName());
    workflow.bankPaid(c);
    audit.record("CASE_PAYMENT_PAID", "CASE", caseNumber, c.getOrgPath(), before, describe(c));
  }

  /** The bank refused: the officer must correct the card, then retry. */
  @WorkflowCommand
  @Transactional
  public void bankPaymentFailed(String caseNumber, String message) {
    bankPaymentFailed(caseNumber, message, null);
  }

  /**
   * The bank refused the payment sent to the payee with this fingerprint (see
   * {@code Workers.payeeFingerprint}; null when unknown, e.g. the current one is taken).
   */
  @Transactional
  public void bankPaymentFailed(String caseNumber, String message, String payeeFingerprint) {
    AidCase c = lock(caseNumber);
    var before = describe(c);
    c.bankFailed(message, payeeFingerprint != null ? payeeFingerprint : workers.payeeFingerprint(c.getWorkerId()));
    workflow.bankFailed(c);
    audit.record("CASE_PAYMENT_FAILED", "CASE", caseNumber, c.getOrgPath(), before, describe(c));
  }

  /** After the card was corrected, the payment joins a later batch (api.md). */
  @WorkflowCommand
  @Transactional
  public CaseView retryPayment(String caseNumber) {
    return retryPayment(caseNumber, false, null);
  }

  /**
   * 重新发放 with intent: the payee (name, bank or card) was corrected since the failure, or the
   * caller confirms "卡号无误，银行原因" with a note. Otherwise 422 {@code CARD_NOT_CHANGED}: the same
   * wrong card would only go back to the bank. Both ways are audited with their reason.
   */
  @WorkflowCommand
  @Transactional
  public CaseView retryPayment(String caseNumber, boolean confirmBankIssue, String note) {
    CurrentUser.requireRole(Role.OFFICER, Role.FINANCE);
    requireCase(caseNumber);
    String text = Texts.trim(note);
    if (confirmBankIssue && (text == null || text.isEmpty())) {
      throw BusinessException.validation(cn.warmth.shared.FieldProblem.of("note", "REQUIRED"));
    }
    if (text != null && text.length() > 300) {
      throw BusinessException.validation(cn.warmth.shared.FieldProblem.of("note", "TOO_LONG", 300));
    }
    AidCase c = lock(caseNumber);
    var before = describe(c);
    boolean changed = c.getPaymentStatus() == PaymentStatus.FAILED
        && c.payeeChangedSinceFailure(workers.payeeFingerprint(c.getWorkerId()));
    c.retryPayment(changed, confirmBankIssue);
    workflow.paymentRetried(c);
    Map<String, Object> after = describe(c);
    after.put("retryReason", changed ? "PAYEE_CHANGED" : confirmBankIssue ? "BANK_ISSUE_CONFIRMED" : "NOT_RECORDED");
    if (text != null && !text.isEmpty()) {
      after.put("note", text);
    }
    audit.record("CASE_PAYMENT_RETRY", "CASE", caseNumber, c.getOrgPath(), before, after);
    return view(c);
  }

  /** What the 重新发放 panel shows for a failed bank payment. */
  public record RetryCheck(boolean payeeChanged, boolean payeeUnknown, boolean cardChecksumWarning) {}

  @Transactional(readOnly = true)
  public RetryCheck retryCheck(String caseNumber) {
    AidCase c = requireCase(caseNumber);
    if (c.getPaymentStatus() != PaymentStatus.FAILED) {
      return new RetryCheck(false, false, false);
    }
    return new RetryCheck(c.payeeChangedSinceFailure(workers.payeeFingerprint(c.getWorkerId())),
        c.failedPayeeUnknown(), workers.cardChecksumWarning(c.getWorkerId()));
  }

  private AidCase lock(String caseNumber) {
    AidCase c = cases.lockByCaseNumber(caseNumber).orElseThrow(BusinessException::notFound);
    CommandAttempts.observe("aid_case", c.getId(), c.getVersion());
    return c;
  }

  // ---------------------------------------------------------------- close and void

  @WorkflowCommand
  @Transactional
  public CaseView close(String caseNumber) {
    CurrentUser.requireRole(Role.OFFICER);
    WarmthUser me = CurrentUser.get();
    AidCase c = requireCase(caseNumber);
    if (c.getStatus() != CaseStatus.IN_PROGRESS) {
      throw BusinessException.conflict("INVALID_STATE");
    }
    if (!c.readyToClose() || !workflow.closeTaskOpen(c)) {
      throw BusinessException.conflict("NOT_READY");
    }
    var before = describe(c);
    c.close(me.username(), Instant.now(clock));
    evidence.recordEnded(CaseEvidence.recordKey(c.getCaseNumber()), LocalDate.now(clock));
    workflow.closed(c);
    WorkerFacts w = workers.facts(c.getWorkerId());
    events.publishEvent(new CaseClosed(c.getCaseNumber(), c.getCampaignCode(), c.getOrgCode(), c.getOrgPath(),
        c.getCategory(), c.getFundSource(), c.getAmountFen(), c.getGoodsValueFen(), c.assistanceSet(),
        w.employmentType() == cn.warmth.registry.EmploymentType.NEW_FORM, w.disabled(), LocalDate.now(clock)));
    audit.record("CASE_CLOSED", "CASE", caseNumber, c.getOrgPath(), before, describe(c));
    return view(c);
  }

  @WorkflowCommand
  @Transactional
  public CaseView voidCase(String caseNumber, String reason) {
    CurrentUser.requireRole(Role.MANAGER);
    WarmthUser me = CurrentUser.get();
    AidCase c = requireCase(caseNumber);
    Problems p = new Problems();
    String why = Texts.freeText(reason, "reason", 500, true, p);
    p.throwIfAny();
    var before = describe(c);
    c.voidCase(me.username(), Instant.now(clock), why);
    evidence.recordEnded(CaseEvidence.recordKey(c.getCaseNumber()), LocalDate.now(clock));
    events.publishEvent(new CaseVoided(caseNumber));
    audit.record("CASE_VOIDED", "CASE", caseNumber, c.getOrgPath(), before, describe(c));
    return view(c);
  }

  // ---------------------------------------------------------------- reading

  @Transactional(readOnly = true)
  public CaseView get(String caseNumber) {
    return view(requireCase(caseNumber));
  }

  /** One page of cases in scope, newest first, filtered (the API's list), with the total counted in SQL. */
  @Transactional(readOnly = true)
  public cn.warmth.shared.Paged<CaseView> search(String campaign, String status, String category, String org,
      cn.warmth.shared.PageParams page) {
    return search(new CaseFilter(campaign, status, category, org, null), null, page);
  }

  /** The case list's sort keys. */
  public static final List<String> SORTS = List.of("opened", "number", "amount", "visit", "status", "org");
  private static final Map<String, String> SORT_PROPERTIES = Map.of("opened", "id", "number", "caseNumber",
      "amount", "amountFen,goodsValueFen", "visit", "visitPlannedDate", "status", "status", "org", "orgPath");
  /** A search by worker stops at this many matching workers (type more of the name). */
  static final int MAX_MATCHING_WORKERS = 1000;

  /**
   * Filters of the case list; blank means "any". {@code q} finds a case by its number (or part of
   * it), or by its worker: a name fragment, a full ID number or the ID's last 4 characters.
   */
  public record CaseFilter(String campaign, String status, String category, String org, String q) {}

  /** Cases in scope, filtered and sorted (default newest first); one page with the total (counted in SQL). */
  @Transactional(readOnly = true)
  public cn.warmth.shared.Paged<CaseView> search(CaseFilter filter, cn.warmth.shared.SortOrder sort,
      cn.warmth.shared.PageParams page) {
    WarmthUser me = CurrentUser.get();
    Problems p = new Problems();
    String status = filter.status();
    String category = filter.category();
    CaseStatus st = status == null || status.isBlank() ? null : Enums.parse(CaseStatus.class, status, "status", p);
    AidCategory cat = category == null || category.isBlank() ? null : Enums.parse(AidCategory.class, category, "category", p);
    p.throwIfAny();
    String org = filter.org();
    String orgPath = org == null || org.isBlank() ? null : organisations.requireInScope(org.strip()).path();
    // Optional filters as a specification: no "(:x is null or ...)", which PostgreSQL cannot type.
    String scope = orgPath != null ? orgPath : me.orgPath();
    String camp = blank(filter.campaign());
    String q = blank(filter.q());
    List<Long> workerIds = q == null ? List.of() : workers.idsMatching(q, scope, MAX_MATCHING_WORKERS);
    Specification<AidCase> spec = (root, cq, cb) -> {
      var where = new java.util.ArrayList<jakarta.persistence.criteria.Predicate>();
      where.add(cb.like(root.get("orgPath"), scope + "%"));
      if (camp != null) where.add(cb.equal(root.get("campaignCode"), camp));
      if (st != null) where.add(cb.equal(root.get("status"), st));
      if (cat != null) where.add(cb.equal(root.get("category"), cat));
      if (q != null) {
        var byNumber = cb.like(root.get("caseNumber"), "%" + Texts.likeEscaped(q.toUpperCase()) + "%", '\\');
        where.add(workerIds.isEmpty() ? byNumber : cb.or(byNumber, root.get("workerId").in(workerIds)));
      }
      return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
    };
    cn.warmth.shared.SortOrder order = sort != null ? sort : new cn.warmth.shared.SortOrder("opened", true);
    var found = cases.findAll(spec, page.pageable(order.toSort(SORT_PROPERTIES)));
    return new cn.warmth.shared.Paged<>(views(found.getContent()), found.getTotalElements());
  }

  /** How many visits are still to be made in a scope: overdue, due today, and due up to a day. */
  public record VisitCounts(long overdue, long today, long upcoming) {}

  /** The visit list's sort keys. */
  public static final List<String> VISIT_SORTS = List.of("date", "org", "number");
  private static final Map<String, String> VISIT_SORT_PROPERTIES = Map.of("date", "visitPlannedDate",
      "org", "orgPath,visitPlannedDate", "number", "caseNumber");

  /** The three counts of the visits page, in one SQL query (case approved or waiting, visit still planned). */
  @Transactional(readOnly = true)
  public VisitCounts visitCounts(String org, LocalDate until) {
    LocalDate today = LocalDate.now(clock);
    String scope = scopeOf(org);
    java.sql.Date day = java.sql.Date.valueOf(today);
    return jdbc.queryForObject("""
        select coalesce(sum(case when visit_planned_date < ? then 1 else 0 end), 0),
               coalesce(sum(case when visit_planned_date = ? then 1 else 0 end), 0),
               coalesce(sum(case when visit_planned_date > ? then 1 else 0 end), 0)
        from aid_case
        where org_path like ? and visit_status = 'PLANNED' and status in ('PENDING_APPROVAL', 'IN_PROGRESS')
          and visit_planned_date <= ?""",
        (rs, i) -> new VisitCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)), day, day, day, scope + "%",
        java.sql.Date.valueOf(until));
  }

  /**
   * Visits still to be made in the caller's scope (or below {@code org}), planned between two days
   * ({@code from} null: overdue ones included); one page in the given order, counted in SQL.
   */
  @Transactional(readOnly = true)
  public cn.warmth.shared.Paged<CaseView> plannedVisits(String org, LocalDate from, LocalDate until,
      cn.warmth.shared.SortOrder sort, cn.warmth.shared.PageParams page) {
    String scope = scopeOf(org);
    Specification<AidCase> spec = (root, cq, cb) -> {
      var where = new java.util.ArrayList<jakarta.persistence.criteria.Predicate>();
      where.add(cb.like(root.get("orgPath"), scope + "%"));
      where.add(cb.equal(root.get("visitStatus"), VisitStatus.PLANNED));
      where.add(root.get("status").in(CaseStatus.PENDING_APPROVAL, CaseStatus.IN_PROGRESS));
      where.add(cb.lessThanOrEqualTo(root.get("visitPlannedDate"), until));
      if (from != null) where.add(cb.greaterThanOrEqualTo(root.get("visitPlannedDate"), from));
      return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
    };
    var found = cases.findAll(spec, page.pageable(sort.toSort(VISIT_SORT_PROPERTIES)));
    return new cn.warmth.shared.Paged<>(views(found.getContent()), found.getTotalElements());
  }

  private String scopeOf(String org) {
    return org == null || org.isBlank() ? CurrentUser.get().orgPath() : organisations.requireInScope(org.strip()).path();
  }

  /**
   * The case's story in business words, oldest first, with who did what and when; steps still
   * waiting come last, marked pending and without a time.
   */
  @Transactional(readOnly = true)
  public List<TimelineEntry> timeline(String caseNumber) {
    String separator = messages.getMessage("timeline.separator", null, "，", LocaleContextHolder.getLocale());
    var format = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
    return workflow.timeline(requireCase(caseNumber)).stream().map(s -> new TimelineEntry(s.at(), s.activity(),
        s.label(), s.outcome(), s.by(), s.byName(), s.pending(), s.pending() ? null
            : String.join(separator, java.util.stream.Stream.of(s.outcome(), s.byName(), format.format(s.at()))
                .filter(x -> x != null).toList()))).toList();
  }

  /**
   * One step of the timeline: {@code name} and {@code outcome} in the request's language, {@code by}
   * the username and {@code byName} the display name, {@code detail} "同意，刘芳，2026-11-30 10:05".
   */
  public record TimelineEntry(Instant at, String activity, String name, String outcome, String by, String byName,
      boolean pending, String detail) {}

  // ---------------------------------------------------------------- helpers

  /** A case with its worker's current name, the caller's actions and the evidence on the case and its visit. */
  private CaseView view(AidCase c) {
    return CaseView.of(c, workers.namesOf(List.of(c.getWorkerId())).get(c.getWorkerId()),
        workflow.actions(c, CurrentUser.get())).withEvidence(
        evidence.list(cn.warmth.evidence.OwnerType.CASE, c.getCaseNumber()),
        evidence.list(cn.warmth.evidence.OwnerType.VISIT, c.getCaseNumber()));
  }

  /** Many cases, with their workers' names in one query and the caller's actions in another. */
  private List<CaseView> views(List<AidCase> list) {
    Map<Long, String> names = workers.namesOf(list.stream().map(AidCase::getWorkerId).toList());
    Map<Long, List<Action>> actions = workflow.actions(list, CurrentUser.get());
    return list.stream().map(c -> CaseView.of(c, names.get(c.getWorkerId()), actions.get(c.getId()))).toList();
  }

  AidCase requireCase(String caseNumber) {
    WarmthUser me = CurrentUser.get();
    AidCase c = cases.findByCaseNumber(caseNumber == null ? "" : caseNumber.strip())
        .filter(x -> me.covers(x.getOrgPath())).orElseThrow(BusinessException::notFound);
    CommandAttempts.observe("aid_case", c.getId(), c.getVersion());
    return c;
  }

  /** Who visits: one or more names ("周敏、杨帆"), by the rule for names (no emoji, no invisible characters). */
  private static String visitors(String raw, String field, Problems p) {
    String who = Texts.trim(raw);
    if (p.require(field, who) && !Texts.isPlain(who, 2, 100)) {
      p.add(field, "INVALID_NAME");
      return null;
    }
    return who;
  }

  /** With app.evidence.require-receipt-photo, a cash or goods hand-over needs the signed receipt on the visit. */
  private void requireReceiptPhoto(boolean handover, String caseNumber) {
    if (handover && evidence.receiptPhotoMissing(caseNumber)) {
      throw BusinessException.rule("RECEIPT_PHOTO_REQUIRED");
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static Map<String, Object> describe(AidCase c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", c.getStatus().name());
    m.put("worker", c.getWorkerId());
    m.put("category", c.getCategory().name());
    m.put("fundSource", c.getFundSource().name());
    m.put("paymentMethod", c.getPaymentMethod().name());
    m.put("amountYuan", Money.yuan(c.getAmountFen()));
    m.put("goodsValueYuan", Money.yuan(c.getGoodsValueFen()));
    m.put("overCap", c.isOverCap());
    m.put("payment", c.getPaymentStatus().name());
    m.put("visit", c.getVisitStatus().name());
    m.put("visitPlannedDate", String.valueOf(c.getVisitPlannedDate()));
    m.put("approvals", c.getApprovals().size());
    return m;
  }
}

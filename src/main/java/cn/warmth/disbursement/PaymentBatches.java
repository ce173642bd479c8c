package cn.warmth.disbursement;

import cn.warmth.audit.AuditLog;
import cn.warmth.cases.AidCases;
import cn.warmth.cases.FundSource;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.registry.Workers;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Enums;
import cn.warmth.shared.Money;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.WarmthUser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bank-card disbursement (domain.md §6): batches of queued payments, the bank file, and the
 * bank's results. No payment is ever paid twice: a payment sits in at most one open batch
 * (unique constraint), results of a batch are applied one import at a time (row lock), the same
 * answer twice changes nothing, and the case refuses PAID unless it is IN_BATCH.
 */
@Service
public class PaymentBatches {
  private final PaymentBatchRepository batches;
  private final AidCases cases;
  private final Workers workers;
  private final Organisations organisations;
  private final AuditLog audit;
  private final BankProfiles profiles;
  private final Clock clock;
  private final io.micrometer.core.instrument.MeterRegistry meters;

  PaymentBatches(PaymentBatchRepository batches, AidCases cases, Workers workers, Organisations organisations,
      AuditLog audit, BankProfiles profiles, Clock clock, io.micrometer.core.instrument.MeterRegistry meters) {
    this.meters = meters;
    this.batches = batches;
    this.profiles = profiles;
    this.cases = cases;
    this.workers = workers;
    this.organisations = organisations;
    this.audit = audit;
    this.clock = clock;
  }

  /** Every QUEUED bank-card payment in scope (optionally below one organisation), in the generic profile. */
  @Transactional
  public BatchView build(String orgCode) {
    return build(orgCode, null, null);
  }

  /**
   * Builds batches of QUEUED bank-card payments in scope (optionally below one organisation): one
   * batch per fund source, so that finance hands the bank one file per account, in the named
   * bank profile (the generic one by default). With {@code fundSource} only that source's
   * payments are taken. Answers the first batch built; {@code alsoBuilt} names the others.
   */
  @Transactional
  public BatchView build(String orgCode, String fundSource, String profileCode) {
    CurrentUser.requireRole(Role.FINANCE);
    WarmthUser me = CurrentUser.get();
    Problems p = new Problems();
    FundSource only = fundSource == null || fundSource.isBlank() ? null
        : Enums.parse(FundSource.class, fundSource, "fundSource", p);
    p.throwIfAny();
    BankProfile profile = profiles.forBatch(profileCode);
    OrgView org = orgCode == null || orgCode.isBlank() ? organisations.requireInScope(me.orgCode())
        : organisations.requireInScope(orgCode);
    Map<FundSource, List<AidCases.QueuedPayment>> bySource = new EnumMap<>(FundSource.class);
    for (AidCases.QueuedPayment q : cases.queuedBankPayments(org.code())) {
      if (only == null || q.fundSource() == only) {
        bySource.computeIfAbsent(q.fundSource(), k -> new ArrayList<>()).add(q);
      }
    }
    if (bySource.isEmpty()) {
      throw BusinessException.rule("NOTHING_TO_PAY");
    }
    List<PaymentBatch> built = new ArrayList<>();
    for (var e : bySource.entrySet()) {
      PaymentBatch batch = batches.saveAndFlush(new PaymentBatch(org.code(), org.path(), e.getKey(), profile.getCode(),
          profile.layout(), me.username(), Instant.now(clock)));
      for (AidCases.QueuedPayment q : e.getValue()) {
        cases.paymentAddedToBatch(q.caseNumber(), batch.getId()); // locks the case; a racing builder loses here
        batch.add(q.caseNumber(), q.workerId(), q.workerName(), q.amountFen(), q.fundSource());
      }
      batches.flush();
      audit.record("BATCH_CREATED", "PAYMENT_BATCH", String.valueOf(batch.getId()), batch.getOrgPath(), null,
          Map.of("count", batch.getItemCount(), "totalYuan", Money.yuan(batch.getTotalFen()), "fundSource",
              e.getKey().name(), "profile", profile.getCode(),
              "cases", e.getValue().stream().map(AidCases.QueuedPayment::caseNumber).toList()));
      built.add(batch);
    }
    return BatchView.of(built.get(0), built.stream().skip(1).map(PaymentBatch::getId).toList());
  }

  /** What waits to be batched in the caller's scope, per fund source. */
  @Transactional(readOnly = true)
  public List<BatchView.SourceTotal> queuedBySource() {
    Map<FundSource, long[]> m = new EnumMap<>(FundSource.class);
    for (AidCases.QueuedPayment q : cases.queuedBankPayments(null)) {
      long[] t = m.computeIfAbsent(q.fundSource(), k -> new long[2]);
      t[0]++;
      t[1] += q.amountFen();
    }
    return m.entrySet().stream().map(e -> new BatchView.SourceTotal(e.getKey(), (int) e.getValue()[0],
        Money.yuan(e.getValue()[1]))).toList();
  }

  @Transactional(readOnly = true)
  public BatchView get(long id) {
    return BatchView.of(require(id));
  }

  @Transactional(readOnly = true)
  public List<BatchView> list() {
    return batches.inScope(CurrentUser.get().orgPath()).stream().map(BatchView::of).toList();
  }

  /** One page of {@link #list()}, newest first, with the total. */
  @Transactional(readOnly = true)
  public cn.warmth.shared.Paged<BatchView> list(cn.warmth.shared.PageParams page) {
    return cn.warmth.shared.Paged.of(batches.inScope(CurrentUser.get().orgPath(),
        page.pageable(org.springframework.data.domain.Sort.unsorted())).map(BatchView::of));
  }

  /** The batch list's sort keys. */
  public static final List<String> SORTS = List.of("created", "total", "status", "org");
  private static final Map<String, String> SORT_PROPERTIES = Map.of("created", "id", "total", "totalFen",
      "status", "status", "org", "orgPath");

  /**
   * The batch list page: batches in scope, optionally of one status and fund source, sorted, one
   * page with the total; each with its result counts (one grouped query for the page), without
   * its payments.
   */
  @Transactional(readOnly = true)
  public cn.warmth.shared.Paged<BatchView> summaries(String status, String source, cn.warmth.shared.SortOrder sort,
      cn.warmth.shared.PageParams page) {
    cn.warmth.shared.Problems p = new cn.warmth.shared.Problems();
    BatchStatus st = status == null || status.isBlank() ? null
        : cn.warmth.shared.Enums.parse(BatchStatus.class, status, "status", p);
    FundSource src = source == null || source.isBlank() ? null
        : cn.warmth.shared.Enums.parse(FundSource.class, source, "source", p);
    p.throwIfAny();
    String scope = CurrentUser.get().orgPath();
    org.springframework.data.jpa.domain.Specification<PaymentBatch> spec = (root, q, cb) -> {
      var where = new ArrayList<jakarta.persistence.criteria.Predicate>();
      where.add(cb.like(root.get("orgPath"), scope + "%"));
      if (st != null) where.add(cb.equal(root.get("status"), st));
      if (src != null) where.add(cb.equal(root.get("fundSource"), src));
      return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
    };
    var found = batches.findAll(spec, page.pageable(sort.toSort(SORT_PROPERTIES)));
    Map<Long, long[]> counts = new java.util.HashMap<>();
    if (found.hasContent()) {
      for (Object[] row : batches.resultCounts(found.getContent().stream().map(PaymentBatch::getId).toList())) {
        counts.computeIfAbsent((Long) row[0], k -> new long[3])[((PaymentItem.Status) row[1]).ordinal()] +=
            ((Number) row[2]).longValue();
      }
    }
    return new cn.warmth.shared.Paged<>(found.getContent().stream().map(b -> {
      long[] c = counts.getOrDefault(b.getId(), new long[3]);
      return BatchView.summary(b, c[PaymentItem.Status.PAID.ordinal()], c[PaymentItem.Status.FAILED.ordinal()],
          c[PaymentItem.Status.PENDING.ordinal()]);
    }).toList(), found.getTotalElements());
  }

  /** One page of a batch's payments (in scope), in the bank file's order, with the total. */
  @Transactional(readOnly = true)
  public cn.warmth.shared.Paged<BatchView.Item> items(long id, cn.warmth.shared.PageParams page) {
    require(id);
    return cn.warmth.shared.Paged.of(batches.items(id, page.pageable(org.springframework.data.domain.Sort.unsorted()))
        .map(BatchView::item));
  }

  /** One line of the bank file. */
  public record BankLine(int seq, String name, String bank, String cardNumber, long amountFen, String reference) {}

  public enum Format { CSV, XLSX }

  /**
   * The bank file in the batch's profile, with full card numbers: the one export that carries
   * them. FINANCE in scope only; audited; marks the batch EXPORTED. A name the profile's encoding
   * cannot write refuses the download (422) and changes nothing.
   */
  @Transactional
  public BankFiles.BankFile bankFile(long id, Format format) {
    CurrentUser.requireRole(Role.FINANCE);
    PaymentBatch b = require(id);
    // One query for all the batch's workers, not two per payment. Name and card come from the
    // registry as they are now: the bank matches them, and a rejected name may have been corrected.
    Map<Long, Workers.BankDetails> bank = workers.bankDetailsForBankFile(
        b.getItems().stream().map(PaymentItem::getWorkerId).toList());
    List<BankLine> lines = new ArrayList<>();
    for (PaymentItem i : b.getItems()) {
      Workers.BankDetails d = bank.get(i.getWorkerId());
      lines.add(new BankLine(i.getSeq(), d.name(), d.bankName(), d.cardNumber(), i.getAmountFen(), i.getCaseNumber()));
      if (i.getStatus() == PaymentItem.Status.PENDING) {
        i.sentWith(d.payeeFingerprint());
      }
    }
    BankLayout layout = b.layout();
    BankFiles.BankFile file = format == Format.XLSX ? BankFiles.xlsx(id, layout, lines) : BankFiles.csv(id, layout, lines);
    var before = Map.<String, Object>of("status", b.getStatus().name());
    b.exported(CurrentUser.get().username(), Instant.now(clock));
    audit.record("BANK_FILE_EXPORTED", "PAYMENT_BATCH", String.valueOf(id), b.getOrgPath(), before,
        Map.of("status", b.getStatus().name(), "format", format.name(), "profile", b.getProfileCode(),
            "lines", lines.size(), "totalYuan", Money.yuan(b.getTotalFen())));
    return file;
  }

  public record ResultSummary(int succeeded, int failed, int applied, String encoding) {}

  /**
   * Imports the bank's result file (bytes in UTF-8, with or without BOM, or GBK/GB18030), read
   * in the batch's profile. Everything is checked before anything changes: a file that does not
   * decode (422), a bad header, a bad status, a reference not in this batch, a repeated
   * reference, an amount that differs or an answer that contradicts an earlier one refuses the
   * whole file (400 with each row: line, value found, explanation).
   */
  @cn.warmth.workflow.WorkflowCommand // the bank's answer moves case processes: retried if a timer collides
  @Transactional
  public ResultSummary importResult(long id, byte[] file) {
    return cn.warmth.shared.ImportTimings.timed(meters, "bank-result", () -> applyResult(id, file));
  }

  private ResultSummary applyResult(long id, byte[] file) {
    CurrentUser.requireRole(Role.FINANCE);
    require(id); // scope: 404 outside
    PaymentBatch b = batches.lockById(id).orElseThrow(BusinessException::notFound);
    if (b.getStatus() == BatchStatus.CREATED) {
      throw BusinessException.conflict("INVALID_STATE"); // results before the file went to the bank
    }
    TextDecoding.Decoded text = TextDecoding.decode(file == null ? new byte[0] : file);
    BankLayout layout = b.layout();
    ResultFile.Errors errors = new ResultFile.Errors();
    List<ResultFile.Row> rows = ResultFile.read(text.text(), layout, errors);
    Map<String, PaymentItem> items = new HashMap<>();
    b.getItems().forEach(i -> items.put(i.getCaseNumber(), i));
    Set<String> seen = new HashSet<>();
    Map<PaymentItem, String[]> answers = new LinkedHashMap<>();
    String statusWords = String.join("、", layout.successValues());
    String failureWords = String.join("、", layout.failureValues());
    for (ResultFile.Row row : rows) {
      int line = row.line();
      String ref = row.get(BankLayout.ResultField.REFERENCE);
      String rawStatus = row.get(BankLayout.ResultField.STATUS);
      String message = row.get(BankLayout.ResultField.MESSAGE);
      PaymentItem item = items.get(ref);
      if (ref.isEmpty()) {
        errors.add(line, "reference", ref, "EMPTY_REFERENCE");
      } else if (item == null) {
        errors.add(line, "reference", ref, "UNKNOWN_REFERENCE", id);
      } else if (!seen.add(ref)) {
        errors.add(line, "reference", ref, "DUPLICATE_ROW");
      }
      String status = layout.statusOf(rawStatus);
      if (status == null) {
        errors.add(line, "status", rawStatus, "BAD_RESULT_STATUS", statusWords, failureWords);
      } else if (item != null) {
        PaymentItem.Status wanted = status.equals("SUCCESS") ? PaymentItem.Status.PAID : PaymentItem.Status.FAILED;
        if (item.getStatus() != PaymentItem.Status.PENDING && item.getStatus() != wanted) {
          errors.add(line, "status", rawStatus, "CONFLICTING_RESULT", ref,
              item.getStatus() == PaymentItem.Status.PAID ? statusWords : failureWords);
        }
      }
      if (row.has(BankLayout.ResultField.AMOUNT) && item != null) {
        checkAmount(row.get(BankLayout.ResultField.AMOUNT), item, layout, line, errors);
      }
      if (message.length() > 300) {
        errors.add(line, "message", message, "MESSAGE_TOO_LONG", 300);
      }
      if (item != null && status != null) {
        answers.put(item, new String[] {status, ResultFile.maskDigits(message)});
      }
    }
    if (!errors.isEmpty()) {
      throw errors.refusal();
    }
    int ok = 0;
    int failed = 0;
    int applied = 0;
    Instant now = Instant.now(clock);
    for (var e : answers.entrySet()) {
      boolean success = e.getValue()[0].equals("SUCCESS");
      if (success) {
        ok++;
      } else {
        failed++;
      }
      PaymentItem item = e.getKey();
      if (item.settle(success, e.getValue()[1], now)) {
        applied++;
        if (success) {
          cases.bankPaymentSucceeded(item.getCaseNumber());
        } else {
          cases.bankPaymentFailed(item.getCaseNumber(), e.getValue()[1], item.getPayeeFingerprint());
        }
      }
    }
    var before = Map.<String, Object>of("status", b.getStatus().name());
    b.refreshStatus();
    batches.flush();
    audit.record("BANK_RESULT_IMPORTED", "PAYMENT_BATCH", String.valueOf(id), b.getOrgPath(), before,
        Map.of("status", b.getStatus().name(), "succeeded", ok, "failed", failed, "applied", applied,
            "encoding", text.encoding()));
    return new ResultSummary(ok, failed, applied, text.encoding());
  }

  /** The amount the bank echoes must be the batch's, in the profile's unit (yuan or fen). */
  private static void checkAmount(String raw, PaymentItem item, BankLayout layout, int line, ResultFile.Errors errors) {
    String expected = layout.amountUnit() == BankLayout.AmountUnit.FEN ? String.valueOf(item.getAmountFen())
        : Money.yuan(item.getAmountFen());
    Long fen;
    try {
      java.math.BigDecimal v = new java.math.BigDecimal(raw.replace(",", "").strip());
      fen = layout.amountUnit() == BankLayout.AmountUnit.FEN ? v.longValueExact()
          : v.movePointRight(2).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      errors.add(line, "amount", raw, "BAD_AMOUNT", layout.amountUnit() == BankLayout.AmountUnit.FEN ? 0 : 1);
      return;
    }
    if (fen != item.getAmountFen()) {
      errors.add(line, "amount", raw, "AMOUNT_MISMATCH", expected);
    }
  }

  private PaymentBatch require(long id) {
    WarmthUser me = CurrentUser.get();
    return batches.findById(id).filter(b -> me.covers(b.getOrgPath())).orElseThrow(BusinessException::notFound);
  }
}

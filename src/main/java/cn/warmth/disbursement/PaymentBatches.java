package cn.warmth.disbursement;

import cn.warmth.audit.AuditLog;
import cn.warmth.cases.AidCases;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.registry.Workers;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.FieldProblem;
import cn.warmth.shared.Money;
import cn.warmth.shared.Role;
import cn.warmth.shared.WarmthUser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
  static final String RESULT_HEADER = "reference,status,message";
  static final String FILE_HEADER = "seq,name,bank,cardNumber,amountYuan,reference";

  private final PaymentBatchRepository batches;
  private final AidCases cases;
  private final Workers workers;
  private final Organisations organisations;
  private final AuditLog audit;
  private final Clock clock;

  PaymentBatches(PaymentBatchRepository batches, AidCases cases, Workers workers, Organisations organisations,
      AuditLog audit, Clock clock) {
    this.batches = batches;
    this.cases = cases;
    this.workers = workers;
    this.organisations = organisations;
    this.audit = audit;
    this.clock = clock;
  }

  /** Every QUEUED bank-card payment in scope (optionally below one organisation) into a new batch. */
  @Transactional
  public BatchView build(String orgCode) {
    CurrentUser.requireRole(Role.FINANCE);
    WarmthUser me = CurrentUser.get();
    OrgView org = orgCode == null || orgCode.isBlank() ? organisations.requireInScope(me.orgCode())
        : organisations.requireInScope(orgCode);
    List<AidCases.QueuedPayment> queued = cases.queuedBankPayments(org.code());
    if (queued.isEmpty()) {
      throw BusinessException.rule("NOTHING_TO_PAY");
    }
    PaymentBatch batch = batches.saveAndFlush(new PaymentBatch(org.code(), org.path(), me.username(), Instant.now(clock)));
    for (AidCases.QueuedPayment q : queued) {
      cases.paymentAddedToBatch(q.caseNumber(), batch.getId()); // locks the case; a racing builder loses here
      batch.add(q.caseNumber(), q.workerId(), q.workerName(), q.amountFen());
    }
    batches.flush();
    audit.record("BATCH_CREATED", "PAYMENT_BATCH", String.valueOf(batch.getId()), batch.getOrgPath(), null,
        Map.of("count", batch.getItemCount(), "totalYuan", Money.yuan(batch.getTotalFen()),
            "cases", queued.stream().map(AidCases.QueuedPayment::caseNumber).toList()));
    return BatchView.of(batch);
  }

  @Transactional(readOnly = true)
  public BatchView get(long id) {
    return BatchView.of(require(id));
  }

  @Transactional(readOnly = true)
  public List<BatchView> list() {
    return batches.inScope(CurrentUser.get().orgPath()).stream().map(BatchView::of).toList();
  }

  /** One line of the bank file. */
  public record BankLine(int seq, String name, String bank, String cardNumber, String amountYuan, String reference) {}

  /**
   * The bank file's lines, with full card numbers: the one export that carries them. FINANCE
   * in scope only; audited; marks the batch EXPORTED.
   */
  @Transactional
  public List<BankLine> bankFile(long id, String format) {
    CurrentUser.requireRole(Role.FINANCE);
    PaymentBatch b = require(id);
    // One query for all the batch's workers, not two per payment. Name and card come from the
    // registry as they are now: the bank matches them, and a rejected name may have been corrected.
    Map<Long, Workers.BankDetails> bank = workers.bankDetailsForBankFile(
        b.getItems().stream().map(PaymentItem::getWorkerId).toList());
    List<BankLine> lines = new ArrayList<>();
    for (PaymentItem i : b.getItems()) {
      Workers.BankDetails d = bank.get(i.getWorkerId());
      lines.add(new BankLine(i.getSeq(), d.name(), d.bankName(), d.cardNumber(), Money.yuan(i.getAmountFen()),
          i.getCaseNumber()));
    }
    var before = Map.<String, Object>of("status", b.getStatus().name());
    b.exported(CurrentUser.get().username(), Instant.now(clock));
    audit.record("BANK_FILE_EXPORTED", "PAYMENT_BATCH", String.valueOf(id), b.getOrgPath(), before,
        Map.of("status", b.getStatus().name(), "format", format, "lines", lines.size(),
            "totalYuan", Money.yuan(b.getTotalFen())));
    return lines;
  }

  static String toCsv(List<BankLine> lines) {
    StringBuilder sb = new StringBuilder(FILE_HEADER).append("\r\n");
    for (BankLine l : lines) {
      sb.append(l.seq()).append(',').append(Csv.field(l.name())).append(',').append(Csv.field(l.bank())).append(',')
          .append(l.cardNumber()).append(',').append(l.amountYuan()).append(',').append(Csv.field(l.reference()))
          .append("\r\n");
    }
    return sb.toString();
  }

  public record ResultSummary(int succeeded, int failed, int applied) {}

  /**
   * Imports the bank's result file. Everything is checked before anything changes: a bad
   * header, a bad status, a reference not in this batch, a repeated reference or an answer that
   * contradicts an earlier one refuses the whole file (400 with the rows).
   */
  @cn.warmth.workflow.WorkflowCommand // the bank's answer moves case processes: retried if a timer collides
  @Transactional
  public ResultSummary importResult(long id, String csv) {
    CurrentUser.requireRole(Role.FINANCE);
    require(id); // scope: 404 outside
    PaymentBatch b = batches.lockById(id).orElseThrow(BusinessException::notFound);
    if (b.getStatus() == BatchStatus.CREATED) {
      throw BusinessException.conflict("INVALID_STATE"); // results before the file went to the bank
    }
    List<List<String>> rows = Csv.parse(csv == null ? "" : csv);
    if (rows.isEmpty() || !String.join(",", rows.get(0)).strip().equals(RESULT_HEADER)) {
      throw BusinessException.validation(FieldProblem.of("file", "BAD_RESULT_HEADER", RESULT_HEADER));
    }
    Map<String, PaymentItem> items = new HashMap<>();
    b.getItems().forEach(i -> items.put(i.getCaseNumber(), i));
    List<FieldProblem> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<PaymentItem, String[]> answers = new LinkedHashMap<>();
    for (int r = 1; r < rows.size(); r++) {
      int line = r + 1;
      List<String> row = rows.get(r);
      if (row.size() < 2 || row.size() > 3) {
        errors.add(FieldProblem.of("row", "BAD_ROW").atRow(line));
        continue;
      }
      String ref = row.get(0).strip();
      String status = row.get(1).strip().toUpperCase();
      String message = row.size() == 3 ? row.get(2).strip() : "";
      PaymentItem item = items.get(ref);
      if (item == null) {
        errors.add(FieldProblem.of("reference", "UNKNOWN_REFERENCE", ref).atRow(line));
      } else if (!seen.add(ref)) {
        errors.add(FieldProblem.of("reference", "DUPLICATE_ROW", ref).atRow(line));
      }
      if (!status.equals("SUCCESS") && !status.equals("FAILED")) {
        errors.add(FieldProblem.of("status", "BAD_RESULT_STATUS").atRow(line));
      } else if (item != null) {
        PaymentItem.Status wanted = status.equals("SUCCESS") ? PaymentItem.Status.PAID : PaymentItem.Status.FAILED;
        if (item.getStatus() != PaymentItem.Status.PENDING && item.getStatus() != wanted) {
          errors.add(FieldProblem.of("status", "CONFLICTING_RESULT", ref).atRow(line));
        }
      }
      if (message.length() > 300) {
        errors.add(FieldProblem.of("message", "TOO_LONG", 300).atRow(line));
      }
      if (item != null) {
        answers.put(item, new String[] {status, message});
      }
    }
    if (rows.size() < 2) {
      errors.add(FieldProblem.of("file", "EMPTY_FILE"));
    }
    if (!errors.isEmpty()) {
      throw BusinessException.validation(errors);
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
      if (e.getKey().settle(success, e.getValue()[1], now)) {
        applied++;
        if (success) {
          cases.bankPaymentSucceeded(e.getKey().getCaseNumber());
        } else {
          cases.bankPaymentFailed(e.getKey().getCaseNumber(), e.getValue()[1]);
        }
      }
    }
    var before = Map.<String, Object>of("status", b.getStatus().name());
    b.refreshStatus();
    batches.flush();
    audit.record("BANK_RESULT_IMPORTED", "PAYMENT_BATCH", String.valueOf(id), b.getOrgPath(), before,
        Map.of("status", b.getStatus().name(), "succeeded", ok, "failed", failed, "applied", applied));
    return new ResultSummary(ok, failed, applied);
  }

  private PaymentBatch require(long id) {
    WarmthUser me = CurrentUser.get();
    return batches.findById(id).filter(b -> me.covers(b.getOrgPath())).orElseThrow(BusinessException::notFound);
  }
}

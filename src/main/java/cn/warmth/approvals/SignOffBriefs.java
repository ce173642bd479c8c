package cn.warmth.approvals;

import cn.warmth.cases.AidCases;
import cn.warmth.cases.ApprovalStep;
import cn.warmth.cases.CaseStatus;
import cn.warmth.cases.CaseView;
import cn.warmth.cases.FundSource;
import cn.warmth.cases.SignOffs;
import cn.warmth.funds.Funds;
import cn.warmth.registry.FileStatus;
import cn.warmth.registry.HardshipCategory;
import cn.warmth.registry.HardshipFileView;
import cn.warmth.registry.HardshipFiles;
import cn.warmth.registry.WorkerView;
import cn.warmth.registry.Workers;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Money;
import cn.warmth.shared.Role;
import cn.warmth.shared.WarmthUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a sign-off needs, in one read: the payee (masked card and bank), the hardship file, the
 * worker's year against both caps, the fund source's position in the caller's scope, the
 * over-cap reason, and where the caller's queue stands (how many wait, which is next). The case
 * page's sign-off panel renders it ({@code approvals/signoff-panel.html}); the API answers it at
 * {@code GET /api/v1/approvals/{caseNumber}}.
 */
@Service
public class SignOffBriefs {
  private final AidCases cases;
  private final SignOffs signOffs;
  private final Workers workers;
  private final HardshipFiles files;
  private final Funds funds;

  SignOffBriefs(AidCases cases, SignOffs signOffs, Workers workers, HardshipFiles files, Funds funds) {
    this.cases = cases;
    this.signOffs = signOffs;
    this.workers = workers;
    this.files = files;
    this.funds = funds;
  }

  public record Payee(String name, String bankName, String bankCardMasked, boolean cardChecksumWarning) {}

  public record FileLine(long id, FileStatus status, HardshipCategory category, LocalDate filedDate) {}

  /** The fund source in the caller's scope: raised, approved, paid, left (raised − approved), and left after this case. */
  public record FundLine(FundSource source, String raisedYuan, String approvedYuan, String paidYuan, String leftYuan,
      String leftAfterYuan, boolean shortAfter) {}

  /**
   * {@code step} is the sign-off the caller may give now (null when none); {@code blocked} says
   * why the caller may not give it all the same (OPENED, SIGNED).
   */
  public record Brief(String caseNumber, CaseStatus status, ApprovalStep step, String blocked, Payee payee,
      FileLine file, SignOffs.CapPosition caps, FundLine fund, boolean overCap, String overCapReason, long waiting,
      String next) {}

  @Transactional(readOnly = true)
  public Brief of(String caseNumber) {
    WarmthUser me = CurrentUser.get();
    CaseView c = cases.get(caseNumber); // 404 outside scope
    boolean signer = me.has(Role.FINANCE) || me.has(Role.MANAGER);
    long waiting = signer ? signOffs.waitingCount() : 0;
    String next = signer && waiting > 0 ? signOffs.next(c.caseNumber()).orElse(null) : null;
    if (c.status() != CaseStatus.PENDING_APPROVAL) {
      return new Brief(c.caseNumber(), c.status(), null, null, null, null, null, null, c.overCap(), c.overCapReason(),
          waiting, next);
    }
    ApprovalStep step = signer ? signOffs.stepFor(c.caseNumber()).orElse(null) : null;
    String blocked = me.username().equals(c.openedBy()) ? "OPENED"
        : c.approvals().stream().anyMatch(a -> a.by().equals(me.username())) ? "SIGNED" : null;
    WorkerView w = workers.get(c.workerId());
    Payee payee = new Payee(w.name(), w.bankName(), w.bankCardMasked(), !w.warnings().isEmpty());
    FileLine file = files.ofWorker(c.workerId()).stream()
        .min(Comparator.comparing((HardshipFileView f) -> f.status() == FileStatus.CLOSED
            || f.status() == FileStatus.REJECTED).thenComparing(HardshipFileView::id, Comparator.reverseOrder()))
        .map(f -> new FileLine(f.id(), f.status(), f.category(), f.filedDate())).orElse(null);
    return new Brief(c.caseNumber(), c.status(), step, blocked, payee, file, signOffs.capPosition(c.caseNumber()),
        fund(c), c.overCap(), c.overCapReason(), waiting, next);
  }

  private FundLine fund(CaseView c) {
    List<Funds.SourceLine> lines = funds.overview(c.campaignCode(), null);
    Funds.SourceLine l = lines.stream().filter(x -> x.source() == c.fundSource()).findFirst().orElseThrow();
    long raised = fen(l.raisedYuan());
    long approved = fen(l.approvedYuan());
    long left = raised - approved;
    long after = left - fen(c.totalYuan());
    return new FundLine(c.fundSource(), l.raisedYuan(), l.approvedYuan(), l.paidYuan(), Money.yuan(left),
        Money.yuan(after), after < 0);
  }

  private static long fen(String yuan) {
    return new BigDecimal(yuan).movePointRight(2).longValueExact();
  }
}

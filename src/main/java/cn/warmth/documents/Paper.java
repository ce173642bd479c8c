package cn.warmth.documents;

import cn.warmth.cases.CaseView;
import cn.warmth.cases.FundSource;
import cn.warmth.cases.Handovers;
import cn.warmth.disbursement.BatchRosters;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.organisation.Users;
import cn.warmth.registry.HardshipFileView;
import cn.warmth.registry.HardshipFiles;
import cn.warmth.registry.MaskedDetails;
import cn.warmth.registry.WorkerView;
import cn.warmth.registry.Workers;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Dates;
import cn.warmth.shared.Money;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.statistics.OfficialSheets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each printed document says, gathered once for both faces: the print view (HTML that
 * Chromium prints on A4) and the PDF. Masked numbers only; scope and roles as for the records.
 */
@Service
class Paper {
  private final Handovers handovers;
  private final MaskedDetails masked;
  private final BatchRosters rosters;
  private final HardshipFiles files;
  private final Workers workers;
  private final OfficialSheets sheets;
  private final Organisations organisations;
  private final Users users;
  private final Clock clock;

  Paper(Handovers handovers, MaskedDetails masked, BatchRosters rosters, HardshipFiles files, Workers workers,
      OfficialSheets sheets, Organisations organisations, Users users, Clock clock) {
    this.handovers = handovers;
    this.masked = masked;
    this.rosters = rosters;
    this.files = files;
    this.workers = workers;
    this.sheets = sheets;
    this.organisations = organisations;
    this.users = users;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- 慰问金/慰问品签收表

  record ReceiptLine(int seq, String name, String idNumberMasked, String orgCode, String caseNumber,
      String amountYuan, String goods, LocalDate visitDate) {}

  record ReceiptSheet(String orgName, LocalDate from, LocalDate to, String preparer, LocalDate printedOn,
      List<ReceiptLine> lines, String totalAmountYuan, String totalGoodsYuan, String totalUpper) {}

  /** Cash and goods handed over at a unit's visits on the given days (a day or a week; at most 31 days). */
  @Transactional(readOnly = true)
  public ReceiptSheet receipts(String orgCode, String fromText, String toText) {
    CurrentUser.requireRole(Role.OFFICER, Role.FINANCE, Role.MANAGER);
    LocalDate today = LocalDate.now(clock);
    Problems p = new Problems();
    LocalDate from = fromText == null || fromText.isBlank() ? today : Dates.parse(fromText, "from", p);
    LocalDate to = toText == null || toText.isBlank() ? from : Dates.parse(toText, "to", p);
    if (from != null && to != null && (to.isBefore(from) || to.toEpochDay() - from.toEpochDay() > 30)) {
      p.add("to", "RECEIPT_RANGE");
    }
    p.throwIfAny();
    OrgView org = orgCode == null || orgCode.isBlank() ? organisations.requireInScope(CurrentUser.get().orgCode())
        : organisations.requireInScope(orgCode);
    List<CaseView> cases = handovers.between(org.code(), from, to);
    Map<Long, MaskedDetails.Masked> m = masked.of(cases.stream().map(CaseView::workerId).toList());
    long money = 0;
    long goods = 0;
    java.util.ArrayList<ReceiptLine> lines = new java.util.ArrayList<>();
    for (CaseView c : cases) {
      MaskedDetails.Masked w = m.get(c.workerId());
      long fen = Money.parseYuan(c.amountYuan(), "amount", new Problems(), true);
      long gfen = Money.parseYuan(c.goodsValueYuan(), "goods", new Problems(), true);
      money += fen;
      goods += gfen;
      String g = gfen == 0 ? "" : (c.goodsDescription() == null ? "" : c.goodsDescription() + " ") + "（价值 "
          + c.goodsValueYuan() + " 元）";
      lines.add(new ReceiptLine(lines.size() + 1, c.workerName(), w == null ? "" : w.idNumberMasked(), c.orgCode(),
          c.caseNumber(), fen == 0 ? "" : c.amountYuan(), g,
          c.visit().visitedOn() != null ? c.visit().visitedOn() : c.visit().plannedDate()));
    }
    return new ReceiptSheet(org.name(), from, to, CurrentUser.get().displayName(), today, lines, Money.yuan(money),
        Money.yuan(goods), ChineseAmount.of(money));
  }

  // ---------------------------------------------------------------- 发放花名册

  record SourceTotal(FundSource source, int count, String totalYuan) {}

  record RosterSheet(String orgName, BatchRosters.Roster roster, List<SourceTotal> totals, String totalYuan,
      String totalUpper, String preparer, LocalDate printedOn, String createdByName) {}

  @Transactional(readOnly = true)
  public RosterSheet roster(long batchId) {
    BatchRosters.Roster r = rosters.roster(batchId);
    Map<FundSource, long[]> by = new EnumMap<>(FundSource.class);
    long total = 0;
    for (BatchRosters.Line l : r.lines()) {
      long[] t = by.computeIfAbsent(l.fundSource() == null ? FundSource.B6 : l.fundSource(), k -> new long[2]);
      t[0]++;
      t[1] += l.amountFen();
      total += l.amountFen();
    }
    List<SourceTotal> totals = by.entrySet().stream().map(e -> new SourceTotal(e.getKey(), (int) e.getValue()[0],
        Money.yuan(e.getValue()[1]))).toList();
    String orgName = organisations.find(r.batch().orgCode()).map(OrgView::name).orElse(r.batch().orgCode());
    String createdBy = r.batch().createdBy();
    return new RosterSheet(orgName, r, totals, Money.yuan(total), ChineseAmount.of(total),
        CurrentUser.get().displayName(), LocalDate.now(clock),
        users.displayNames(List.of(createdBy)).getOrDefault(createdBy, createdBy));
  }

  // ---------------------------------------------------------------- 困难职工档案

  /** {@code names}: display names of the people on the sheet, by login (submitter, reviewer). */
  record FileSheet(HardshipFileView file, WorkerView worker, String orgName, List<HardshipFiles.FileEvent> history,
      Map<String, String> names, LocalDate printedOn) {

    public String nameOf(String login) {
      return login == null ? null : names.getOrDefault(login, login);
    }
  }

  @Transactional(readOnly = true)
  public FileSheet file(long fileId) {
    HardshipFileView f = files.get(fileId); // scope: 404 outside
    WorkerView w = workers.get(f.workerId());
    String orgName = organisations.find(f.orgCode()).map(OrgView::name).orElse(f.orgCode());
    Map<String, String> names = users.displayNames(java.util.Arrays.asList(f.submittedBy(), f.reviewedBy()));
    return new FileSheet(f, w, orgName, files.historyInWords(fileId), names, LocalDate.now(clock));
  }

  // ---------------------------------------------------------------- 统计表

  record StatSheet(OfficialSheets.Sheet sheet, LocalDate printedOn) {}

  @Transactional(readOnly = true)
  public StatSheet statistics(String campaign, String org, int decimals) {
    if (campaign == null || campaign.isBlank()) {
      throw BusinessException.validation(cn.warmth.shared.FieldProblem.of("campaign", "REQUIRED"));
    }
    return new StatSheet(sheets.sheet(campaign, org, decimals), LocalDate.now(clock));
  }
}

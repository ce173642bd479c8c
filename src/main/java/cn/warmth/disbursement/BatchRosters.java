package cn.warmth.disbursement;

import cn.warmth.cases.FundSource;
import cn.warmth.registry.MaskedDetails;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Money;
import cn.warmth.shared.Role;
import cn.warmth.shared.WarmthUser;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A batch as its 发放花名册 prints it: masked ID and card of each payee, amounts, totals per fund source. */
@Service
public class BatchRosters {
  private final PaymentBatchRepository batches;
  private final MaskedDetails masked;

  BatchRosters(PaymentBatchRepository batches, MaskedDetails masked) {
    this.batches = batches;
    this.masked = masked;
  }

  public record Line(int seq, String caseNumber, String name, String idNumberMasked, String bankName,
      String bankCardMasked, FundSource fundSource, long amountFen, String status) {
    public String amountYuan() {
      return Money.yuan(amountFen);
    }
  }

  public record Roster(BatchView batch, List<Line> lines) {}

  /** FINANCE or MANAGER, in scope (404 outside). */
  @Transactional(readOnly = true)
  public Roster roster(long id) {
    CurrentUser.requireRole(Role.FINANCE, Role.MANAGER);
    WarmthUser me = CurrentUser.get();
    PaymentBatch b = batches.findById(id).filter(x -> me.covers(x.getOrgPath())).orElseThrow(BusinessException::notFound);
    Map<Long, MaskedDetails.Masked> m = masked.of(b.getItems().stream().map(PaymentItem::getWorkerId).toList());
    List<Line> lines = b.getItems().stream().map(i -> {
      MaskedDetails.Masked w = m.get(i.getWorkerId());
      return new Line(i.getSeq(), i.getCaseNumber(), w == null ? i.getWorkerName() : w.name(),
          w == null ? "" : w.idNumberMasked(), w == null ? "" : w.bankName(), w == null ? "" : w.bankCardMasked(),
          i.getFundSource() == null ? b.getFundSource() : i.getFundSource(), i.getAmountFen(), i.getStatus().name());
    }).toList();
    return new Roster(BatchView.of(b), lines);
  }
}

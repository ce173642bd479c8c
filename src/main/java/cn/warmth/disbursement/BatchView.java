package cn.warmth.disbursement;

import cn.warmth.shared.Money;
import java.time.Instant;
import java.util.List;

/** A batch as POST/GET /payment-batches answer it: no card numbers. */
public record BatchView(long id, BatchStatus status, String orgCode, List<Item> items, String totalYuan, int count,
    long paid, long failed, long pending, String createdBy, Instant createdAt, String exportedBy, Instant exportedAt) {

  public record Item(int seq, String caseNumber, String workerName, String amountYuan, String status, String message) {}

  static BatchView of(PaymentBatch b) {
    List<Item> items = b.getItems().stream().map(i -> new Item(i.getSeq(), i.getCaseNumber(), i.getWorkerName(),
        Money.yuan(i.getAmountFen()), i.getStatus().name(), i.getBankMessage())).toList();
    return new BatchView(b.getId(), b.getStatus(), b.getOrgCode(), items, Money.yuan(b.getTotalFen()), b.getItemCount(),
        count(b, PaymentItem.Status.PAID), count(b, PaymentItem.Status.FAILED), count(b, PaymentItem.Status.PENDING),
        b.getCreatedBy(), b.getCreatedAt(), b.getExportedBy(), b.getExportedAt());
  }

  private static long count(PaymentBatch b, PaymentItem.Status s) {
    return b.getItems().stream().filter(i -> i.getStatus() == s).count();
  }
}

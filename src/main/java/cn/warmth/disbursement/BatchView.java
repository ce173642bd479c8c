package cn.warmth.disbursement;

import cn.warmth.cases.FundSource;
import cn.warmth.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A batch as POST/GET /payment-batches answer it: no card numbers. {@code sources} totals the
 * batch per fund source; {@code alsoBuilt} lists the other batches the same request built (one
 * per fund source).
 */
public record BatchView(long id, BatchStatus status, String orgCode, FundSource fundSource, String profile,
    List<Item> items, String totalYuan, int count, List<SourceTotal> sources, long paid, long failed, long pending,
    String createdBy, Instant createdAt, String exportedBy, Instant exportedAt, List<Long> alsoBuilt) {

  public record Item(int seq, String caseNumber, String workerName, FundSource fundSource, String amountYuan,
      String status, String message) {}

  public record SourceTotal(FundSource fundSource, int count, String totalYuan) {}

  static BatchView of(PaymentBatch b) {
    return of(b, List.of());
  }

  static BatchView of(PaymentBatch b, List<Long> alsoBuilt) {
    List<Item> items = b.getItems().stream().map(i -> new Item(i.getSeq(), i.getCaseNumber(), i.getWorkerName(),
        i.getFundSource(), Money.yuan(i.getAmountFen()), i.getStatus().name(), i.getBankMessage())).toList();
    Map<String, long[]> bySource = new TreeMap<>();
    for (PaymentItem i : b.getItems()) {
      long[] t = bySource.computeIfAbsent(i.getFundSource() == null ? "" : i.getFundSource().name(), k -> new long[2]);
      t[0]++;
      t[1] += i.getAmountFen();
    }
    List<SourceTotal> sources = bySource.entrySet().stream().map(e -> new SourceTotal(
        e.getKey().isEmpty() ? null : FundSource.valueOf(e.getKey()), (int) e.getValue()[0], Money.yuan(e.getValue()[1])))
        .toList();
    return new BatchView(b.getId(), b.getStatus(), b.getOrgCode(), b.getFundSource(), b.getProfileCode(), items,
        Money.yuan(b.getTotalFen()), b.getItemCount(), sources, count(b, PaymentItem.Status.PAID),
        count(b, PaymentItem.Status.FAILED), count(b, PaymentItem.Status.PENDING), b.getCreatedBy(), b.getCreatedAt(),
        b.getExportedBy(), b.getExportedAt(), alsoBuilt);
  }

  /** A batch in a list: its totals and result counts, without its payments (those are paged on its page). */
  static BatchView summary(PaymentBatch b, long paid, long failed, long pending) {
    return new BatchView(b.getId(), b.getStatus(), b.getOrgCode(), b.getFundSource(), b.getProfileCode(), List.of(),
        Money.yuan(b.getTotalFen()), b.getItemCount(), List.of(), paid, failed, pending, b.getCreatedBy(),
        b.getCreatedAt(), b.getExportedBy(), b.getExportedAt(), List.of());
  }

  /** One payment of a batch as its page lists it. */
  static Item item(PaymentItem i) {
    return new Item(i.getSeq(), i.getCaseNumber(), i.getWorkerName(), i.getFundSource(), Money.yuan(i.getAmountFen()),
        i.getStatus().name(), i.getBankMessage());
  }

  private static long count(PaymentBatch b, PaymentItem.Status s) {
    return b.getItems().stream().filter(i -> i.getStatus() == s).count();
  }
}

package cn.warmth.disbursement;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PaymentBatchRepository extends JpaRepository<PaymentBatch, Long>,
    org.springframework.data.jpa.repository.JpaSpecificationExecutor<PaymentBatch> {
  /** Payments per batch and result, for a page of batches: [batch id, status, count]. */
  @Query("select i.batch.id, i.status, count(i) from PaymentItem i where i.batch.id in :ids group by i.batch.id, i.status")
  List<Object[]> resultCounts(java.util.Collection<Long> ids);

  /** One page of a batch's payments, in file order, counted in SQL. */
  @Query(value = "select i from PaymentItem i where i.batch.id = :id order by i.seq",
      countQuery = "select count(i) from PaymentItem i where i.batch.id = :id")
  org.springframework.data.domain.Page<PaymentItem> items(long id, org.springframework.data.domain.Pageable page);

  /** Result imports of one batch run one after the other: the batch row is locked until commit. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select b from PaymentBatch b where b.id = :id")
  Optional<PaymentBatch> lockById(long id);

  @Query("select b from PaymentBatch b where b.orgPath like concat(:scope, '%') order by b.id desc")
  List<PaymentBatch> inScope(String scope);

  @Query(value = "select b from PaymentBatch b where b.orgPath like concat(:scope, '%') order by b.id desc",
      countQuery = "select count(b) from PaymentBatch b where b.orgPath like concat(:scope, '%')")
  org.springframework.data.domain.Page<PaymentBatch> inScope(String scope, org.springframework.data.domain.Pageable page);
}

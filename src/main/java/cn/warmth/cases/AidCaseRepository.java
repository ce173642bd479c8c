package cn.warmth.cases;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AidCaseRepository extends JpaRepository<AidCase, Long>,
    org.springframework.data.jpa.repository.JpaSpecificationExecutor<AidCase> {
  Optional<AidCase> findByCaseNumber(String caseNumber);

  List<AidCase> findByCaseNumberIn(java.util.Collection<String> caseNumbers);

  /** For changes that must not race (payments): the row is locked until commit. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from AidCase c where c.caseNumber = :caseNumber")
  Optional<AidCase> lockByCaseNumber(String caseNumber);

  boolean existsByDuplicateKey(String duplicateKey);

  /** Money + goods already given to the worker in the year, across all campaigns and units. */
  @Query("""
      select coalesce(sum(c.amountFen + c.goodsValueFen), 0) from AidCase c
      where c.workerId = :workerId and c.capYear = :year
        and c.status not in (cn.warmth.cases.CaseStatus.REJECTED, cn.warmth.cases.CaseStatus.VOIDED)""")
  long sumForWorkerInYear(long workerId, int year);

  @Query("""
      select c from AidCase c
      where c.orgPath like concat(:scope, '%') and c.paymentStatus = cn.warmth.cases.PaymentStatus.QUEUED
        and c.paymentMethod = cn.warmth.cases.PaymentMethod.BANK_CARD and c.status = cn.warmth.cases.CaseStatus.IN_PROGRESS
      order by c.id""")
  List<AidCase> queuedBankPayments(String scope);

  List<AidCase> findByProcessInstanceIdIn(java.util.Collection<String> processInstanceIds);

  /** The worker's cases of a year in a scope (for the sign-off panel), newest first. */
  @Query("""
      select c from AidCase c
      where c.workerId = :workerId and c.capYear = :year and c.orgPath like concat(:scope, '%')
      order by c.id desc""")
  List<AidCase> ofWorkerInYear(long workerId, int year, String scope);
}

package cn.warmth.funds;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FundRecordRepository extends JpaRepository<FundRecord, Long>,
    org.springframework.data.jpa.repository.JpaSpecificationExecutor<FundRecord> {
  @Query("""
      select f from FundRecord f where f.campaignCode = :campaign and f.orgPath like concat(:scope, '%')
      order by f.receivedOn desc, f.id desc""")
  List<FundRecord> inScope(String campaign, String scope);

  @Query(value = """
      select f from FundRecord f where f.campaignCode = :campaign and f.orgPath like concat(:scope, '%')
      order by f.receivedOn desc, f.id desc""",
      countQuery = "select count(f) from FundRecord f where f.campaignCode = :campaign and f.orgPath like concat(:scope, '%')")
  org.springframework.data.domain.Page<FundRecord> inScope(String campaign, String scope,
      org.springframework.data.domain.Pageable page);
}

package cn.warmth.reports;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CampaignReportRepository extends JpaRepository<CampaignReport, Long>,
    org.springframework.data.jpa.repository.JpaSpecificationExecutor<CampaignReport> {
  @Query("""
      select r from CampaignReport r where r.campaignCode = :campaign and r.orgPath like concat(:scope, '%')
      order by r.orgPath, r.id""")
  List<CampaignReport> inScope(String campaign, String scope);

  @Query(value = """
      select r from CampaignReport r where r.campaignCode = :campaign and r.orgPath like concat(:scope, '%')
      order by r.orgPath, r.id""",
      countQuery = "select count(r) from CampaignReport r where r.campaignCode = :campaign and r.orgPath like concat(:scope, '%')")
  org.springframework.data.domain.Page<CampaignReport> inScope(String campaign, String scope,
      org.springframework.data.domain.Pageable page);

  boolean existsByCampaignCodeAndOrgCodeAndStatusIn(String campaign, String org, java.util.Collection<ReportStatus> s);

  @Query("select distinct r.orgCode from CampaignReport r where r.campaignCode = :campaign and r.status <> cn.warmth.reports.ReportStatus.RETURNED")
  List<String> unitsWithLiveReport(String campaign);
}

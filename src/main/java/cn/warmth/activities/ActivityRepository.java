package cn.warmth.activities;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ActivityRepository extends JpaRepository<Activity, Long>,
    org.springframework.data.jpa.repository.JpaSpecificationExecutor<Activity> {
  @Query("""
      select a from Activity a where a.campaignCode = :campaign and a.orgPath like concat(:scope, '%')
      order by a.date desc, a.id desc""")
  List<Activity> inScope(String campaign, String scope);

  @Query(value = """
      select a from Activity a where a.campaignCode = :campaign and a.orgPath like concat(:scope, '%')
      order by a.date desc, a.id desc""",
      countQuery = "select count(a) from Activity a where a.campaignCode = :campaign and a.orgPath like concat(:scope, '%')")
  org.springframework.data.domain.Page<Activity> inScope(String campaign, String scope,
      org.springframework.data.domain.Pageable page);
}

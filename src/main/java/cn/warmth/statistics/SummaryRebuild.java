package cn.warmth.statistics;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-unit summary of a campaign rebuilt from its facts in one statement, as migration V6
 * seeded it and closing keeps it in step: for facts written in bulk (the load harness's generator,
 * benchmarks), never on the request path.
 */
@Component
public class SummaryRebuild {
  private final JdbcTemplate jdbc;

  SummaryRebuild(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public void rebuild(String campaign) {
    jdbc.update("delete from stat_summary where campaign_code = ?", campaign);
    jdbc.update("""
        insert into stat_summary (campaign_code, org_code, org_path, category, cases, total_fen, e1, e2, e3, e4, e5,
                                  nf_cases, nf_fen, dis_cases, dis_fen)
        select campaign_code, org_code, min(org_path), category, count(*), sum(amount_fen + goods_fen),
               sum(case when e1 then 1 else 0 end), sum(case when e2 then 1 else 0 end), sum(case when e3 then 1 else 0 end),
               sum(case when e4 then 1 else 0 end), sum(case when e5 then 1 else 0 end),
               sum(case when new_form then 1 else 0 end), sum(case when new_form then amount_fen + goods_fen else 0 end),
               sum(case when disabled then 1 else 0 end), sum(case when disabled then amount_fen + goods_fen else 0 end)
        from stat_case_fact where voided = false and campaign_code = ? group by campaign_code, org_code, category""",
        campaign);
  }
}

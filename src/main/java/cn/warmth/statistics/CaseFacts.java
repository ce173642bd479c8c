package cn.warmth.statistics;

import cn.warmth.cases.Assistance;
import cn.warmth.cases.CaseClosed;
import cn.warmth.cases.CaseVoided;
import java.sql.Date;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the statistics fact table in step with closed and voided cases. Runs synchronously in
 * the transaction that closed or voided the case, so a fact exists exactly when the case is
 * CLOSED; the statistics are SQL sums over this table.
 */
@Component
class CaseFacts {
  private final JdbcTemplate jdbc;

  CaseFacts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void closed(CaseClosed e) {
    jdbc.update("""
        insert into stat_case_fact (case_number, campaign_code, org_code, org_path, category, fund_source, amount_fen,
          goods_fen, e1, e2, e3, e4, e5, new_form, disabled, closed_on, voided)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)""",
        e.caseNumber(), e.campaignCode(), e.orgCode(), e.orgPath(), e.category().name(), e.fundSource().name(),
        e.amountFen(), e.goodsFen(), e.assistance().contains(Assistance.E1), e.assistance().contains(Assistance.E2),
        e.assistance().contains(Assistance.E3), e.assistance().contains(Assistance.E4),
        e.assistance().contains(Assistance.E5), e.newForm(), e.disabled(), Date.valueOf(e.closedOn()));
  }

  @EventListener
  void voided(CaseVoided e) {
    int n = jdbc.update("update stat_case_fact set voided = true where case_number = ? and voided = false", e.caseNumber());
    if (n != 1) {
      throw new IllegalStateException("no fact to void for " + e.caseNumber());
    }
  }
}

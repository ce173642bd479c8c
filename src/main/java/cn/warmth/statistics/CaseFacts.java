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
  private final SummaryRows summaryRows;

  CaseFacts(JdbcTemplate jdbc, SummaryRows summaryRows) {
    this.jdbc = jdbc;
    this.summaryRows = summaryRows;
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
    summaryRows.ensure(e.campaignCode(), e.orgCode(), e.orgPath(), e.category().name());
    long fen = e.amountFen() + e.goodsFen();
    add(e.campaignCode(), e.orgCode(), e.category().name(), 1, fen, e.assistance().contains(Assistance.E1),
        e.assistance().contains(Assistance.E2), e.assistance().contains(Assistance.E3),
        e.assistance().contains(Assistance.E4), e.assistance().contains(Assistance.E5), e.newForm(), e.disabled());
  }

  /** Adds (sign 1) or removes (sign -1) one case's figures; the UPDATE takes the row lock. */
  private void add(String campaign, String org, String category, int sign, long fen, boolean e1, boolean e2, boolean e3,
      boolean e4, boolean e5, boolean newForm, boolean disabled) {
    int n = jdbc.update("""
        update stat_summary set cases = cases + ?, total_fen = total_fen + ?, e1 = e1 + ?, e2 = e2 + ?, e3 = e3 + ?,
          e4 = e4 + ?, e5 = e5 + ?, nf_cases = nf_cases + ?, nf_fen = nf_fen + ?, dis_cases = dis_cases + ?, dis_fen = dis_fen + ?
        where campaign_code = ? and org_code = ? and category = ?""",
        sign, sign * fen, b(e1) * sign, b(e2) * sign, b(e3) * sign, b(e4) * sign, b(e5) * sign, b(newForm) * sign,
        newForm ? sign * fen : 0, b(disabled) * sign, disabled ? sign * fen : 0, campaign, org, category);
    if (n != 1) {
      throw new IllegalStateException("no summary row for " + campaign + "/" + org + "/" + category);
    }
  }

  private static int b(boolean v) {
    return v ? 1 : 0;
  }

  @EventListener
  void voided(CaseVoided e) {
    int n = jdbc.update("update stat_case_fact set voided = true where case_number = ? and voided = false", e.caseNumber());
    if (n != 1) {
      throw new IllegalStateException("no fact to void for " + e.caseNumber());
    }
    jdbc.query("select campaign_code, org_code, category, amount_fen + goods_fen, e1, e2, e3, e4, e5, new_form, disabled "
        + "from stat_case_fact where case_number = ?", rs -> {
          add(rs.getString(1), rs.getString(2), rs.getString(3), -1, rs.getLong(4), rs.getBoolean(5), rs.getBoolean(6),
              rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11));
        }, e.caseNumber());
  }
}

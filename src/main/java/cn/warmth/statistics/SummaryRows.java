package cn.warmth.statistics;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure a summary row exists, in its own short transaction: two units closing their first
 * case of a category at the same moment may both try to insert; the loser's insert fails here,
 * harmlessly, and both then add to the row under its row lock in their own transactions.
 */
@Component
class SummaryRows {
  private final JdbcTemplate jdbc;
  /** PostgreSQL: a failed statement aborts its transaction, so the insert must not fail there. */
  private final boolean postgres;

  SummaryRows(JdbcTemplate jdbc, javax.sql.DataSource dataSource) throws java.sql.SQLException {
    this.jdbc = jdbc;
    try (java.sql.Connection c = dataSource.getConnection()) {
      this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void ensure(String campaign, String orgCode, String orgPath, String category) {
    Integer n = jdbc.queryForObject("select count(*) from stat_summary where campaign_code = ? and org_code = ? and category = ?",
        Integer.class, campaign, orgCode, category);
    if (n != null && n == 0 && postgres) {
      // Two nodes (or two requests) closing the first case of a category at once: the loser's
      // insert does nothing instead of failing (issue 14).
      jdbc.update("insert into stat_summary (campaign_code, org_code, org_path, category) values (?, ?, ?, ?) "
          + "on conflict (campaign_code, org_code, category) do nothing", campaign, orgCode, orgPath, category);
    } else if (n != null && n == 0) {
      try {
        jdbc.update("insert into stat_summary (campaign_code, org_code, org_path, category) values (?, ?, ?, ?)",
            campaign, orgCode, orgPath, category);
      } catch (DataIntegrityViolationException alreadyThere) {
        // Someone else created it a moment ago: fine.
      }
    }
  }
}

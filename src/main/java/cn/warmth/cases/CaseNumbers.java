package cn.warmth.cases;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Case numbers a person can read aloud: {@code XA-2024-000123} — the city (or SX for units
 * directly under the province), the campaign's year, and a database sequence (race-free).
 */
@Component
class CaseNumbers {
  private final JdbcTemplate jdbc;
  private final String nextValueSql;

  CaseNumbers(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
    this.jdbc = jdbc;
    try (Connection c = dataSource.getConnection()) {
      boolean h2 = c.getMetaData().getDatabaseProductName().toUpperCase().contains("H2");
      this.nextValueSql = h2 ? "select next value for case_number_seq" : "select nextval('case_number_seq')";
    }
  }

  String next(String orgPath, int year) {
    String[] codes = orgPath.substring(1, orgPath.length() - 1).split("/");
    String prefix = codes.length < 2 ? codes[0] : codes[1].substring(codes[1].indexOf('-') + 1);
    Long n = jdbc.queryForObject(nextValueSql, Long.class);
    return String.format("%s-%d-%06d", prefix, year, n);
  }
}

package cn.warmth.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V25/V26 upgrade a database that already holds batches and a failed payment: profiles arrive,
 * old batches get the generic layout and, when their payments share one, their fund source.
 * Runs Flyway alone, without the application, on H2 and on PostgreSQL.
 */
abstract class BankMigrationContract {
  abstract DataSource dataSource();

  abstract String vendor();

  Flyway flyway(String target) {
    return Flyway.configure().dataSource(dataSource())
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor()).target(target).load();
  }

  @Test
  void upgradesADatabaseWithBatchesBuiltBeforeProfiles() {
    flyway("6").migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource());
    jdbc.update("""
        insert into worker (name, id_number_enc, id_number_hash, id_number_masked, gender, birth_date, org_code, org_path,
          employment_type, disabled, created_at, updated_at)
        values ('张三', 'x', 'h1', '610***********1234', 'MALE', date '1980-01-01', 'A', '/SX/A/', 'ESTABLISHED', false,
          current_timestamp, current_timestamp)""");
    long worker = jdbc.queryForObject("select id from worker where id_number_hash = 'h1'", Long.class);
    for (String[] c : List.of(new String[] {"A-2024-000001", "B3", "IN_BATCH"}, new String[] {"A-2024-000002", "B4", "IN_BATCH"},
        new String[] {"A-2024-000003", "B3", "FAILED"})) {
      jdbc.update("""
          insert into aid_case (case_number, campaign_code, org_code, org_path, worker_id, category, fund_source,
            payment_method, amount_fen, goods_value_fen, assistance, reason, over_cap, cap_year, status, payment_status,
            visit_planned_date, visit_location, visit_visitors, visit_status, opened_by, opened_at)
          values (?, 'CP', 'A', '/SX/A/', ?, 'C' || substring(?, 13, 1), ?, 'BANK_CARD', 10000, 0, '', '慰问', false, 2024,
            'IN_PROGRESS', ?, date '2024-01-10', '家中', '经办人', 'PLANNED', 'officer', current_timestamp)""",
          c[0], worker, c[0], c[1], c[2]);
    }
    jdbc.update("""
        insert into payment_batch (org_code, org_path, status, item_count, total_fen, created_by, created_at)
        values ('A', '/SX/A/', 'EXPORTED', 2, 20000, 'finance', current_timestamp),
               ('A', '/SX/A/', 'PARTLY_FAILED', 1, 10000, 'finance', current_timestamp)""");
    List<Long> batches = jdbc.queryForList("select id from payment_batch order by id", Long.class);
    jdbc.update("""
        insert into payment_item (batch_id, seq, case_number, worker_id, worker_name, amount_fen, status, open_case_number)
        values (?, 1, 'A-2024-000001', ?, '张三', 10000, 'PENDING', 'A-2024-000001'),
               (?, 2, 'A-2024-000002', ?, '张三', 10000, 'PENDING', 'A-2024-000002'),
               (?, 1, 'A-2024-000003', ?, '张三', 10000, 'FAILED', null)""",
        batches.get(0), worker, batches.get(0), worker, batches.get(1), worker);

    flyway("latest").migrate();

    Map<String, Object> mixed = jdbc.queryForMap("select * from payment_batch where id = ?", batches.get(0));
    Map<String, Object> single = jdbc.queryForMap("select * from payment_batch where id = ?", batches.get(1));
    assertThat(mixed.get("fund_source")).isNull();
    assertThat(single.get("fund_source")).isEqualTo("B3");
    assertThat(mixed.get("profile_code")).isEqualTo("GENERIC");
    assertThat(BankLayout.fromJson((String) single.get("layout"))).isEqualTo(BankLayout.generic());
    assertThat(jdbc.queryForList("select fund_source from payment_item order by id", String.class))
        .containsExactly("B3", "B4", "B3");
    assertThat(jdbc.queryForList("select code from bank_profile order by code", String.class))
        .containsExactly("GBK_PORTAL", "GENERIC");
    String gbk = jdbc.queryForObject("select layout from bank_profile where code = 'GBK_PORTAL'", String.class);
    BankLayout portal = BankLayout.fromJson(gbk);
    assertThat(portal.encoding()).isEqualTo(BankLayout.Encoding.GBK);
    assertThat(portal.statusOf("交易成功")).isEqualTo("SUCCESS");
    assertThat(portal.statusOf("失败")).isEqualTo("FAILED");
    assertThat(jdbc.queryForObject("select count(*) from aid_case where payment_failed_payee is null", Integer.class))
        .isEqualTo(3);
  }
}

package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The migrations of issue 9B upgrade a database that already holds data (here H2; PostgreSQL runs them in every *IT). */
class MigrationUpgradeTest {
  @Test
  void existingCampaignsBelongToTheRootAndUsersGetTheGuardColumn() {
    var ds = new DriverManagerDataSource("jdbc:h2:mem:upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2")
        .target("6").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    jdbc.update("insert into org_unit (code, name, type, path, created_at) values ('SX', '省', 'PROVINCE', '/SX/', now())");
    jdbc.update("""
        insert into org_unit (code, name, type, parent_id, path, created_at)
        values ('SX-XA', '市', 'CITY', (select id from org_unit where code = 'SX'), '/SX/SX-XA/', now())""");
    jdbc.update("""
        insert into campaign (code, name, start_date, end_date, report_deadline, created_at)
        values ('OLD', '旧活动', date '2024-01-01', date '2024-02-01', date '2024-02-24', now())""");
    jdbc.update("""
        insert into app_user (username, password_hash, display_name, org_id, failed_attempts, created_at)
        values ('old', '$2a$04$x', '老用户', (select id from org_unit where code = 'SX-XA'), 3, now())""");

    Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2").load()
        .migrate();

    assertThat(jdbc.queryForMap("select org_code, org_path from campaign where code = 'OLD'"))
        .containsEntry("ORG_CODE", "SX").containsEntry("ORG_PATH", "/SX/");
    assertThat(jdbc.queryForObject("select failed_attempts from app_user where username = 'old'", Integer.class))
        .isEqualTo(3);
    assertThat(jdbc.queryForObject("select count(*) from app_user where last_attempt_at is null", Integer.class))
        .isEqualTo(1);
  }
}

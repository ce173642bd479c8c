package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.warmth.support.PostgresTest;
import org.junit.jupiter.api.Test;

@PostgresTest
class FoundationApiPostgresIT extends FoundationApiContract {

  @Test
  void runsOnPostgres() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
  }

  @Test
  void auditLogRefusesUpdateAndDeleteOnPostgres() {
    createOrg(admin, p + "-C", "CITY", "SX");
    assertThatThrownBy(() -> jdbc.update("update audit_log set actor='x' where entity_id=?", p + "-C"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from audit_log where entity_id=?", p + "-C"))
        .hasMessageContaining("append-only");
  }
}

package cn.warmth.disbursement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class BankMigrationPostgresIT extends BankMigrationContract {
  static EmbeddedPostgres pg;

  @BeforeAll
  static void start() throws IOException {
    pg = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws IOException {
    pg.close();
  }

  @Override
  DataSource dataSource() {
    return pg.getPostgresDatabase();
  }

  @Override
  String vendor() {
    return "postgresql";
  }
}

package cn.warmth.disbursement;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

class BankMigrationTest extends BankMigrationContract {
  private final JdbcDataSource h2 = new JdbcDataSource();

  BankMigrationTest() {
    h2.setURL("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
  }

  @Override
  DataSource dataSource() {
    return h2;
  }

  @Override
  String vendor() {
    return "h2";
  }
}

package cn.warmth.registry;

import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;

class WorkerLast4MigrationTest extends WorkerLast4MigrationContract {
  @Override
  DataSource emptyDatabase() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:last4-migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }

  @Override
  String vendor() {
    return "h2";
  }

  @Override
  FluentConfiguration schema(FluentConfiguration config) {
    return config;
  }
}

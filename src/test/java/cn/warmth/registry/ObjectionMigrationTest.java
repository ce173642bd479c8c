package cn.warmth.registry;

import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;

class ObjectionMigrationTest extends ObjectionMigrationContract {
  @Override
  DataSource emptyDatabase() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:objection-migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
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

package cn.warmth.registry;

import cn.warmth.support.PostgresTest;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.annotation.Autowired;

/** On the test PostgreSQL server, in a schema of its own. */
@PostgresTest
class ObjectionMigrationPostgresIT extends ObjectionMigrationContract {
  @Autowired
  DataSource dataSource;
  final String schema = "objmig" + System.nanoTime();

  /** Its own connections (not the shared pool's), all working in the new schema. */
  @Override
  DataSource emptyDatabase() {
    org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
    ds.setURL(((com.zaxxer.hikari.HikariDataSource) dataSource).getJdbcUrl());
    ds.setUser("postgres");
    ds.setPassword("postgres");
    ds.setCurrentSchema(schema);
    return ds;
  }

  @Override
  String vendor() {
    return "postgresql";
  }

  @Override
  FluentConfiguration schema(FluentConfiguration config) {
    return config.schemas(schema).defaultSchema(schema).createSchemas(true);
  }
}

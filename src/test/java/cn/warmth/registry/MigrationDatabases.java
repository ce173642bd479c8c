package cn.warmth.registry;

import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;

/** Empty databases for the migration contracts: a fresh H2 in memory, or a new schema on the test PostgreSQL. */
final class MigrationDatabases {
  private MigrationDatabases() {}

  static DataSource h2(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }

  /** Its own connections (not the shared pool's), all working in {@code schema}. */
  static DataSource postgres(DataSource pool, String schema) {
    org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
    ds.setURL(((com.zaxxer.hikari.HikariDataSource) pool).getJdbcUrl());
    ds.setUser("postgres");
    ds.setPassword("postgres");
    ds.setCurrentSchema(schema);
    return ds;
  }

  /** Flyway working in {@code schema}, created if missing. */
  static FluentConfiguration inSchema(FluentConfiguration config, String schema) {
    return config.schemas(schema).defaultSchema(schema).createSchemas(true);
  }
}

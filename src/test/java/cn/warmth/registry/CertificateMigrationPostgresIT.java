package cn.warmth.registry;

import cn.warmth.support.PostgresTest;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.annotation.Autowired;

/** On the test PostgreSQL server, in a schema of its own. */
@PostgresTest
class CertificateMigrationPostgresIT extends CertificateMigrationContract {
  @Autowired
  DataSource dataSource;
  final String schema = "certmig" + System.nanoTime();

  @Override
  DataSource emptyDatabase() {
    return MigrationDatabases.postgres(dataSource, schema);
  }

  @Override
  String vendor() {
    return "postgresql";
  }

  @Override
  FluentConfiguration schema(FluentConfiguration config) {
    return MigrationDatabases.inSchema(config, schema);
  }
}

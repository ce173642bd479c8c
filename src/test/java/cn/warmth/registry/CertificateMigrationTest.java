package cn.warmth.registry;

import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;

class CertificateMigrationTest extends CertificateMigrationContract {
  @Override
  DataSource emptyDatabase() {
    return MigrationDatabases.h2("cert-migration");
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

package cn.warmth.registry;

import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;

class ObjectionMigrationTest extends ObjectionMigrationContract {
  @Override
  DataSource emptyDatabase() {
    return MigrationDatabases.h2("objection-migration");
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

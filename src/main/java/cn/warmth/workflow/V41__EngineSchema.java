package cn.warmth.workflow;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * The engine's tables through Flyway (issue 14): created on a new database, kept on one made
 * by the previous version (whose engine created them itself at start-up), upgraded on an older
 * one. Spring Boot hands every {@code JavaMigration} bean to Flyway; a later engine version gets
 * its own migration calling {@link EngineSchema#bringUpToDate} again.
 */
@Component
class V41__EngineSchema extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    EngineSchema.bringUpToDate(context.getConnection());
  }
}

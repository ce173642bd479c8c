package cn.warmth.registry;

import cn.warmth.support.PackagedJar;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** Key rotation with the {@code postgres} profile on a PostgreSQL server of its own. */
class KeyRotationPostgresIT extends KeyRotationContract {
  private final int pgPort = PackagedJar.freePort();
  private EmbeddedPostgres pg;

  @Override
  void beforeStart() {
    try {
      pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).setPort(pgPort).start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  @AfterAll
  void stopPostgres() throws IOException {
    stop();
    if (pg != null) {
      pg.close();
    }
  }

  @Override
  List<String> databaseArgs() {
    return List.of("--spring.profiles.active=postgres");
  }

  @Override
  Map<String, String> databaseEnv() {
    return Map.of("WARMTH_DB_URL", "jdbc:postgresql://localhost:" + pgPort + "/postgres", "WARMTH_DB_USER", "postgres",
        "WARMTH_DB_PASSWORD", "postgres");
  }

  @Override
  Connection connect() throws Exception {
    return pg.getPostgresDatabase().getConnection();
  }
}

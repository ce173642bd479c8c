package cn.warmth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Outside the demo, an empty database without an admin password refuses to start. */
class BootstrapTest {
  @Test
  void refusesToStartWithoutAdminPassword() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(WarmthApplication.class)
        .run("--spring.datasource.url=jdbc:h2:mem:bootstrap-refusal;DB_CLOSE_DELAY=-1", "--server.port=0",
            "--app.bootstrap.admin-password=", "--camunda.bpm.job-execution.enabled=false",
            "--spring.main.banner-mode=off", "--camunda.bpm.process-engine-name=bootstrap-refusal")
        .close())
        .hasStackTraceContaining("app.bootstrap.admin-password");
  }
}

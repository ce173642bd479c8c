package cn.warmth.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for "today": Beijing time, whatever the server's zone. Tests replace it. */
@Configuration
class ClockConfig {
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.system(CHINA);
  }
}

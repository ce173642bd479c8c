package cn.warmth.support;

import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {
  @Bean
  @Primary
  MutableClock clock() {
    return new MutableClock(Instant.now(), ZoneId.of("Asia/Shanghai"));
  }
}

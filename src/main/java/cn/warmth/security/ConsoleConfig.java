package cn.warmth.security;

import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers Camunda's container-based authentication behind Spring Security for /camunda/*. */
@Configuration
class ConsoleConfig {
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> consoleAuthenticationFilter() {
    var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(Map.of("authentication-provider", ConsoleAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/camunda/*");
    // After Spring Security's chain, so that the signed-in user is known.
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}

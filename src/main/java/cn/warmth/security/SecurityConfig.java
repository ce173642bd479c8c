package cn.warmth.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * Four filter chains, most specific first:
 * the API (HTTP Basic, stateless, no CSRF, problem+json), the engine's REST API (ADMIN only),
 * Camunda's console (ADMIN only, signed in through the application's own form login), and the
 * pages (form login, session, CSRF, CSP).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
      + "form-action 'self'; frame-ancestors 'none'";

  /**
   * BCrypt; the work factor is a setting so that tests (which sign in on every request) stay fast.
   * BCrypt reads at most 72 bytes and Spring's implementation throws beyond that: a longer password
   * presented at sign-in is simply wrong (no 500); setting one is refused earlier by the policy.
   */
  @Bean
  PasswordEncoder passwordEncoder(@org.springframework.beans.factory.annotation.Value("${app.security.bcrypt-strength:10}") int strength) {
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(strength);
    return new PasswordEncoder() {
      @Override
      public String encode(CharSequence raw) {
        return bcrypt.encode(raw);
      }

      @Override
      public boolean matches(CharSequence raw, String encoded) {
        return raw != null && raw.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 72
            && bcrypt.matches(raw, encoded);
      }

      @Override
      public boolean upgradeEncoding(String encoded) {
        return bcrypt.upgradeEncoding(encoded);
      }
    };
  }

  /**
   * A path the firewall refuses (an encoded slash, "..", a semicolon) is a 400 through the
   * error path, so that the API answers problem+json and pages the error page, never a 500.
   */
  @Bean
  org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
    return new org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(problems))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain engineRest(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
    // The engine's own REST API would otherwise be open to anyone: ADMIN only.
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
        .authorizeHttpRequests(a -> a.anyRequest().hasRole("ADMIN"))
        .httpBasic(b -> b.authenticationEntryPoint(problems))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain camundaConsole(HttpSecurity http) throws Exception {
    // The console brings its own CSRF protection and CSP for its API; ours would break it.
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
        .authorizeHttpRequests(a -> a.anyRequest().hasRole("ADMIN"))
        .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
        .csrf(c -> c.ignoringRequestMatchers("/camunda/api/**"))
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    var failure = new ExceptionMappingAuthenticationFailureHandler();
    failure.setDefaultFailureUrl("/login?error");
    failure.setExceptionMappings(java.util.Map.of(LockedException.class.getName(), "/login?locked"));
    return http
        .authorizeHttpRequests(a -> a
            .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
                "/v3/api-docs", "/v3/api-docs/**")
            .permitAll()
            .requestMatchers("/admin/**", "/swagger-ui/**", "/swagger-ui.html").hasRole("ADMIN")
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failure).permitAll())
        .logout(l -> l.logoutSuccessUrl("/login?logout"))
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        .headers(h -> h
            .contentSecurityPolicy(c -> c.policyDirectives(CSP))
            .frameOptions(f -> f.deny())
            .referrerPolicy(r -> r.policy(
                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }
}

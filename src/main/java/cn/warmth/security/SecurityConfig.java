package cn.warmth.security;

import cn.warmth.shared.DatabaseTrouble;
import cn.warmth.shared.WarmthUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * Filter chains, most specific first:
 * the API (personal API tokens as Bearer, or HTTP Basic; stateless, no CSRF, problem+json), the engine's REST API path (404 for
 * everyone: not served), Camunda's console (root ADMINs only, read-mostly, signed in through the
 * application's own form login), and the pages (form login, session, CSRF, CSP).
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

  /**
   * Health and metrics (issue 14) are served only on the management port (loopback by default,
   * never behind nginx): open there to the monitoring agent and the load balancer's probe. On the
   * users' port nothing answers under /actuator (404).
   */
  @Bean
  @Order(0)
  @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
  SecurityFilterChain actuator(HttpSecurity http) throws Exception {
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .build();
  }

  @Bean
  @Order(1)
  @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
  SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems, ApiTokens tokens) throws Exception {
    // Personal API tokens (Bearer) first: no password hash and no sign-in guard write per request;
    // HTTP Basic stays for compatibility.
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .addFilterBefore(new ApiTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
        .httpBasic(b -> b.authenticationEntryPoint(problems))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  @Bean
  @Order(2)
  @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
  SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
    // The engine's REST API is not part of the product (its deployment endpoint runs code):
    // the starter is gone, and should anything serve the path again it still answers 404.
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
        .authorizeHttpRequests(a -> a.anyRequest().denyAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) -> res.sendError(HttpServletResponse.SC_NOT_FOUND))
            .accessDeniedHandler((req, res, ex) -> res.sendError(HttpServletResponse.SC_NOT_FOUND)))
        .build();
  }

  @Bean
  @Order(3)
  @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
  SecurityFilterChain camundaConsole(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
    // Root ADMINs only, read-mostly (ConsoleGuard). The console brings its own CSRF protection
    // and CSP for its API; ours would break it.
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
        .authorizeHttpRequests(a -> a.anyRequest().access((auth, ctx) -> new AuthorizationDecision(consoleAllows(auth.get(), ctx.getRequest()))))
        .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
            .accessDeniedHandler(problems::consoleDenied))
        .csrf(c -> c.ignoringRequestMatchers("/camunda/api/**"))
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }

  private static boolean consoleAllows(Authentication auth, HttpServletRequest request) {
    if (auth == null || !(auth.getPrincipal() instanceof WarmthUser user) || !ConsoleGuard.isRootAdmin(user)) {
      return false;
    }
    if (request.getHeader("X-HTTP-Method-Override") != null || request.getHeader("X-HTTP-Method") != null
        || request.getHeader("X-Method-Override") != null) {
      return false;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return ConsoleGuard.allows(request.getMethod(), path);
  }

  @Bean
  @Order(4)
  @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
  SecurityFilterChain apiDocs(HttpSecurity http, ProblemSecurityHandlers problems, ApiTokens tokens) throws Exception {
    // The API description and Swagger UI: any signed-in user (a page session, a token or HTTP Basic), nobody else.
    var swaggerPages = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
    return http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .addFilterBefore(new ApiTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
        .httpBasic(b -> b.authenticationEntryPoint(problems))
        .exceptionHandling(e -> e
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), swaggerPages)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"))
            .defaultAuthenticationEntryPointFor(problems, request -> true)
            .accessDeniedHandler(problems))
        .csrf(c -> c.disable()) // reads only
        .build();
  }

  @Bean
  @Order(5)
  @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    var failure = new ExceptionMappingAuthenticationFailureHandler();
    failure.setDefaultFailureUrl("/login?error");
    failure.setExceptionMappings(java.util.Map.of(LockedException.class.getName(), "/login?locked"));
    return http
        .authorizeHttpRequests(a -> a
            .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error")
            .permitAll()
            .requestMatchers("/admin/**").hasRole("ADMIN")
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler((req, res, ex) -> {
          if (DatabaseTrouble.isUnavailable(ex)) {
            // The database is down: the 503 page, not "wrong password".
            res.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
          } else {
            failure.onAuthenticationFailure(req, res, ex);
          }
        }).permitAll())
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

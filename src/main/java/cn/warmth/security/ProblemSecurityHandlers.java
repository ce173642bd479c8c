package cn.warmth.security;

import cn.warmth.shared.ApiExceptionHandler;
import cn.warmth.shared.DatabaseTrouble;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** 401 and 403 for API callers, as problem+json like every other refusal. */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemSecurityHandlers.class);
  private final ObjectMapper json;
  private final MessageSource messages;

  private final LocaleResolver locales;

  ProblemSecurityHandlers(ObjectMapper json, MessageSource messages, LocaleResolver locales) {
    this.json = json;
    this.messages = messages;
    this.locales = locales;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (DatabaseTrouble.isUnavailable(e)) {
      // The user could not be looked up: not a wrong password, and not counted as one.
      write(response, ApiExceptionHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
          messages.getMessage("error.SERVICE_UNAVAILABLE", null, locales.resolveLocale(request))));
      return;
    }
    if (e instanceof org.springframework.security.authentication.InternalAuthenticationServiceException) {
      log.warn("sign-in failed for an internal reason: {}", chain(e));
    }
    String code = e instanceof LockedException ? "ACCOUNT_LOCKED" : "UNAUTHENTICATED";
    response.setHeader("WWW-Authenticate", "Basic realm=\"warmth\"");
    write(response, ApiExceptionHandler.problem(HttpStatus.UNAUTHORIZED, code,
        messages.getMessage("error." + code, null, locales.resolveLocale(request))));
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(response, ApiExceptionHandler.problem(HttpStatus.FORBIDDEN, "ROLE_NOT_ALLOWED",
        messages.getMessage("error.roleNotAllowed", null, locales.resolveLocale(request))));
  }

  /**
   * A console request refused by {@link ConsoleGuard}: its internal API answers problem+json
   * (CONSOLE_READ_ONLY for a root ADMIN asking to change something, ROLE_NOT_ALLOWED for anyone
   * else), its pages the 403 page.
   */
  void consoleDenied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/camunda/api/")) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    boolean rootAdmin = cn.warmth.shared.CurrentUser.find().map(ConsoleGuard::isRootAdmin).orElse(false);
    String key = rootAdmin ? "error.CONSOLE_READ_ONLY" : "error.roleNotAllowed";
    write(response, ApiExceptionHandler.problem(HttpStatus.FORBIDDEN, rootAdmin ? "CONSOLE_READ_ONLY" : "ROLE_NOT_ALLOWED",
        messages.getMessage(key, null, locales.resolveLocale(request))));
  }

  private static String chain(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null && b.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
      b.append(t.getClass().getName()).append(t instanceof java.sql.SQLException sql ? "(" + sql.getSQLState() + ")" : "")
          .append(" <- ");
    }
    return b.toString();
  }

  private void write(HttpServletResponse response, ProblemDetail pd) throws IOException {
    response.setStatus(pd.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), pd);
  }
}

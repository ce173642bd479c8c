package cn.warmth.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers a refusal outside the controllers (filters, resolvers): problem+json for API callers
 * and scripts, the translated error page (by status) for browsers asking for HTML.
 */
@Component
public class ProblemWriter {
  private final ObjectMapper json;
  private final MessageSource messages;
  private final LocaleResolver locales;

  ProblemWriter(ObjectMapper json, MessageSource messages, LocaleResolver locales) {
    this.json = json;
    this.messages = messages;
    this.locales = locales;
  }

  /** Whether the caller wants a page rather than problem+json. */
  public static boolean wantsPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String accept = request.getHeader("Accept");
    return !path.startsWith("/api/") && accept != null && accept.contains("text/html");
  }

  public void write(HttpServletRequest request, HttpServletResponse response, BusinessException e) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    if (wantsPage(request)) {
      response.sendError(e.status().value());
      return;
    }
    Locale locale = locales.resolveLocale(request);
    ProblemDetail pd = ApiExceptionHandler.problem(e.status(), e.code(),
        messages.getMessage(e.messageKey(), e.args(), e.code(), locale));
    response.resetBuffer();
    response.setStatus(e.status().value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), pd);
  }

  /** 503 SERVICE_UNAVAILABLE: the database cannot be reached. */
  public static BusinessException unavailable() {
    return new BusinessException(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", "error.SERVICE_UNAVAILABLE",
        null, null);
  }
}

package cn.warmth.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * 503 for a database that cannot be reached before any controller runs (issue 14): with sessions
 * in the database (Spring Session JDBC), loading a signed-in user's session is the request's first
 * database access, made by the session filter outside Spring MVC and Spring Security's handlers,
 * so without this filter a stopped database would answer 500. Placed around the session filter
 * (which runs at {@code HIGHEST_PRECEDENCE + 50}), inside {@link RequestIds}: problem+json
 * {@code SERVICE_UNAVAILABLE} for the API, a plain page with the error page's text for pages
 * (the error page itself would need the session again). Anything else passes through untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseDownAnswer extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(DatabaseDownAnswer.class);
  private final ProblemWriter problems;
  private final MessageSource messages;
  private final LocaleResolver locales;

  DatabaseDownAnswer(ProblemWriter problems, MessageSource messages, LocaleResolver locales) {
    this.problems = problems;
    this.messages = messages;
    this.locales = locales;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseTrouble.isUnavailable(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("database unavailable before the handler: {} {} -> 503", request.getMethod(), request.getRequestURI());
      String id = response.getHeader(RequestIds.HEADER);
      response.reset();
      if (id != null) {
        response.setHeader(RequestIds.HEADER, id);
      }
      if (ProblemWriter.wantsPage(request)) {
        page(request, response);
      } else {
        problems.write(request, response, ProblemWriter.unavailable());
      }
    }
  }

  private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Locale locale = locales.resolveLocale(request);
    String text = HtmlUtils.htmlEscape(messages.getMessage("error.page.503", null, "Service unavailable", locale));
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Retry-After", "10");
    byte[] body = ("<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\"><title>503"
        + "</title></head><body><h1>503</h1><p>" + text + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
    response.getOutputStream().write(body);
  }
}

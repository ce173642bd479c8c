package cn.warmth.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures that are not about the request's content, for the API and the pages alike, before
 * any controller advice: a body over its limit (413, also when Spring's multipart limit or
 * {@link UploadLimits} stops it mid-read) and a database that cannot be reached (503, never a
 * 401 or 500). Everything else goes on to the usual handlers (pages' refusals: {@link PageExceptionHandler}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InfrastructureExceptions implements HandlerExceptionResolver {
  private static final Logger log = LoggerFactory.getLogger(InfrastructureExceptions.class);
  private final ProblemWriter problems;
  private final UploadLimits limits;

  InfrastructureExceptions(ProblemWriter problems, UploadLimits limits) {
    this.problems = problems;
    this.limits = limits;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception e) {
    BusinessException answer = null;
    if (isTooLarge(e)) {
      answer = BusinessException.tooLarge(limits.limitFor(request.getRequestURI().substring(request.getContextPath().length())));
    } else if (DatabaseTrouble.isUnavailable(e)) {
      log.warn("database unavailable: {} {} -> 503 ({})", request.getMethod(), request.getRequestURI(), rootMessage(e));
      answer = ProblemWriter.unavailable();
    }
    if (answer == null) {
      return null;
    }
    if (ProblemWriter.wantsPage(request)) {
      response.setStatus(answer.status().value());
      return new ModelAndView("error", Map.of("status", answer.status().value()), answer.status());
    }
    try {
      problems.write(request, response, answer);
    } catch (IOException io) {
      log.debug("could not write the answer", io);
    }
    return new ModelAndView();
  }

  private static boolean isTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof MaxUploadSizeExceededException || t instanceof UploadLimits.TooLarge) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName();
  }
}

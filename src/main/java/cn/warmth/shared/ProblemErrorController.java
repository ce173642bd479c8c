package cn.warmth.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that reaches the servlet container's error path (unknown paths, 405 and 415
 * found before any controller, paths Tomcat or the firewall refuse such as an encoded slash,
 * anything unexpected): problem+json for {@code /api/**}, the error page for everything else.
 * Replaces Spring Boot's BasicErrorController. To add a status, add its code to {@link #CODES}.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {
  /** The problem+json {@code code} for each status that can arrive here without one. */
  static final Map<Integer, String> CODES = Map.ofEntries(
      Map.entry(400, "VALIDATION_FAILED"), Map.entry(401, "UNAUTHENTICATED"), Map.entry(403, "ROLE_NOT_ALLOWED"),
      Map.entry(404, "NOT_FOUND"), Map.entry(405, "METHOD_NOT_ALLOWED"), Map.entry(406, "NOT_ACCEPTABLE"),
      Map.entry(408, "REQUEST_TIMEOUT"), Map.entry(413, "PAYLOAD_TOO_LARGE"), Map.entry(414, "URI_TOO_LONG"),
      Map.entry(415, "UNSUPPORTED_MEDIA_TYPE"), Map.entry(431, "HEADERS_TOO_LARGE"),
      Map.entry(503, "SERVICE_UNAVAILABLE"));
  private final MessageSource messages;

  ProblemErrorController(MessageSource messages) {
    this.messages = messages;
  }

  @RequestMapping
  Object error(HttpServletRequest request) {
    int status = status(request);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();
    if (path != null && (path.startsWith("/api/") || path.equals("/api"))) {
      return problem(status, path);
    }
    ModelAndView page = new ModelAndView("error", Map.of("status", status), HttpStatus.valueOf(status));
    return page;
  }

  private ResponseEntity<ProblemDetail> problem(int status, String path) {
    HttpStatus http = HttpStatus.valueOf(status);
    String code = CODES.getOrDefault(status, status >= 500 ? "INTERNAL_ERROR" : "REQUEST_REFUSED");
    var locale = LocaleContextHolder.getLocale();
    String detail = messages.getMessage("error." + code, null, http.getReasonPhrase(), locale);
    ProblemDetail pd = ApiExceptionHandler.problem(http, code, detail);
    try {
      pd.setInstance(java.net.URI.create(path)); // the request URI as sent (already encoded)
    } catch (IllegalArgumentException notAUri) {
      // A path Tomcat accepted but java.net.URI does not: answer without an instance.
    }
    if (status == 400) {
      pd.setProperty("errors", List.of(Map.of("field", "request", "code", "MALFORMED", "message",
          messages.getMessage("error.MALFORMED_REQUEST", null, "malformed request", locale))));
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
  }

  private static int status(HttpServletRequest request) {
    // A refusal a page controller did not catch (an unknown or out-of-scope record): its own status.
    for (Object e = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION); e instanceof Throwable t;
        e = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BusinessException b) {
        return b.status().value();
      }
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    return HttpStatus.resolve(status) == null || status < 400 ? 500 : status;
  }
}

package cn.warmth.shared;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns every refusal of the API into application/problem+json (RFC 9457) with a machine
 * {@code code}, and {@code errors: [{field, code, message}]} for invalid fields.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private final MessageSource messages;

  public ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(BusinessException.class)
  ResponseEntity<ProblemDetail> business(BusinessException e) {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail pd = problem(e.status(), e.code(), messages.getMessage(e.messageKey(), e.args(), e.code(), locale));
    if (!e.errors().isEmpty()) {
      pd.setProperty("errors", fieldErrors(e.errors(), locale));
    }
    if (e.errorsNotListed() > 0) {
      pd.setProperty("errorsNotListed", e.errorsNotListed());
      pd.setDetail(pd.getDetail() + " " + messages.getMessage("error.errorsNotListed",
          new Object[] {BusinessException.MAX_LISTED, e.errorsNotListed()}, locale));
    }
    return respond(pd);
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
      MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
      HttpMediaTypeNotSupportedException.class})
  ResponseEntity<ProblemDetail> malformed(Exception e) {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
        messages.getMessage("error.MALFORMED_REQUEST", null, "malformed request", locale));
    pd.setProperty("errors", List.of(Map.of("field", "body", "code", "MALFORMED",
        "message", messages.getMessage("error.MALFORMED_REQUEST", null, "malformed request", locale))));
    return respond(pd);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", e.getMessage()));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
    return respond(problem(HttpStatus.FORBIDDEN, "ROLE_NOT_ALLOWED",
        messages.getMessage("error.roleNotAllowed", null, LocaleContextHolder.getLocale())));
  }

  /**
   * Two people acting on the same thing at once: the loser's transaction is rolled back by a
   * version check (JPA), a lock conflict (database) or the engine's own optimistic lock.
   */
  @ExceptionHandler({org.springframework.dao.ConcurrencyFailureException.class,
      org.camunda.bpm.engine.OptimisticLockingException.class,
      org.springframework.orm.ObjectOptimisticLockingFailureException.class,
      jakarta.persistence.OptimisticLockException.class})
  ResponseEntity<ProblemDetail> concurrent(Exception e) {
    return respond(problem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE",
        messages.getMessage("error.CONCURRENT_CHANGE", null, LocaleContextHolder.getLocale())));
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
    // A unique index caught what a check-then-insert race let through.
    log.info("integrity violation: {}", e.getMostSpecificCause().getClass().getSimpleName());
    return respond(problem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE",
        messages.getMessage("error.CONCURRENT_CHANGE", null, LocaleContextHolder.getLocale())));
  }

  private List<Map<String, Object>> fieldErrors(List<FieldProblem> errors, Locale locale) {
    return errors.stream().map(f -> {
      var m = new java.util.LinkedHashMap<String, Object>();
      if (f.row() != null) {
        m.put("row", f.row());
      }
      m.put("field", f.field());
      m.put("code", f.code());
      m.put("message", messages.getMessage(f.messageKey(), f.args(), f.code(), locale));
      return (Map<String, Object>) m;
    }).toList();
  }

  public static ProblemDetail problem(HttpStatus status, String code, String detail) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
    pd.setTitle(status.getReasonPhrase());
    pd.setProperty("code", code);
    return pd;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail pd) {
    return ResponseEntity.status(pd.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
  }
}

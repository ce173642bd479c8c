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
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
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

  /** A body that is not JSON, or a field of the wrong type: 400 naming the field where Jackson knows it. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
      return fieldRefused(path(m.getPath()), codeFor(m));
    }
    return malformed("body");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    boolean integer = type != null && (type == Long.class || type == long.class || type == Integer.class
        || type == int.class);
    return fieldRefused(e.getName(), integer ? "INVALID_INTEGER" : type == java.time.LocalDate.class ? "INVALID_DATE"
        : "INVALID_VALUE");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
    return fieldRefused(e.getParameterName(), "REQUIRED");
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
    return fieldRefused(e.getRequestPartName(), "REQUIRED");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
        messages.getMessage("error.UNSUPPORTED_MEDIA_TYPE", null, LocaleContextHolder.getLocale())));
  }

  @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(Exception e) {
    return respond(problem(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
        messages.getMessage("error.NOT_ACCEPTABLE", null, LocaleContextHolder.getLocale())));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
        messages.getMessage("error.METHOD_NOT_ALLOWED", null, LocaleContextHolder.getLocale())));
  }

  private ResponseEntity<ProblemDetail> malformed(String field) {
    return fieldRefused(field, "MALFORMED");
  }

  private ResponseEntity<ProblemDetail> fieldRefused(String field, String code) {
    Locale locale = LocaleContextHolder.getLocale();
    String key = "MALFORMED".equals(code) ? "error.MALFORMED_REQUEST" : "error." + code;
    ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
        messages.getMessage("MALFORMED".equals(code) ? "error.MALFORMED_REQUEST" : "error.VALIDATION_FAILED", null,
            "malformed request", locale));
    pd.setProperty("errors", List.of(Map.of("field", field, "code", code,
        "message", messages.getMessage(key, null, code, locale))));
    return respond(pd);
  }

  /** "visit.plannedDate", "assistance[1]": the JSON path as the API's field names. */
  private static String path(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (var r : refs) {
      if (r.getFieldName() != null) {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.isEmpty() ? "body" : b.toString();
  }

  private static String codeFor(com.fasterxml.jackson.databind.JsonMappingException m) {
    if (m instanceof JsonStrictness.InvalidText) {
      return "INVALID_TEXT";
    }
    if (m instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi && mi.getTargetType() != null) {
      Class<?> t = mi.getTargetType();
      if (t == Long.class || t == long.class || t == Integer.class || t == int.class || t == Short.class
          || t == java.math.BigInteger.class) {
        return "INVALID_INTEGER";
      }
      if (t == Boolean.class || t == boolean.class) {
        return "INVALID_BOOLEAN";
      }
      if (t == String.class) {
        return "INVALID_TEXT";
      }
      if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) {
        return "INVALID_LIST";
      }
    }
    return "INVALID_VALUE";
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
    // Which lock lost tells an operator whether people or the engine's own jobs collide.
    // (Messages name entities and ids, never personal data.)
    String detail = String.valueOf(e.getMessage());
    log.info("concurrent change: {}: {}", e.getClass().getSimpleName(), detail.substring(0, Math.min(200, detail.length())));
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

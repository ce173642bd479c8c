package cn.warmth.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal that the caller can act on. It becomes an application/problem+json answer with
 * its {@code code} in the API, and a translated message in the pages. Throwing it rolls the
 * transaction back, so nothing is half-saved.
 */
public class BusinessException extends RuntimeException {
  private final HttpStatus status;
  private final String code;
  private final String messageKey;
  private final transient Object[] args;
  private final transient List<FieldProblem> errors;

  public BusinessException(HttpStatus status, String code, String messageKey, Object[] args, List<FieldProblem> errors) {
    super(code);
    this.status = status;
    this.code = code;
    this.messageKey = messageKey;
    this.args = args == null ? new Object[0] : args;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static BusinessException validation(List<FieldProblem> errors) {
    return new BusinessException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "error.VALIDATION_FAILED", null, errors);
  }

  public static BusinessException validation(FieldProblem error) {
    return validation(List.of(error));
  }

  public static BusinessException notFound() {
    return new BusinessException(HttpStatus.NOT_FOUND, "NOT_FOUND", "error.NOT_FOUND", null, null);
  }

  public static BusinessException conflict(String code, Object... args) {
    return new BusinessException(HttpStatus.CONFLICT, code, "error." + code, args, null);
  }

  public static BusinessException rule(String code, Object... args) {
    return new BusinessException(HttpStatus.UNPROCESSABLE_ENTITY, code, "error." + code, args, null);
  }

  public static BusinessException forbidden(String code, String messageKey) {
    return new BusinessException(HttpStatus.FORBIDDEN, code, messageKey, null, null);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args;
  }

  public List<FieldProblem> errors() {
    return errors;
  }
}

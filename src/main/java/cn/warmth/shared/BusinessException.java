package cn.warmth.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal that the caller can act on. It becomes an application/problem+json answer with
 * its {@code code} in the API, and a translated message in the pages. Throwing it rolls the
 * transaction back, so nothing is half-saved.
 */
public class BusinessException extends RuntimeException {
  /** No answer lists more field problems than this; it says how many more there were. */
  public static final int MAX_LISTED = 500;
  private final HttpStatus status;
  private final String code;
  private final String messageKey;
  private final transient Object[] args;
  private final transient List<FieldProblem> errors;
  private final int errorsNotListed;

  public BusinessException(HttpStatus status, String code, String messageKey, Object[] args, List<FieldProblem> errors) {
    this(status, code, messageKey, args, errors, 0);
  }

  /**
   * For a caller that stopped collecting problems early: {@code alreadyDropped} more were found
   * but not kept; they are counted in {@link #errorsNotListed()} with any beyond the limit here.
   */
  protected BusinessException(HttpStatus status, String code, String messageKey, Object[] args,
      List<FieldProblem> errors, int alreadyDropped) {
    super(code);
    this.status = status;
    this.code = code;
    this.messageKey = messageKey;
    this.args = args == null ? new Object[0] : args;
    List<FieldProblem> all = errors == null ? List.of() : errors;
    this.errors = List.copyOf(all.size() > MAX_LISTED ? all.subList(0, MAX_LISTED) : all);
    this.errorsNotListed = all.size() - this.errors.size() + Math.max(0, alreadyDropped);
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

  /** 413: an upload or body over its limit (in bytes). */
  public static BusinessException tooLarge(long maxBytes) {
    return new BusinessException(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "error.PAYLOAD_TOO_LARGE_LIMIT",
        new Object[] {Math.max(1, maxBytes / (1024 * 1024))}, null);
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

  /** At most {@link #MAX_LISTED} field problems. */
  public List<FieldProblem> errors() {
    return errors;
  }

  /** How many field problems there were beyond those listed. */
  public int errorsNotListed() {
    return errorsNotListed;
  }
}

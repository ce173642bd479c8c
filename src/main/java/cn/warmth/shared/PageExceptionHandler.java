package cn.warmth.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals on the pages, as the error page in the application's layout with the refusal's status
 * (the API's counterpart is {@link ApiExceptionHandler}, which comes first for
 * {@code @RestController}s):
 * <ul>
 *   <li>an unknown or out-of-scope record — including a path whose id cannot be one, such as
 *       {@code /hardship-files/x} — is 404 "找不到…", never telling which;</li>
 *   <li>a bad parameter ({@code ?week=bad}, {@code ?workerId=abc}, a status that is no status, a
 *       page out of range) is 400 with the reason, per parameter;</li>
 *   <li>a role that may not is 403; someone else acting first is 409 "已被他人处理".</li>
 * </ul>
 * None of these is logged with a stack trace: they are answers, not failures. Forms that catch
 * their own refusals re-render themselves with the status ({@link FormErrors}).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);
  private final MessageSource messages;

  PageExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(BusinessException.class)
  ModelAndView business(BusinessException e, HandlerMethod handler) {
    pageOnly(e, handler);
    Locale locale = LocaleContextHolder.getLocale();
    List<String> reasons = new ArrayList<>();
    for (FieldProblem f : e.errors()) {
      reasons.add(messages.getMessage("error.page.param", new Object[] {f.field(),
          messages.getMessage(f.messageKey(), f.args(), f.code(), locale)}, locale));
    }
    String message = e.status() == HttpStatus.NOT_FOUND ? null
        : FormErrors.isConflict(e) ? messages.getMessage("form.conflict", null, locale)
        : messages.getMessage(e.messageKey(), e.args(), e.code(), locale);
    return page(e.status(), message, reasons);
  }

  /**
   * A value of the wrong type: in the path it names no record (404, as an unknown one); in the
   * query or form it is a bad parameter (400 with its name).
   */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ModelAndView mismatch(MethodArgumentTypeMismatchException e, HandlerMethod handler) {
    pageOnly(e, handler);
    if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
      return page(HttpStatus.NOT_FOUND, null, List.of());
    }
    Class<?> type = e.getRequiredType();
    boolean integer = type == Long.class || type == long.class || type == Integer.class || type == int.class;
    String code = integer ? "INVALID_INTEGER" : type == java.time.LocalDate.class ? "INVALID_DATE" : "INVALID_VALUE";
    return badParameter(e.getName(), code);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ModelAndView missing(MissingServletRequestParameterException e, HandlerMethod handler)
      throws MissingServletRequestParameterException {
    pageOnly(e, handler);
    return badParameter(e.getParameterName(), "REQUIRED");
  }

  /** Someone else changed the record first (version check, lock, unique index, the engine). */
  @ExceptionHandler({org.springframework.dao.ConcurrencyFailureException.class,
      org.springframework.dao.DataIntegrityViolationException.class,
      org.camunda.bpm.engine.OptimisticLockingException.class, jakarta.persistence.OptimisticLockException.class})
  ModelAndView concurrent(Exception e, HandlerMethod handler) throws Exception {
    pageOnly(e, handler);
    log.info("page refused a concurrent change: {}", e.getClass().getSimpleName());
    return page(HttpStatus.CONFLICT, messages.getMessage("form.conflict", null, LocaleContextHolder.getLocale()),
        List.of());
  }

  private ModelAndView badParameter(String name, String code) {
    Locale locale = LocaleContextHolder.getLocale();
    String why = messages.getMessage("error." + code, null, code, locale);
    return page(HttpStatus.BAD_REQUEST, null, List.of(messages.getMessage("error.page.param", new Object[] {name, why},
        locale)));
  }

  private static ModelAndView page(HttpStatus status, String message, List<String> reasons) {
    log.debug("page answered {}", status.value());
    Map<String, Object> model = new HashMap<>();
    model.put("status", status.value());
    if (message != null) {
      model.put("reason", message);
    }
    model.put("reasons", reasons);
    return new ModelAndView("error", model, status);
  }

  /**
   * A JSON handler's refusal is the API advice's: rethrown, it goes on unchanged (to the error
   * path, which answers problem+json). Only reached for types the API advice does not handle.
   */
  private static <E extends Exception> void pageOnly(E e, HandlerMethod handler) throws E {
    if (handler != null && (handler.hasMethodAnnotation(ResponseBody.class)
        || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class))) {
      throw e;
    }
  }
}

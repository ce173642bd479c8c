package cn.warmth.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts a refusal on a page: one message per field, and the overall message. The form is shown
 * again with the refusal's status (400, 403, 404, 409, 422 — never a 200 that hides it). When
 * someone else acted first ({@link #CONFLICTS}), the message says so ("已被他人处理"): the page the
 * controller re-renders is read afresh, and what the user typed is kept ({@code keptInput}, shown
 * under the message by the layout, and still in the request's parameters for the form's fields).
 */
public final class FormErrors {
  /** Codes of a 409 that means "someone else acted on this record first". */
  static final Set<String> CONFLICTS = Set.of("CONCURRENT_CHANGE", "INVALID_STATE");
  /** Request parameters that are not the user's input. */
  private static final Set<String> NOT_INPUT = Set.of("_csrf", "from", "campaignCode", "decision", "outcome", "page",
      "size", "sort", "lang");

  /** Parameters never shown back in the message: passwords and personal numbers (the form keeps them). */
  private static final java.util.regex.Pattern SECRET =
      java.util.regex.Pattern.compile("(?i)password|idnumber|card|cert|secret");

  private FormErrors() {}

  public static void addTo(Model model, BusinessException e, MessageSource messages, Locale locale) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (FieldProblem f : e.errors()) {
      String prefix = f.row() == null ? "" : messages.getMessage("import.row", new Object[] {f.row()}, locale) + " ";
      fields.merge(f.field(), prefix + messages.getMessage(f.messageKey(), f.args(), f.code(), locale), (a, b) -> a + "；" + b);
    }
    model.addAttribute("fieldErrors", fields);
    String message = messages.getMessage(e.messageKey(), e.args(), e.code(), locale);
    if (e.errorsNotListed() > 0) {
      message += " " + messages.getMessage("error.errorsNotListed",
          new Object[] {BusinessException.MAX_LISTED, e.errorsNotListed()}, locale);
    }
    if (isConflict(e)) {
      message = messages.getMessage("form.conflict", null, locale) + " " + message;
      model.addAttribute("keptInput", keptInput());
    }
    model.addAttribute("errorMessage", message);
    ServletRequestAttributes attributes = current();
    if (attributes != null && attributes.getResponse() != null) {
      attributes.getResponse().setStatus(e.status().value());
    }
  }

  /**
   * A form's failure as a refusal to show: a {@link BusinessException} as it is, a concurrent
   * change found by a version check, a lock or the engine as 409 {@code CONCURRENT_CHANGE};
   * anything else is thrown on (the error path answers it).
   */
  public static BusinessException refusal(RuntimeException e) {
    if (e instanceof BusinessException b) {
      return b;
    }
    if (ConcurrentChange.is(e)) {
      return BusinessException.conflict("CONCURRENT_CHANGE");
    }
    throw e;
  }

  /** Whether the refusal means someone else acted first. */
  public static boolean isConflict(BusinessException e) {
    return e.status().value() == HttpServletResponse.SC_CONFLICT && CONFLICTS.contains(e.code());
  }

  /** The non-empty text the user submitted, by parameter name (what would otherwise be lost). */
  private static Map<String, String> keptInput() {
    Map<String, String> kept = new LinkedHashMap<>();
    ServletRequestAttributes attributes = current();
    if (attributes == null) {
      return kept;
    }
    HttpServletRequest request = attributes.getRequest();
    for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
      if (NOT_INPUT.contains(p.getKey()) || SECRET.matcher(p.getKey()).find()) {
        continue;
      }
      List<String> values = java.util.Arrays.stream(p.getValue()).filter(v -> v != null && !v.isBlank()).toList();
      if (!values.isEmpty()) {
        kept.put(p.getKey(), String.join("、", values));
      }
    }
    return kept;
  }

  private static ServletRequestAttributes current() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes s ? s : null;
  }

  /**
   * Keeps what the user typed into the refused form ({@code failed} names the form, {@code input}
   * holds its fields), so that the page shows it again instead of an empty form. The CSRF token is
   * not kept: the page gets a fresh one.
   */
  public static void keepInput(Model model, String form, Map<String, String> input) {
    Map<String, String> kept = new LinkedHashMap<>(input);
    kept.remove("_csrf");
    model.addAttribute("failed", form);
    model.addAttribute("input", kept);
  }
}

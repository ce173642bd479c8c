package cn.warmth.shared;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

/** Puts a refusal on a page: one message per field, and the overall message. */
public final class FormErrors {
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
    model.addAttribute("errorMessage", message);
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

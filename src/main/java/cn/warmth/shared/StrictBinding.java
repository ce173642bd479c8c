package cn.warmth.shared;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * For every controller, API and pages: whole numbers in paths, query strings and form fields are
 * read by {@link Integers} (ASCII digits only). Java's own parsing, which Spring uses otherwise,
 * reads "１２", "١٢" and "+12" as 12 and "0x10" as 16.
 */
@ControllerAdvice
class StrictBinding {
  @InitBinder
  void strictIntegers(WebDataBinder binder) {
    binder.registerCustomEditor(long.class, new Integers.Editor(true, false));
    binder.registerCustomEditor(Long.class, new Integers.Editor(true, true));
    binder.registerCustomEditor(int.class, new Integers.Editor(false, false));
    binder.registerCustomEditor(Integer.class, new Integers.Editor(false, true));
  }
}

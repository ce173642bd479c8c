package cn.warmth.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads a yyyy-MM-dd field from a form or request, reporting REQUIRED or INVALID_DATE instead of failing. */
public final class Dates {
  private Dates() {}

  public static LocalDate parse(String value, String field, Problems problems) {
    if (!problems.require(field, value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      problems.add(field, "INVALID_DATE");
      return null;
    }
  }
}

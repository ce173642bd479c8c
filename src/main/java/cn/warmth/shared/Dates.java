package cn.warmth.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Reads a yyyy-MM-dd field from a form or request, reporting REQUIRED, INVALID_DATE or
 * DATE_OUT_OF_RANGE instead of failing. Only ASCII digits in exactly that shape; every date is
 * also within a sane window (decisions.md, "Strict input: dates"): by default 1900-01-01 to
 * 2199-12-31, narrower per field through {@link #parseWithin}.
 */
public final class Dates {
  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
  private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private Dates() {}

  public static LocalDate parse(String value, String field, Problems problems) {
    return parseWithin(value, field, EARLIEST, LATEST, problems);
  }

  /** As {@link #parse}, and the date must lie in [from, to] (DATE_OUT_OF_RANGE with both bounds). */
  public static LocalDate parseWithin(String value, String field, LocalDate from, LocalDate to, Problems problems) {
    if (!problems.require(field, value)) {
      return null;
    }
    LocalDate day = strict(value.strip());
    if (day == null) {
      problems.add(field, "INVALID_DATE");
      return null;
    }
    if (!within(day, from, to, field, problems)) {
      return null;
    }
    return day;
  }

  /** Adds DATE_OUT_OF_RANGE when the date is outside [from, to]; true when it is inside. */
  public static boolean within(LocalDate day, LocalDate from, LocalDate to, String field, Problems problems) {
    if (day.isBefore(from) || day.isAfter(to)) {
      problems.add(field, "DATE_OUT_OF_RANGE", from.toString(), to.toString());
      return false;
    }
    return true;
  }

  /** The date, or null when the text is not exactly yyyy-MM-dd in ASCII digits or not a real day. */
  public static LocalDate strict(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(5, 7)),
          Integer.parseInt(text.substring(8, 10)));
    } catch (DateTimeException e) {
      return null;
    }
  }
}

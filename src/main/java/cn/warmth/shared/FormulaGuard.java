package cn.warmth.shared;

import java.util.regex.Pattern;

/**
 * Keeps spreadsheets from running text as a formula (CSV injection): a text that starts with
 * {@code = + - @}, a tab or a carriage return gets a leading apostrophe, in every CSV and XLSX
 * the application writes. Plain numbers ("-12.50") are left alone: they are not formulas.
 */
public final class FormulaGuard {
  private static final String TRIGGERS = "=+-@\t\r";
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private FormulaGuard() {}

  /** The text as it may safely go into a spreadsheet cell or a CSV field. */
  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    if (TRIGGERS.indexOf(value.charAt(0)) >= 0 && !NUMBER.matcher(value).matches()) {
      return "'" + value;
    }
    return value;
  }

  /** True when a text would be changed by {@link #text}: for validating labels a user sets up. */
  public static boolean triggers(String value) {
    return value != null && !value.equals(text(value));
  }
}

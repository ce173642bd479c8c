package cn.warmth.registry;

import java.util.regex.Pattern;

/** Checks for the other identity fields of domain.md §4. */
final class Identity {
  /** Han characters of every CJK block (rare characters included) and the middle dot between parts. */
  private static final Pattern HAN_NAME = Pattern.compile("\\p{IsHan}+(·\\p{IsHan}+)*");
  private static final Pattern LATIN_NAME = Pattern.compile("[A-Za-z]+( [A-Za-z]+)*");
  private static final Pattern PHONE = Pattern.compile("(\\+86)?1[3-9]\\d{9}");

  private Identity() {}

  /** 2–30 characters (code points, so rare characters count once). */
  static boolean isName(String s) {
    if (s == null) {
      return false;
    }
    int n = s.codePointCount(0, s.length());
    return n >= 2 && n <= 30 && (HAN_NAME.matcher(s).matches() || LATIN_NAME.matcher(s).matches());
  }

  /** Normalises to digits only, or null when not 16–19 digits after removing spaces. */
  static String normaliseCard(String raw) {
    if (raw == null) {
      return null;
    }
    String digits = raw.replace(" ", "");
    return digits.matches("\\d{16,19}") ? digits : null;
  }

  static boolean luhn(String digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  /** Normalises to the 11-digit number, or null. */
  static String normalisePhone(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.replace(" ", "").replace("-", "");
    if (!PHONE.matcher(s).matches()) {
      return null;
    }
    return s.startsWith("+86") ? s.substring(3) : s;
  }

}

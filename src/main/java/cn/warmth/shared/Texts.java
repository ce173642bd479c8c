package cn.warmth.shared;

import java.util.regex.Pattern;

/** Small text checks shared by forms and the API. */
public final class Texts {
  private static final Pattern MARKUP = Pattern.compile("[<>&\"\\\\]|\\p{Cntrl}");

  private Texts() {}

  public static String trim(String s) {
    return s == null ? null : s.strip();
  }

  /** Plain text with no markup or control characters, within the length bounds. */
  public static boolean isPlain(String s, int min, int max) {
    return s != null && s.length() >= min && s.length() <= max && !MARKUP.matcher(s).find();
  }
}

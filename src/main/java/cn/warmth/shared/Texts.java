package cn.warmth.shared;

import java.util.regex.Pattern;

/**
 * Text checks shared by forms, imports and the API (decisions.md, "Strict input: text").
 *
 * <ul>
 *   <li>Never accepted anywhere: control characters (except tab and line breaks in free text),
 *       bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F), zero-width and
 *       other invisible format characters (U+200B–U+200D, U+2060, U+FEFF, all of Unicode's Cf),
 *       line/paragraph separators, private-use, unassigned and lone surrogate code points.
 *   <li>Names (of people, units, campaigns, banks, enterprises): letters, marks, digits,
 *       punctuation and plain spaces only: no emoji or other symbols, no markup characters.
 *   <li>Free text (notes, reasons, descriptions, comments): anything printable, emoji included.
 * </ul>
 */
public final class Texts {
  private static final Pattern MARKUP = Pattern.compile("[<>&\"\\\\]");

  private Texts() {}

  /** A search text inside a LIKE pattern escaped with '\\': its %, _ and \\ match only themselves. */
  public static String likeEscaped(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  public static String trim(String s) {
    return s == null ? null : s.strip();
  }

  /** A name: plain text with no markup, symbols, emoji or invisible characters, within the length bounds. */
  public static boolean isPlain(String s, int min, int max) {
    if (s == null || MARKUP.matcher(s).find()) {
      return false;
    }
    int n = s.codePointCount(0, s.length());
    return n >= min && n <= max && s.codePoints().allMatch(Texts::nameCodePoint);
  }

  /**
   * Free text from a form or request: stripped; REQUIRED when required and blank, TOO_LONG over
   * {@code max} characters, INVALID_TEXT with invisible or control characters, CONTAINS_ID_NUMBER
   * when it holds an ID number (see {@link PersonalNumbers}). Returns the text,
   * or null when absent or refused.
   */
  public static String freeText(String raw, String field, int max, boolean required, Problems problems) {
    String s = trim(raw);
    if (s == null || s.isEmpty()) {
      if (required) {
        problems.add(field, "REQUIRED");
      }
      return null;
    }
    if (!s.codePoints().allMatch(Texts::freeTextCodePoint)) {
      problems.add(field, "INVALID_TEXT");
      return null;
    }
    if (s.codePointCount(0, s.length()) > max) {
      problems.add(field, "TOO_LONG", max);
      return null;
    }
    if (PersonalNumbers.containsIdNumber(s)) {
      // Free text is stored and shown in clear: an ID number belongs in the worker's record.
      problems.add(field, "CONTAINS_ID_NUMBER");
      return null;
    }
    return s;
  }

  /** True when the text holds nothing that is refused everywhere (the API applies this to every JSON string). */
  public static boolean isSafe(String s) {
    return s == null || s.codePoints().allMatch(Texts::freeTextCodePoint);
  }

  static boolean freeTextCodePoint(int cp) {
    if (cp == '\n' || cp == '\r' || cp == '\t') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED,
          Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }

  static boolean nameCodePoint(int cp) {
    if (cp == ' ' || cp == '\u3000') {
      return true;
    }
    if (cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF) {
      return false; // variation selectors: what turns a character into an emoji
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }
}

package cn.warmth.shared;

import java.util.regex.Pattern;

/**
 * Reads whole numbers from paths, query strings and forms: ASCII digits only, an optional
 * leading minus, nothing else (no "+", no hexadecimal, no full-width or other scripts' digits,
 * no fraction, no exponent). Java's own parsers accept several of those; this one does not.
 */
public final class Integers {
  private static final Pattern SHAPE = Pattern.compile("-?[0-9]{1,18}");

  private Integers() {}

  /** The number, or null when the text is not a plain ASCII integer that fits in a long. */
  public static Long strict(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    return SHAPE.matcher(s).matches() ? Long.valueOf(s) : null;
  }

  /** A field's integer within [min, max]: REQUIRED, INVALID_INTEGER or OUT_OF_RANGE otherwise. */
  public static Long parse(String value, String field, long min, long max, boolean required, Problems problems) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(field, "REQUIRED");
      }
      return null;
    }
    Long n = strict(value);
    if (n == null) {
      problems.add(field, "INVALID_INTEGER");
      return null;
    }
    if (n < min || n > max) {
      problems.add(field, "OUT_OF_RANGE", min, max);
      return null;
    }
    return n;
  }

  /**
   * Binding of path variables and request parameters to long/Long/int/Integer (registered for
   * every controller by {@link StrictBinding}). A property editor rather than a converter: Spring
   * falls back to its lenient default editors when a converter refuses, but not past an editor.
   */
  static final class Editor extends java.beans.PropertyEditorSupport {
    private final boolean wide;
    private final boolean nullable;

    Editor(boolean wide, boolean nullable) {
      this.wide = wide;
      this.nullable = nullable;
    }

    @Override
    public void setAsText(String text) {
      if (text == null || text.isBlank()) {
        if (!nullable) {
          throw new IllegalArgumentException("a number is required");
        }
        setValue(null);
        return;
      }
      Long n = strict(text);
      if (n == null || (!wide && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE))) {
        throw new IllegalArgumentException("not a plain integer");
      }
      setValue(wide ? n : Integer.valueOf(n.intValue()));
    }

    @Override
    public String getAsText() {
      Object v = getValue();
      return v == null ? "" : v.toString();
    }
  }
}

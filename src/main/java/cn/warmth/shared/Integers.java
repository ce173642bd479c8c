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

  /** Spring's conversion of path variables and request parameters to Long/long. */
  static final class ToLong implements org.springframework.core.convert.converter.Converter<String, Long> {
    @Override
    public Long convert(String source) {
      if (source.isBlank()) {
        return null;
      }
      Long n = strict(source);
      if (n == null) {
        throw new IllegalArgumentException("not a plain integer");
      }
      return n;
    }
  }

  /** Spring's conversion of path variables and request parameters to Integer/int. */
  static final class ToInteger implements org.springframework.core.convert.converter.Converter<String, Integer> {
    @Override
    public Integer convert(String source) {
      Long n = new ToLong().convert(source);
      if (n == null) {
        return null;
      }
      if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("integer out of range");
      }
      return n.intValue();
    }
  }
}

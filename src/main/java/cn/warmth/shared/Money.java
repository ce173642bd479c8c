package cn.warmth.shared;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Money is kept in integer fen. Requests carry yuan as a string or number with at most 2
 * decimals; responses carry yuan as a string with exactly 2 decimals ("1200.00").
 * Only ASCII digits are read: no sign, no exponent, no grouping, no full-width or other
 * scripts' digits, at most 100,000,000 yuan.
 */
public final class Money {
  /** 100 million yuan: far above any aid amount, far below overflow. */
  private static final BigDecimal MAX_YUAN = new BigDecimal("100000000");
  private static final Pattern YUAN = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,2})?");

  private Money() {}

  /** Parses yuan into fen, or adds INVALID_AMOUNT to the problems and returns null. */
  public static Long parseYuan(Object value, String field, Problems problems, boolean required) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (required) {
        problems.add(field, "REQUIRED");
      }
      return null;
    }
    BigDecimal yuan;
    if (value instanceof BigDecimal b) {
      yuan = b;
    } else {
      // Numbers arrive as their JSON text (see JsonStrictness), so one rule covers both.
      String text = value.toString().strip();
      if (!YUAN.matcher(text).matches()) {
        problems.add(field, "INVALID_AMOUNT");
        return null;
      }
      yuan = new BigDecimal(text);
    }
    if (yuan.signum() < 0 || yuan.stripTrailingZeros().scale() > 2 || yuan.compareTo(MAX_YUAN) > 0) {
      problems.add(field, "INVALID_AMOUNT");
      return null;
    }
    return yuan.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
  }

  /** Fen as a yuan string with exactly two decimals. */
  public static String yuan(long fen) {
    return BigDecimal.valueOf(fen, 2).toPlainString();
  }

}

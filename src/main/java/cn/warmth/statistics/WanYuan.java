package cn.warmth.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fen to 万元 for the official table, with 舍位平衡 (largest remainder): the total is rounded
 * half-up, each part is rounded down, and the units still missing go to the parts with the
 * largest remainders, so that the printed parts add up to the printed total.
 */
final class WanYuan {
  private WanYuan() {}

  /** Fen in one unit of the last printed digit: 0.01 万元 = 100 yuan; 0.0001 万元 = 1 yuan. */
  static long unitFen(int decimals) {
    return decimals == 4 ? 100L : 10_000L;
  }

  /** One figure, rounded half-up. */
  static String single(long fen, int decimals) {
    return format(Math.floorDiv(fen + unitFen(decimals) / 2, unitFen(decimals)), decimals);
  }

  /** A total and its parts: result[0] is the total, result[i] the i-th part, all printed. */
  static List<String> balanced(long totalFen, long[] partsFen, int decimals) {
    long unit = unitFen(decimals);
    long targetUnits = Math.floorDiv(totalFen + unit / 2, unit);
    long[] units = new long[partsFen.length];
    long sum = 0;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < partsFen.length; i++) {
      units[i] = Math.floorDiv(partsFen[i], unit);
      sum += units[i];
      order.add(i);
    }
    // Largest remainder first; ties go to the earlier row, so the result is deterministic.
    order.sort(Comparator.<Integer>comparingLong(i -> -Math.floorMod(partsFen[i], unit)).thenComparing(i -> i));
    long missing = targetUnits - sum;
    for (int k = 0; k < missing && k < order.size(); k++) {
      units[order.get(k)]++;
    }
    List<String> out = new ArrayList<>();
    out.add(format(targetUnits, decimals));
    for (long u : units) {
      out.add(format(u, decimals));
    }
    return out;
  }

  private static String format(long units, int decimals) {
    return BigDecimal.valueOf(units, decimals).toPlainString();
  }
}

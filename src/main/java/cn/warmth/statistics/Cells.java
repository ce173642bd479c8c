package cn.warmth.statistics;

import cn.warmth.shared.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every cell of the statistics table (domain.md §8). Counts are person-times (or enterprises
 * for A); amounts are kept in fen and shown in yuan. The sum cells are computed from their parts,
 * so they always equal them.
 */
public final class Cells {
  /** Cell names in the order of the official table. */
  public static final List<String> NAMES = List.of("A", "B", "B1", "B2", "B3", "B4", "B5", "B6", "C", "D",
      "C1", "D1", "C2", "D2", "C3", "D3", "C4", "D4", "C5", "D5", "C6", "D6", "C7", "D7", "C8", "D8", "C9", "D9",
      "C10", "D10", "C11", "D11", "E", "E1", "E2", "E3", "E4", "E5", "F", "F1", "F2", "F3", "G", "H", "I", "J1", "J2",
      "K1", "K2");
  public static final Set<String> AMOUNTS = Set.of("B", "B1", "B2", "B3", "B4", "B5", "B6", "D", "D1", "D2", "D3", "D4",
      "D5", "D6", "D7", "D8", "D9", "D10", "D11", "I", "J2", "K2");
  /** Cells that can be opened to the cases behind them. */
  public static final Set<String> DRILLABLE = Set.of("C", "D", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10",
      "C11", "D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9", "D10", "D11", "E", "E1", "E2", "E3", "E4", "E5", "J1",
      "J2", "K1", "K2");

  private final Map<String, Long> values = new LinkedHashMap<>();

  Cells() {
    NAMES.forEach(n -> values.put(n, 0L));
  }

  void set(String name, long value) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException(name);
    }
    values.put(name, value);
  }

  void add(String name, long value) {
    set(name, values.get(name) + value);
  }

  /** Fills the sum cells from their parts. */
  Cells withSums() {
    values.put("B", sum("B", 6));
    values.put("C", sum("C", 11));
    values.put("D", sum("D", 11));
    values.put("E", sum("E", 5));
    values.put("F", sum("F", 3));
    return this;
  }

  private long sum(String prefix, int parts) {
    long s = 0;
    for (int i = 1; i <= parts; i++) {
      s += values.get(prefix + i);
    }
    return s;
  }

  /** Raw value: a count, or an amount in fen. */
  public long raw(String name) {
    return values.get(name);
  }

  /** As the API answers: counts as integers, amounts as yuan strings. */
  public Map<String, Object> api() {
    Map<String, Object> m = new LinkedHashMap<>();
    values.forEach((k, v) -> m.put(k, AMOUNTS.contains(k) ? Money.yuan(v) : v));
    return m;
  }

  /** Rebuilds cells from an API map (frozen reports). */
  public static Cells fromApi(Map<String, Object> m) {
    Cells c = new Cells();
    m.forEach((k, v) -> {
      if (c.values.containsKey(k)) {
        c.values.put(k, AMOUNTS.contains(k) ? new java.math.BigDecimal(v.toString()).movePointRight(2).longValueExact()
            : ((Number) v).longValue());
      }
    });
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cells c && c.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }
}

package cn.warmth.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The rows of the official 送温暖统计表 (statistics-table.md): 编号, code, 项目, the C/D unit label,
 * and the figure (counts as they are, amounts in 万元 with 舍位平衡).
 */
final class OfficialTable {
  /**
   * One printed row. {@code group} is the 编号 shown on the group's first row (blank otherwise);
   * {@code groupSpan} is the number of rows of the group on its first row (0 on the others), and
   * {@code labelSpan} is 2 on the first row of a C/D (J, K) pair, whose item text covers both rows,
   * 0 on its second row and 1 elsewhere: print and XLSX merge exactly these.
   */
  record Row(String group, String code, String label, String unitLabel, String value, boolean drillable,
      boolean amount, boolean part, String formula, int groupSpan, int labelSpan) {

    Row(String group, String code, String label, String unitLabel, String value, boolean drillable, boolean amount,
        boolean part, String formula) {
      this(group, code, label, unitLabel, value, drillable, amount, part, formula, 0, 1);
    }

    Row spans(int group, int label) {
      return new Row(this.group, code, this.label, unitLabel, value, drillable, amount, part, formula, group, label);
    }
  }

  private OfficialTable() {}

  static List<Row> rows(Cells cells, int decimals, MessageSource messages, Locale locale) {
    Map<String, String> v = format(cells, decimals);
    List<Row> rows = new ArrayList<>();
    java.util.function.Function<String, String> m = k -> messages.getMessage(k, null, locale);
    rows.add(row("1", "A", m.apply("stat.label.A"), "", v, false));
    rows.add(new Row("2", "B", m.apply("stat.label.B"), "", v.get("B"), false, true, false, "B=B1+B2+B3+B4+B5+B6"));
    for (int i = 1; i <= 6; i++) {
      rows.add(row("", "B" + i, m.apply("stat.label.B" + i), "", v, true));
    }
    rows.add(new Row("3", "C", m.apply("stat.label.C"), "", v.get("C"), true, false, false, "C=C1+…+C11"));
    rows.add(new Row("", "D", m.apply("stat.label.D"), "", v.get("D"), true, true, false, "D=D1+…+D11"));
    for (int i = 1; i <= 11; i++) {
      rows.add(new Row("", "C" + i, m.apply("aidCategory.C" + i), m.apply("stat.unit.persons"), v.get("C" + i), true, false,
          true, null));
      rows.add(new Row("", "D" + i, "", m.apply("stat.unit.wanyuan"), v.get("D" + i), true, true, true, null));
    }
    rows.add(new Row("4", "E", m.apply("stat.label.E"), "", v.get("E"), true, false, false, "E=E1+E2+E3+E4+E5"));
    for (int i = 1; i <= 5; i++) {
      rows.add(row("", "E" + i, m.apply("stat.label.E" + i), "", v, true));
    }
    rows.add(new Row("5", "F", m.apply("stat.label.F"), "", v.get("F"), false, false, false, "F=F1+F2+F3"));
    for (int i = 1; i <= 3; i++) {
      rows.add(row("", "F" + i, m.apply("stat.label.F" + i), "", v, true));
    }
    rows.add(row("6", "G", m.apply("stat.label.G"), "", v, false));
    rows.add(row("", "H", m.apply("stat.label.H"), "", v, false));
    rows.add(row("", "I", m.apply("stat.label.I"), "", v, false));
    rows.add(new Row("7", "J1", m.apply("stat.label.J"), m.apply("stat.unit.persons"), v.get("J1"), true, false, false, null));
    rows.add(new Row("", "J2", "", m.apply("stat.unit.wanyuan"), v.get("J2"), true, true, false, null));
    rows.add(new Row("8", "K1", m.apply("stat.label.K"), m.apply("stat.unit.persons"), v.get("K1"), true, false, false, null));
    rows.add(new Row("", "K2", "", m.apply("stat.unit.wanyuan"), v.get("K2"), true, true, false, null));
    return withSpans(rows);
  }

  /** Group spans from the 编号 column; label spans from the pairs (a row with a unit label, then one without a label). */
  private static List<Row> withSpans(List<Row> rows) {
    List<Row> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      int group = 0;
      if (!r.group().isEmpty()) {
        group = 1;
        while (i + group < rows.size() && rows.get(i + group).group().isEmpty()) {
          group++;
        }
      }
      boolean pairHead = !r.unitLabel().isEmpty() && !r.label().isEmpty() && i + 1 < rows.size()
          && rows.get(i + 1).label().isEmpty() && !rows.get(i + 1).unitLabel().isEmpty();
      boolean pairTail = r.label().isEmpty() && !r.unitLabel().isEmpty();
      out.add(r.spans(group, pairHead ? 2 : pairTail ? 0 : 1));
    }
    return out;
  }

  private static Row row(String group, String code, String label, String unit, Map<String, String> v, boolean part) {
    return new Row(group, code, label, unit, v.get(code), Cells.DRILLABLE.contains(code), Cells.AMOUNTS.contains(code),
        part, null);
  }

  /** Printed figures: counts unchanged; B and D groups balanced in 万元; I, J2, K2 rounded alone. */
  static Map<String, String> format(Cells cells, int decimals) {
    Map<String, String> v = new HashMap<>();
    for (String n : Cells.NAMES) {
      v.put(n, Long.toString(cells.raw(n)));
    }
    balance(v, cells, "B", 6, decimals);
    balance(v, cells, "D", 11, decimals);
    for (String n : List.of("I", "J2", "K2")) {
      v.put(n, WanYuan.single(cells.raw(n), decimals));
    }
    return v;
  }

  private static void balance(Map<String, String> v, Cells cells, String prefix, int parts, int decimals) {
    long[] fen = new long[parts];
    for (int i = 0; i < parts; i++) {
      fen[i] = cells.raw(prefix + (i + 1));
    }
    List<String> printed = WanYuan.balanced(cells.raw(prefix), fen, decimals);
    v.put(prefix, printed.get(0));
    for (int i = 0; i < parts; i++) {
      v.put(prefix + (i + 1), printed.get(i + 1));
    }
  }
}

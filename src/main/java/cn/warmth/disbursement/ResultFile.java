package cn.warmth.disbursement;

import cn.warmth.shared.BusinessException;
import cn.warmth.shared.FieldProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;

/**
 * A bank result file read in its profile's layout (Commons CSV). Problems are collected per row
 * with the line, the column, the value found and a code whose message explains it in words;
 * at most {@value #MAX_ERRORS} are listed.
 */
final class ResultFile {
  static final int MAX_ERRORS = 500;
  /** Runs of 12 or more digits (card numbers) are never echoed or stored in full. */
  private static final Pattern DIGIT_RUN = Pattern.compile("\\d{12,}");

  private ResultFile() {}

  /** One data row: its line in the file and the values of its meaningful columns. */
  record Row(int line, Map<BankLayout.ResultField, String> values) {
    String get(BankLayout.ResultField f) {
      return values.getOrDefault(f, "");
    }

    boolean has(BankLayout.ResultField f) {
      return values.containsKey(f);
    }
  }

  /** One refused row (or the file, line null): what was found and why it is wrong. */
  record RowError(Integer line, String field, String value, String code, Object[] args) {
    /** The message key: every code has its own explanation. */
    String messageKey() {
      return "bankResult." + code;
    }

    /** Message arguments: the value found first, then the code's own. */
    Object[] messageArgs() {
      Object[] all = new Object[args.length + 1];
      all[0] = value;
      System.arraycopy(args, 0, all, 1, args.length);
      return all;
    }
  }

  /** Collects row errors, at most {@value #MAX_ERRORS}. */
  static final class Errors {
    private final List<RowError> list = new ArrayList<>();
    private int dropped;

    void add(Integer line, String field, String value, String code, Object... args) {
      if (list.size() < MAX_ERRORS) {
        list.add(new RowError(line, field, echo(value), code, args));
      } else {
        dropped++;
      }
    }

    boolean isEmpty() {
      return list.isEmpty();
    }

    Refused refusal() {
      List<RowError> all = new ArrayList<>(list);
      // Row by row, in file order (shape problems are found before the others).
      all.sort(java.util.Comparator.comparing(RowError::line, java.util.Comparator.nullsLast(Integer::compare)));
      return new Refused(all, dropped);
    }
  }

  /** The whole file refused: 400 with every listed row; nothing was changed. */
  static final class Refused extends BusinessException {
    private final transient List<RowError> rows;

    Refused(List<RowError> rows, int notListed) {
      super(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "error.RESULT_FILE_REFUSED", new Object[] {rows.size() + notListed},
          rows.stream().map(r -> new FieldProblem(r.line(), r.field(), r.code(), r.messageKey(), r.messageArgs()))
              .toList(), notListed);
      this.rows = rows;
    }

    List<RowError> rows() {
      return rows;
    }
  }

  /** Reads the rows; header, shape and CSV syntax problems go to {@code errors}. */
  static List<Row> read(String text, BankLayout layout, Errors errors) {
    List<Row> rows = new ArrayList<>();
    int[] lineStarts = lineStarts(text);
    List<BankLayout.Column> columns = layout.resultColumns();
    int required = 0;
    for (int i = 0; i < columns.size(); i++) {
      String key = columns.get(i).key();
      if (key.equals("REFERENCE") || key.equals("STATUS") || key.equals("AMOUNT")) {
        required = i + 1;
      }
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(layout.delimiter().character)
        .setIgnoreEmptyLines(true).get();
    boolean headerPending = layout.resultHeader();
    CSVParser parser = null;
    try {
      parser = CSVParser.parse(text, format);
      Iterator<CSVRecord> it = parser.iterator();
      while (it.hasNext()) {
        CSVRecord record = it.next();
        int line = lineOf(lineStarts, record.getCharacterPosition());
        List<String> fields = trimTrailingEmpty(record.toList());
        if (fields.isEmpty() || fields.stream().allMatch(String::isBlank)) {
          continue;
        }
        if (headerPending) {
          headerPending = false;
          if (!headerMatches(fields, columns)) {
            errors.add(line, "file", String.join(layout.delimiter().shown(), fields), "BAD_RESULT_HEADER",
                layout.resultHeaderText());
            return rows;
          }
          continue;
        }
        if (fields.size() < required || fields.size() > columns.size()) {
          errors.add(line, "row", String.valueOf(fields.size()), "BAD_ROW", required, columns.size(),
              layout.resultHeaderText());
          continue;
        }
        Map<BankLayout.ResultField, String> values = new EnumMap<>(BankLayout.ResultField.class);
        for (int i = 0; i < fields.size(); i++) {
          BankLayout.ResultField f = BankLayout.ResultField.valueOf(columns.get(i).key());
          if (f != BankLayout.ResultField.IGNORE) {
            values.put(f, fields.get(i).strip());
          }
        }
        rows.add(new Row(line, values));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      int line = parser == null ? 1 : (int) parser.getCurrentLineNumber() + 1;
      errors.add(line, "file", "", "BAD_CSV");
    }
    if (rows.isEmpty() && errors.isEmpty()) {
      errors.add(null, "file", "", "EMPTY_FILE");
    }
    return rows;
  }

  private static boolean headerMatches(List<String> found, List<BankLayout.Column> columns) {
    if (found.size() != columns.size()) {
      return false;
    }
    for (int i = 0; i < found.size(); i++) {
      if (!found.get(i).strip().equalsIgnoreCase(columns.get(i).label().strip())) {
        return false;
      }
    }
    return true;
  }

  private static List<String> trimTrailingEmpty(List<String> fields) {
    int n = fields.size();
    while (n > 0 && fields.get(n - 1).isBlank()) {
      n--;
    }
    return fields.subList(0, n);
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int lineOf(int[] starts, long position) {
    int i = Arrays.binarySearch(starts, (int) position);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** A bank's text with card-like digit runs masked (last four digits kept): what is stored and shown. */
  static String maskDigits(String s) {
    if (s == null) {
      return "";
    }
    return DIGIT_RUN.matcher(s).replaceAll(r -> "*".repeat(r.group().length() - 4)
        + r.group().substring(r.group().length() - 4));
  }

  /** A value found in the file, as an error message repeats it: masked and at most 60 characters. */
  static String echo(String s) {
    String m = maskDigits(s);
    return m.length() > 60 ? m.substring(0, 60) + "…" : m;
  }
}

package cn.warmth.disbursement;

import java.time.Instant;
import java.util.List;

/** A bank profile as GET /api/v1/bank-profiles and the administration page show it. */
public record BankProfileView(String code, String name, boolean system, boolean active, String encoding,
    String delimiter, String amountUnit, boolean fileHeader, List<Column> fileColumns, boolean resultHeader,
    List<Column> resultColumns, List<String> successValues, List<String> failureValues, String updatedBy,
    Instant updatedAt) {

  public record Column(String key, String label) {}

  static BankProfileView of(BankProfile p) {
    BankLayout l = p.layout();
    return new BankProfileView(p.getCode(), p.getName(), p.isSystemProfile(), p.isActive(), l.encoding().label(),
        l.delimiter().name(), l.amountUnit().name(), l.fileHeader(), columns(l.fileColumns()), l.resultHeader(),
        columns(l.resultColumns()), l.successValues(), l.failureValues(), p.getUpdatedBy(), p.getUpdatedAt());
  }

  private static List<Column> columns(List<BankLayout.Column> list) {
    return list.stream().map(c -> new Column(c.key(), c.label())).toList();
  }

  /** The bank file's header line, as it will be written (for the page's preview). */
  public String fileHeaderLine() {
    return String.join(delimiterShown(), fileColumns.stream().map(Column::label).toList());
  }

  public String resultHeaderLine() {
    return String.join(delimiterShown(), resultColumns.stream().map(Column::label).toList());
  }

  private String delimiterShown() {
    return BankLayout.Delimiter.valueOf(delimiter).shown();
  }
}

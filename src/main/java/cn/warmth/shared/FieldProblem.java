package cn.warmth.shared;

/**
 * One invalid field. {@code code} is the machine code of api.md (e.g. INVALID_ID_NUMBER),
 * {@code messageKey} the key of its human message in messages*.properties, {@code row} the
 * spreadsheet row for imports (null otherwise).
 */
public record FieldProblem(Integer row, String field, String code, String messageKey, Object[] args) {

  public static FieldProblem of(String field, String code) {
    return new FieldProblem(null, field, code, "error." + code, new Object[0]);
  }

  public static FieldProblem of(String field, String code, Object... args) {
    return new FieldProblem(null, field, code, "error." + code, args);
  }

  public FieldProblem atRow(int rowNumber) {
    return new FieldProblem(rowNumber, field, code, messageKey, args);
  }
}

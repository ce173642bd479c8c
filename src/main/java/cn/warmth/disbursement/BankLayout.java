package cn.warmth.disbursement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;

/**
 * How one bank wants the payment file and writes its result file: the layout of a bank
 * profile. Kept as JSON on the profile, and copied onto every batch built with it, so that the
 * file a batch sent and the result read back for it always use the same layout.
 */
record BankLayout(Encoding encoding, Delimiter delimiter, AmountUnit amountUnit, boolean fileHeader,
    List<Column> fileColumns, boolean resultHeader, List<Column> resultColumns, List<String> successValues,
    List<String> failureValues) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One column: what it holds ({@link FileField} or {@link ResultField} name) and its header label. */
  record Column(String key, String label) {}

  /** The text encoding of the files. GB18030 is the superset of GBK; GBK files are written strictly as GBK. */
  enum Encoding {
    UTF_8("UTF-8"), GBK("GBK"), GB18030("GB18030");

    private final String label;

    Encoding(String label) {
      this.label = label;
    }

    @JsonValue
    String label() {
      return label;
    }

    Charset charset() {
      return Charset.forName(label);
    }

    @JsonCreator
    static Encoding of(String label) {
      for (Encoding e : values()) {
        if (e.label.equalsIgnoreCase(label == null ? "" : label.strip()) || e.name().equalsIgnoreCase(label)) {
          return e;
        }
      }
      return null;
    }
  }

  enum Delimiter {
    COMMA(','), SEMICOLON(';'), PIPE('|'), TAB('\t');

    final char character;

    Delimiter(char character) {
      this.character = character;
    }

    /** As people write it in a header example: a tab shows as "\t". */
    String shown() {
      return this == TAB ? "\\t" : String.valueOf(character);
    }
  }

  enum AmountUnit { YUAN, FEN }

  /** What a column of the bank file holds. */
  enum FileField { SEQ, NAME, BANK, CARD, AMOUNT, REFERENCE }

  /** What a column of the result file holds; IGNORE for columns the bank echoes (name, card, ...). */
  enum ResultField { REFERENCE, STATUS, MESSAGE, AMOUNT, IGNORE }

  /** The layout of api.md: the generic profile's, and the one of batches built before profiles existed. */
  static BankLayout generic() {
    return new BankLayout(Encoding.UTF_8, Delimiter.COMMA, AmountUnit.YUAN, true,
        columns("SEQ=seq", "NAME=name", "BANK=bank", "CARD=cardNumber", "AMOUNT=amountYuan", "REFERENCE=reference"),
        true, columns("REFERENCE=reference", "STATUS=status", "MESSAGE=message"), List.of("SUCCESS"), List.of("FAILED"));
  }

  static List<Column> columns(String... keyEqualsLabel) {
    return java.util.Arrays.stream(keyEqualsLabel).map(s -> {
      int i = s.indexOf('=');
      return new Column(s.substring(0, i), s.substring(i + 1));
    }).toList();
  }

  /** SUCCESS, FAILED, or null when the text is neither in this bank's words. Case does not matter. */
  String statusOf(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (successValues.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(t))) {
      return "SUCCESS";
    }
    if (failureValues.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(t))) {
      return "FAILED";
    }
    return null;
  }

  /** The header line as the bank writes it, for messages. */
  String resultHeaderText() {
    return String.join(delimiter.shown(), resultColumns.stream().map(Column::label).toList());
  }

  String fileExtension() {
    return delimiter == Delimiter.COMMA ? "csv" : "txt";
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static BankLayout fromJson(String json) {
    try {
      return JSON.readValue(json, BankLayout.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable bank layout", e);
    }
  }
}

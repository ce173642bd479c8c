package cn.warmth.disbursement;

import cn.warmth.shared.BusinessException;
import cn.warmth.shared.FormulaGuard;
import cn.warmth.shared.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The bank file in a profile's layout. CSV through Commons CSV: UTF-8 with a byte-order mark (so
 * that Excel on Chinese Windows opens it right) or strictly GBK/GB18030 when the profile says so,
 * CRLF, RFC 4180 quoting. XLSX: amounts as numbers with two decimals (or whole fen), card numbers
 * as text. Every text field passes the formula guard.
 */
final class BankFiles {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private BankFiles() {}

  /** A finished download. */
  record BankFile(String fileName, String contentType, byte[] bytes) {
    ResponseEntity<byte[]> response() {
      return ResponseEntity.ok()
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
          .header(HttpHeaders.CACHE_CONTROL, "no-store")
          .contentType(MediaType.parseMediaType(contentType))
          .body(bytes);
    }
  }

  static BankFile csv(long batchId, BankLayout layout, List<PaymentBatches.BankLine> lines) {
    Charset charset = layout.encoding().charset();
    if (layout.encoding() != BankLayout.Encoding.UTF_8) {
      for (PaymentBatches.BankLine l : lines) {
        if (!TextDecoding.encodable(charset, l.name() + l.bank())) {
          throw BusinessException.rule("UNENCODABLE_IN_PROFILE", l.seq(), l.reference(), layout.encoding().label());
        }
      }
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(layout.delimiter().character)
        .setRecordSeparator("\r\n").setQuoteMode(QuoteMode.MINIMAL).get();
    StringBuilder text = new StringBuilder();
    try (CSVPrinter out = new CSVPrinter(text, format)) {
      if (layout.fileHeader()) {
        out.printRecord(layout.fileColumns().stream().map(c -> FormulaGuard.text(c.label())).toList());
      }
      for (PaymentBatches.BankLine l : lines) {
        List<String> row = new ArrayList<>();
        for (BankLayout.Column c : layout.fileColumns()) {
          row.add(value(BankLayout.FileField.valueOf(c.key()), l, layout));
        }
        out.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = text.toString().getBytes(charset);
    if (layout.encoding() == BankLayout.Encoding.UTF_8) {
      byte[] withBom = new byte[BOM.length + body.length];
      System.arraycopy(BOM, 0, withBom, 0, BOM.length);
      System.arraycopy(body, 0, withBom, BOM.length, body.length);
      body = withBom;
    }
    String type = (layout.delimiter() == BankLayout.Delimiter.COMMA ? "text/csv" : "text/plain") + ";charset="
        + layout.encoding().label();
    return new BankFile("bank-file-" + batchId + "." + layout.fileExtension(), type, body);
  }

  /** A text field of the CSV; numbers as the bank expects them, text guarded against formulas. */
  private static String value(BankLayout.FileField field, PaymentBatches.BankLine l, BankLayout layout) {
    return switch (field) {
      case SEQ -> String.valueOf(l.seq());
      case NAME -> FormulaGuard.text(l.name());
      case BANK -> FormulaGuard.text(l.bank());
      case CARD -> l.cardNumber();
      case AMOUNT -> layout.amountUnit() == BankLayout.AmountUnit.FEN ? String.valueOf(l.amountFen())
          : Money.yuan(l.amountFen());
      case REFERENCE -> FormulaGuard.text(l.reference());
    };
  }

  static BankFile xlsx(long batchId, BankLayout layout, List<PaymentBatches.BankLine> lines) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("bank-file");
      CellStyle text = wb.createCellStyle();
      text.setDataFormat(wb.createDataFormat().getFormat("@"));
      CellStyle yuan = wb.createCellStyle();
      yuan.setDataFormat(wb.createDataFormat().getFormat("0.00"));
      CellStyle whole = wb.createCellStyle();
      whole.setDataFormat(wb.createDataFormat().getFormat("0"));
      List<BankLayout.Column> columns = layout.fileColumns();
      int r = 0;
      if (layout.fileHeader()) {
        Row h = sheet.createRow(r++);
        for (int i = 0; i < columns.size(); i++) {
          h.createCell(i).setCellValue(FormulaGuard.text(columns.get(i).label()));
        }
      }
      for (PaymentBatches.BankLine l : lines) {
        Row row = sheet.createRow(r++);
        for (int i = 0; i < columns.size(); i++) {
          BankLayout.FileField f = BankLayout.FileField.valueOf(columns.get(i).key());
          var cell = row.createCell(i);
          switch (f) {
            case SEQ -> {
              cell.setCellValue(l.seq());
              cell.setCellStyle(whole);
            }
            case AMOUNT -> {
              // A number Excel can total: yuan with two decimals, or whole fen.
              boolean fen = layout.amountUnit() == BankLayout.AmountUnit.FEN;
              cell.setCellValue(fen ? l.amountFen() : BigDecimal.valueOf(l.amountFen(), 2).doubleValue());
              cell.setCellStyle(fen ? whole : yuan);
            }
            default -> {
              // Text: a 19-digit card number must not become a floating-point number.
              cell.setCellValue(value(f, l, layout));
              cell.setCellStyle(text);
            }
          }
        }
      }
      for (int i = 0; i < columns.size(); i++) {
        sheet.setColumnWidth(i, ("CARD".equals(columns.get(i).key()) ? 24 : 16) * 256);
      }
      wb.write(out);
      return new BankFile("bank-file-" + batchId + ".xlsx", XLSX, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

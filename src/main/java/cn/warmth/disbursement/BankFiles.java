package cn.warmth.disbursement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The bank file as a download: CSV (UTF-8, no BOM, CRLF) or XLSX with the same columns, all text. */
final class BankFiles {
  private BankFiles() {}

  static ResponseEntity<byte[]> csv(long id, List<PaymentBatches.BankLine> lines) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bank-file-" + id + ".csv\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(PaymentBatches.toCsv(lines).getBytes(StandardCharsets.UTF_8));
  }

  static ResponseEntity<byte[]> xlsx(long id, List<PaymentBatches.BankLine> lines) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("bank-file");
      String[] header = PaymentBatches.FILE_HEADER.split(",");
      Row h = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      int r = 1;
      for (PaymentBatches.BankLine l : lines) {
        Row row = sheet.createRow(r++);
        // Text cells: long card numbers must not become floating-point numbers.
        String[] v = {String.valueOf(l.seq()), l.name(), l.bank(), l.cardNumber(), l.amountYuan(), l.reference()};
        for (int i = 0; i < v.length; i++) {
          row.createCell(i).setCellValue(v[i]);
        }
      }
      for (int i = 0; i < header.length; i++) {
        sheet.setColumnWidth(i, (i == 3 ? 24 : 16) * 256);
      }
      wb.write(out);
      return ResponseEntity.ok()
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bank-file-" + id + ".xlsx\"")
          .header(HttpHeaders.CACHE_CONTROL, "no-store")
          .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
          .body(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package cn.warmth.statistics;

import cn.warmth.shared.FormulaGuard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The official table as an XLSX a union officer can send as is: title, 填报单位/填报人/电话/date,
 * the attachment's rows with merged 编号 cells, borders and widths, 万元 figures, and the sum rows as
 * formulas over their parts (which Excel recomputes to the printed totals, thanks to 舍位平衡).
 */
final class OfficialWorkbook {
  private OfficialWorkbook() {}

  static byte[] build(String title, String unit, String preparer, String phone, LocalDate date,
      List<OfficialTable.Row> rows) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("送温暖统计表");
      Font bold = wb.createFont();
      bold.setBold(true);
      Font big = wb.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 16);
      CellStyle titleStyle = wb.createCellStyle();
      titleStyle.setFont(big);
      titleStyle.setAlignment(HorizontalAlignment.CENTER);
      CellStyle cell = bordered(wb, false);
      cell.setWrapText(true);
      CellStyle head = bordered(wb, false);
      head.setFont(bold);
      head.setAlignment(HorizontalAlignment.CENTER);
      CellStyle number = bordered(wb, false);
      number.setAlignment(HorizontalAlignment.RIGHT);
      CellStyle amount2 = bordered(wb, false);
      amount2.setDataFormat(wb.createDataFormat().getFormat("0.00"));
      CellStyle amount4 = bordered(wb, false);
      amount4.setDataFormat(wb.createDataFormat().getFormat("0.0000"));
      CellStyle centered = bordered(wb, false);
      centered.setAlignment(HorizontalAlignment.CENTER);
      centered.setVerticalAlignment(VerticalAlignment.CENTER);

      Row t = sheet.createRow(0);
      t.createCell(0).setCellValue(text(title));
      t.getCell(0).setCellStyle(titleStyle);
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
      Row h1 = sheet.createRow(1);
      h1.createCell(0).setCellValue(text("填报单位:" + unit));
      h1.createCell(3).setCellValue(text("填报人:" + (preparer == null ? "" : preparer)));
      Row h2 = sheet.createRow(2);
      h2.createCell(0).setCellValue(text("电话:" + (phone == null ? "" : phone)));
      h2.createCell(3).setCellValue(date.getYear() + " 年 " + date.getMonthValue() + " 月 " + date.getDayOfMonth() + " 日");
      sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 2));
      sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, 2));

      Row header = sheet.createRow(3);
      String[] headers = {"编号", "", "项目", "", "合计"};
      for (int i = 0; i < headers.length; i++) {
        header.createCell(i).setCellValue(headers[i]);
        header.getCell(i).setCellStyle(head);
      }
      sheet.addMergedRegion(new CellRangeAddress(3, 3, 1, 3));

      Map<String, Integer> rowOf = new HashMap<>();
      int r = 4;
      int groupStart = -1;
      String groupLabel = null;
      boolean fourDecimals = rows.stream().anyMatch(x -> x.amount() && x.value().matches("-?\\d+\\.\\d{4}"));
      for (OfficialTable.Row row : rows) {
        if (!row.group().isEmpty()) {
          if (groupStart >= 0) {
            mergeGroup(sheet, groupStart, r - 1, groupLabel, centered);
          }
          groupStart = r;
          groupLabel = row.group();
        }
        Row x = sheet.createRow(r);
        x.createCell(0).setCellStyle(centered);
        x.createCell(1).setCellValue(text(row.code()));
        x.getCell(1).setCellStyle(cell);
        x.createCell(2).setCellValue(text(row.label()));
        x.getCell(2).setCellStyle(cell);
        x.createCell(3).setCellValue(text(row.unitLabel()));
        x.getCell(3).setCellStyle(cell);
        var v = x.createCell(4);
        if (row.amount()) {
          v.setCellValue(new BigDecimal(row.value()).doubleValue());
          v.setCellStyle(fourDecimals ? amount4 : amount2);
        } else {
          v.setCellValue(Long.parseLong(row.value()));
          v.setCellStyle(number);
        }
        rowOf.put(row.code(), r);
        r++;
      }
      mergeGroup(sheet, groupStart, r - 1, groupLabel, centered);
      // The relations of the attachment as formulas: Excel recomputes them to the same values.
      formula(sheet, rowOf, "B", "B", 6);
      formula(sheet, rowOf, "C", "C", 11);
      formula(sheet, rowOf, "D", "D", 11);
      formula(sheet, rowOf, "E", "E", 5);
      formula(sheet, rowOf, "F", "F", 3);
      Row note = sheet.createRow(r + 1);
      note.createCell(0).setCellValue("注：金额单位为万元，按舍位平衡法取舍，分项之和等于合计；B=B1+…+B6，C=C1+…+C11，D=D1+…+D11，E=E1+…+E5，F=F1+F2+F3。");
      sheet.setColumnWidth(0, 6 * 256);
      sheet.setColumnWidth(1, 6 * 256);
      sheet.setColumnWidth(2, 60 * 256);
      sheet.setColumnWidth(3, 16 * 256);
      sheet.setColumnWidth(4, 14 * 256);
      sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
      sheet.setFitToPage(true);
      sheet.getPrintSetup().setFitWidth((short) 1);
      sheet.getPrintSetup().setFitHeight((short) 0);
      wb.setForceFormulaRecalculation(true);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every text cell passes the formula guard: a unit, preparer or phone typed as "=..." stays text. */
  private static String text(String value) {
    return FormulaGuard.text(value == null ? "" : value);
  }

  private static void formula(Sheet sheet, Map<String, Integer> rowOf, String total, String prefix, int parts) {
    StringBuilder f = new StringBuilder();
    for (int i = 1; i <= parts; i++) {
      f.append(i == 1 ? "" : "+").append("E").append(rowOf.get(prefix + i) + 1);
    }
    sheet.getRow(rowOf.get(total)).getCell(4).setCellFormula(f.toString());
  }

  private static void mergeGroup(Sheet sheet, int from, int to, String label, CellStyle style) {
    sheet.getRow(from).getCell(0).setCellValue(text(label));
    if (to > from) {
      sheet.addMergedRegion(new CellRangeAddress(from, to, 0, 0));
    }
    for (int r = from; r <= to; r++) {
      sheet.getRow(r).getCell(0).setCellStyle(style);
    }
  }

  private static CellStyle bordered(XSSFWorkbook wb, boolean bold) {
    CellStyle s = wb.createCellStyle();
    s.setBorderTop(BorderStyle.THIN);
    s.setBorderBottom(BorderStyle.THIN);
    s.setBorderLeft(BorderStyle.THIN);
    s.setBorderRight(BorderStyle.THIN);
    s.setVerticalAlignment(VerticalAlignment.CENTER);
    return s;
  }
}

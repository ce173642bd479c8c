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
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The official table as an XLSX a union officer can send as is, laid out like the notice's
 * attachment: the 附件 line, the title, 填报单位/填报人/电话/date, the rows with merged 编号 cells and
 * the item text of each C/D (J, K) pair merged over its two rows, borders and widths, 万元 figures,
 * and the sum rows as formulas over their parts (which Excel recomputes to the printed totals,
 * thanks to 舍位平衡). It prints on one A4 landscape page (fit to page).
 */
final class OfficialWorkbook {
  /** Columns: 编号, code, 项目, the C/D unit label, 合计. */
  private static final int GROUP = 0;
  private static final int CODE = 1;
  private static final int LABEL = 2;
  private static final int UNIT = 3;
  private static final int VALUE = 4;

  private OfficialWorkbook() {}

  static byte[] build(OfficialSheets.Sheet s, LocalDate date) {
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
      CellStyle attachment = wb.createCellStyle();
      attachment.setFont(bold);
      CellStyle cell = bordered(wb);
      cell.setWrapText(true);
      CellStyle head = bordered(wb);
      head.setFont(bold);
      head.setAlignment(HorizontalAlignment.CENTER);
      CellStyle number = bordered(wb);
      number.setAlignment(HorizontalAlignment.RIGHT);
      CellStyle amount2 = bordered(wb);
      amount2.setDataFormat(wb.createDataFormat().getFormat("0.00"));
      CellStyle amount4 = bordered(wb);
      amount4.setDataFormat(wb.createDataFormat().getFormat("0.0000"));
      CellStyle centered = bordered(wb);
      centered.setAlignment(HorizontalAlignment.CENTER);

      // 附件, then the title, as in the notice.
      Row a = sheet.createRow(0);
      a.createCell(GROUP).setCellValue("附件");
      a.getCell(GROUP).setCellStyle(attachment);
      Row t = sheet.createRow(1);
      t.setHeightInPoints(24);
      t.createCell(GROUP).setCellValue(text(s.title()));
      t.getCell(GROUP).setCellStyle(titleStyle);
      sheet.addMergedRegion(new CellRangeAddress(1, 1, GROUP, VALUE));
      Row h1 = sheet.createRow(2);
      h1.createCell(GROUP).setCellValue(text("填报单位:" + s.orgName()));
      h1.createCell(UNIT).setCellValue(text("填报人:" + nullToEmpty(s.preparer())));
      Row h2 = sheet.createRow(3);
      h2.createCell(GROUP).setCellValue(text("电话:" + nullToEmpty(s.phone())));
      h2.createCell(UNIT).setCellValue(date.getYear() + " 年 " + date.getMonthValue() + " 月 " + date.getDayOfMonth() + " 日");
      sheet.addMergedRegion(new CellRangeAddress(2, 2, GROUP, LABEL));
      sheet.addMergedRegion(new CellRangeAddress(3, 3, GROUP, LABEL));
      sheet.addMergedRegion(new CellRangeAddress(2, 2, UNIT, VALUE));
      sheet.addMergedRegion(new CellRangeAddress(3, 3, UNIT, VALUE));

      int first = 4;
      Row header = sheet.createRow(first);
      String[] headers = {"编号", "项目", "", "", "合计"};
      for (int i = 0; i < headers.length; i++) {
        header.createCell(i).setCellValue(headers[i]);
        header.getCell(i).setCellStyle(head);
      }
      sheet.addMergedRegion(new CellRangeAddress(first, first, CODE, UNIT));

      Map<String, Integer> rowOf = new HashMap<>();
      int r = first + 1;
      boolean fourDecimals = s.decimals() == 4;
      for (OfficialSheets.Line line : s.lines()) {
        Row x = sheet.createRow(r);
        for (int c = GROUP; c <= UNIT; c++) {
          x.createCell(c).setCellStyle(c == GROUP || c == CODE ? centered : cell);
        }
        x.getCell(GROUP).setCellValue(text(line.group()));
        x.getCell(CODE).setCellValue(text(line.code()));
        x.getCell(LABEL).setCellValue(text(line.label() + (line.formula() == null ? "" : " " + line.formula())));
        x.getCell(UNIT).setCellValue(text(line.unitLabel()));
        var v = x.createCell(VALUE);
        if (amount(line)) {
          v.setCellValue(new BigDecimal(line.value()).doubleValue());
          v.setCellStyle(fourDecimals ? amount4 : amount2);
        } else {
          v.setCellValue(Long.parseLong(line.value()));
          v.setCellStyle(number);
        }
        if (line.groupSpan() > 1) {
          sheet.addMergedRegion(new CellRangeAddress(r, r + line.groupSpan() - 1, GROUP, GROUP));
        }
        if (line.labelSpan() == 2) {
          sheet.addMergedRegion(new CellRangeAddress(r, r + 1, LABEL, LABEL));
        } else if (line.labelSpan() == 1 && line.unitLabel().isEmpty()) {
          sheet.addMergedRegion(new CellRangeAddress(r, r, LABEL, UNIT)); // no unit column: the item takes both
        }
        rowOf.put(line.code(), r);
        r++;
      }
      // The relations of the attachment as formulas: Excel recomputes them to the same values.
      formula(sheet, rowOf, "B", 6);
      formula(sheet, rowOf, "C", 11);
      formula(sheet, rowOf, "D", 11);
      formula(sheet, rowOf, "E", 5);
      formula(sheet, rowOf, "F", 3);
      Row note = sheet.createRow(r);
      note.createCell(GROUP).setCellValue("注：金额单位为万元，按舍位平衡法取舍，分项之和等于合计。");
      sheet.addMergedRegion(new CellRangeAddress(r, r, GROUP, VALUE));
      sheet.setColumnWidth(GROUP, 6 * 256);
      sheet.setColumnWidth(CODE, 6 * 256);
      sheet.setColumnWidth(LABEL, 92 * 256);
      sheet.setColumnWidth(UNIT, 16 * 256);
      sheet.setColumnWidth(VALUE, 14 * 256);
      // One A4 landscape page, as the attachment prints.
      PrintSetup print = sheet.getPrintSetup();
      print.setPaperSize(PrintSetup.A4_PAPERSIZE);
      print.setLandscape(true);
      sheet.setFitToPage(true);
      print.setFitWidth((short) 1);
      print.setFitHeight((short) 1);
      sheet.setHorizontallyCenter(true);
      sheet.setMargin(Sheet.TopMargin, 0.4);
      sheet.setMargin(Sheet.BottomMargin, 0.4);
      sheet.setMargin(Sheet.LeftMargin, 0.5);
      sheet.setMargin(Sheet.RightMargin, 0.5);
      wb.setPrintArea(0, GROUP, VALUE, 0, r);
      wb.setForceFormulaRecalculation(true);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean amount(OfficialSheets.Line line) {
    return Cells.AMOUNTS.contains(line.code());
  }

  /** Every text cell passes the formula guard: a unit, preparer or phone typed as "=..." stays text. */
  private static String text(String value) {
    return FormulaGuard.text(value == null ? "" : value);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static void formula(Sheet sheet, Map<String, Integer> rowOf, String prefix, int parts) {
    StringBuilder f = new StringBuilder();
    for (int i = 1; i <= parts; i++) {
      f.append(i == 1 ? "" : "+").append("E").append(rowOf.get(prefix + i) + 1);
    }
    sheet.getRow(rowOf.get(prefix)).getCell(VALUE).setCellFormula(f.toString());
  }

  private static CellStyle bordered(XSSFWorkbook wb) {
    CellStyle s = wb.createCellStyle();
    s.setBorderTop(BorderStyle.THIN);
    s.setBorderBottom(BorderStyle.THIN);
    s.setBorderLeft(BorderStyle.THIN);
    s.setBorderRight(BorderStyle.THIN);
    s.setVerticalAlignment(VerticalAlignment.CENTER);
    return s;
  }
}

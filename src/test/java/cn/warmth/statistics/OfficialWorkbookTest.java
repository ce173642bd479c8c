package cn.warmth.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The 统计表 XLSX laid out like the notice's attachment: the 附件 line above the title, each C/D
 * (J, K) pair's item text merged over its two rows, the 编号 groups merged, and one A4 landscape
 * page when printed.
 */
class OfficialWorkbookTest {
  static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource m = new ResourceBundleMessageSource();
    m.setBasename("messages");
    m.setDefaultEncoding("UTF-8");
    m.setFallbackToSystemLocale(false);
    return m;
  }

  static XSSFSheet build(OfficialSheets.Sheet sheet) throws IOException {
    byte[] bytes = OfficialWorkbook.build(sheet, LocalDate.of(2024, 2, 20));
    return new XSSFWorkbook(new ByteArrayInputStream(bytes)).getSheetAt(0);
  }

  static OfficialSheets.Sheet sheet() {
    Cells cells = new Cells();
    cells.set("C6", 3);
    cells.set("D6", 150_000);
    cells.set("B3", 9_000_000);
    List<OfficialSheets.Line> lines = OfficialSheets.lines(OfficialTable.rows(cells.withSums(), 2, messages(),
        Locale.SIMPLIFIED_CHINESE));
    return new OfficialSheets.Sheet("2024年元旦春节期间各级工会送温暖统计表", "2024-YDCJ", "2024年元旦春节送温暖", "SX",
        "陕西省教科文卫体工会", 2, "钟振宇", "029-87228992", lines);
  }

  /** Row index by the code in column B. */
  static Map<String, Integer> rowsByCode(XSSFSheet s) {
    Map<String, Integer> m = new HashMap<>();
    for (Row r : s) {
      if (r.getCell(1) != null && !r.getCell(1).getStringCellValue().isEmpty()) {
        m.put(r.getCell(1).getStringCellValue(), r.getRowNum());
      }
    }
    return m;
  }

  static boolean merged(XSSFSheet s, int firstRow, int lastRow, int firstCol, int lastCol) {
    return s.getMergedRegions().stream().anyMatch(r -> r.getFirstRow() == firstRow && r.getLastRow() == lastRow
        && r.getFirstColumn() == firstCol && r.getLastColumn() == lastCol);
  }

  @Test
  void theAttachmentLineTitleAndHeaderItemsComeFirst() throws IOException {
    XSSFSheet s = build(sheet());
    assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("附件");
    assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2024年元旦春节期间各级工会送温暖统计表");
    assertThat(merged(s, 1, 1, 0, 4)).isTrue();
    assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo("填报单位:陕西省教科文卫体工会");
    assertThat(s.getRow(2).getCell(3).getStringCellValue()).isEqualTo("填报人:钟振宇");
    assertThat(s.getRow(3).getCell(0).getStringCellValue()).isEqualTo("电话:029-87228992");
    assertThat(s.getRow(3).getCell(3).getStringCellValue()).isEqualTo("2024 年 2 月 20 日");
    assertThat(s.getRow(4).getCell(0).getStringCellValue()).isEqualTo("编号");
    assertThat(merged(s, 4, 4, 1, 3)).as("项目 over the code, item and unit columns").isTrue();
  }

  @Test
  void eachPairsItemTextIsOneCellOverItsTwoRows() throws IOException {
    XSSFSheet s = build(sheet());
    Map<String, Integer> row = rowsByCode(s);
    for (String[] pair : new String[][] {{"C1", "D1"}, {"C6", "D6"}, {"C11", "D11"}, {"J1", "J2"}, {"K1", "K2"}}) {
      int r = row.get(pair[0]);
      assertThat(row.get(pair[1])).isEqualTo(r + 1);
      assertThat(merged(s, r, r + 1, 2, 2)).as(pair[0] + "/" + pair[1]).isTrue();
      assertThat(s.getRow(r).getCell(3).getStringCellValue()).isEqualTo("慰问对象(人次)");
      assertThat(s.getRow(r + 1).getCell(3).getStringCellValue()).isEqualTo("发放款物(万元)");
    }
    assertThat(s.getRow(row.get("C6")).getCell(2).getStringCellValue()).isEqualTo("重大灾害期间坚守抗灾一线的职工");
    assertThat(s.getRow(row.get("C6")).getCell(4).getNumericCellValue()).isEqualTo(3.0);
    assertThat(s.getRow(row.get("D6")).getCell(4).getNumericCellValue()).isEqualTo(0.15);
    // A row without a unit label has its item over the item and unit columns; sums carry the attachment's relation.
    assertThat(merged(s, row.get("A"), row.get("A"), 2, 3)).isTrue();
    assertThat(s.getRow(row.get("B")).getCell(2).getStringCellValue()).isEqualTo("筹集慰问款物总额(万元) B=B1+B2+B3+B4+B5+B6");
    // 编号 3 covers C, D and the eleven pairs: 24 rows.
    assertThat(merged(s, row.get("C"), row.get("D11"), 0, 0)).isTrue();
    assertThat(s.getRow(row.get("C")).getCell(0).getStringCellValue()).isEqualTo("3");
    // No merged region overlaps another (Excel refuses such a file).
    List<CellRangeAddress> regions = s.getMergedRegions();
    for (int i = 0; i < regions.size(); i++) {
      for (int j = i + 1; j < regions.size(); j++) {
        assertThat(regions.get(i).intersects(regions.get(j))).as(regions.get(i) + " / " + regions.get(j)).isFalse();
      }
    }
  }

  @Test
  void itPrintsOnOneA4LandscapePage() throws IOException {
    XSSFSheet s = build(sheet());
    PrintSetup print = s.getPrintSetup();
    assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
    assertThat(print.getLandscape()).isTrue();
    assertThat(s.getFitToPage()).isTrue();
    assertThat(print.getFitWidth()).isEqualTo((short) 1);
    assertThat(print.getFitHeight()).isEqualTo((short) 1);
    assertThat(s.getWorkbook().getPrintArea(0)).isEqualTo("送温暖统计表!$A$1:$E$" + (s.getLastRowNum() + 1));
  }
}

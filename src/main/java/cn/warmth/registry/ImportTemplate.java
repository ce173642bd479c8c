package cn.warmth.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The worker import template: Chinese headers, an example row, text-formatted number columns, a notes sheet. */
final class ImportTemplate {
  static final String[] HEADERS = {"姓名", "身份证号", "所属单位代码", "手机号", "用工性质", "是否残疾", "残疾证号", "开户银行", "银行卡号"};
  static final String[] FIELDS = {"name", "idNumber", "orgCode", "phone", "employmentType", "disabled",
      "disabilityCertNo", "bankName", "bankCardNumber"};
  static final String[] EXAMPLE = {"张建国", "610102198001011234", "SX-XA-TSZ", "13800138000", "在编", "否", "",
      "中国工商银行西安分行", "6222020200112233445"};

  private ImportTemplate() {}

  /** The template as a download, for the API and the page alike. */
  static org.springframework.http.ResponseEntity<byte[]> download() {
    return org.springframework.http.ResponseEntity.ok()
        .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename*=UTF-8''workers-template.xlsx")
        .contentType(org.springframework.http.MediaType.parseMediaType(WorkerApiController.XLSX)).body(build());
  }

  static byte[] build() {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      DataFormat fmt = wb.createDataFormat();
      CellStyle text = wb.createCellStyle();
      text.setDataFormat(fmt.getFormat("@")); // ID and card numbers must stay text, not numbers
      CellStyle head = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      head.setFont(bold);
      head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      head.setBorderBottom(BorderStyle.THIN);

      Sheet sheet = wb.createSheet("职工");
      Row h = sheet.createRow(0);
      for (int i = 0; i < HEADERS.length; i++) {
        var c = h.createCell(i);
        c.setCellValue(cn.warmth.shared.FormulaGuard.text(HEADERS[i]));
        c.setCellStyle(head);
        sheet.setDefaultColumnStyle(i, text);
        sheet.setColumnWidth(i, (i == 1 || i == 7 || i == 8 ? 24 : 14) * 256);
      }
      Row ex = sheet.createRow(1);
      for (int i = 0; i < EXAMPLE.length; i++) {
        var c = ex.createCell(i);
        c.setCellStyle(text);
        c.setCellValue(cn.warmth.shared.FormulaGuard.text(EXAMPLE[i]));
      }
      sheet.createFreezePane(0, 1);

      Sheet notes = wb.createSheet("填写说明");
      String[] lines = {
          "1. 第一行为表头，请勿修改；从第二行起每行一名职工。示例行请删除或替换为真实数据。",
          "2. 姓名：2–30 个汉字（可含生僻字和少数民族姓名中的间隔号“·”），或拉丁字母与空格。",
          "3. 身份证号：18 位居民身份证号码，末位可为 X；性别和出生日期由系统自动识别，无需填写。",
          "4. 所属单位代码：职工所在基层工会的代码，须在您的管理范围内。",
          "5. 手机号：11 位手机号码，可带 +86。可不填。",
          "6. 用工性质：在编、非在编、新就业形态（或 ESTABLISHED / NON_ESTABLISHED / NEW_FORM）。",
          "7. 是否残疾：是 / 否；填“是”时必须填写残疾证号。",
          "8. 开户银行与银行卡号：须为职工本人名下的银行卡，16–19 位数字；可不填，但填卡号时须填开户银行。",
          "9. 身份证号、银行卡号、手机号列已设为文本格式，请勿改为数字格式，否则长数字会被 Excel 改写。",
          "10. 上传时系统先检查全部行：任何一行有误，整个文件都不会导入，并逐行列出错误；全部正确才一次性导入。",
          "11. 同一身份证号在全省只能登记一次；文件内重复或系统中已存在的，将被列为错误。"};
      for (int i = 0; i < lines.length; i++) {
        notes.createRow(i).createCell(0).setCellValue(cn.warmth.shared.FormulaGuard.text(lines[i]));
      }
      notes.setColumnWidth(0, 120 * 256);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

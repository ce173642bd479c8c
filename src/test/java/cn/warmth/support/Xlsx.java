package cn.warmth.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds worker import files the way an officer fills the template. */
public final class Xlsx {
  public static final String[] HEADERS = {"姓名", "身份证号", "所属单位代码", "手机号", "用工性质", "是否残疾", "残疾证号", "开户银行", "银行卡号"};

  private Xlsx() {}

  public static byte[] workers(List<String[]> rows) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = wb.createSheet("职工");
      XSSFRow h = sheet.createRow(0);
      for (int i = 0; i < HEADERS.length; i++) {
        h.createCell(i).setCellValue(HEADERS[i]);
      }
      for (int r = 0; r < rows.size(); r++) {
        XSSFRow row = sheet.createRow(r + 1);
        for (int i = 0; i < rows.get(r).length; i++) {
          row.createCell(i).setCellValue(rows.get(r)[i]);
        }
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String[] row(String name, String id, String org) {
    return new String[] {name, id, org, "13800138000", "在编", "否", "", "中国银行", TestIds.nextCard()};
  }

  /** A multipart/form-data body with one file field. */
  public static byte[] multipart(String boundary, String field, String filename, byte[] content) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
          + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes());
      out.write(content);
      out.write(("\r\n--" + boundary + "--\r\n").getBytes());
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A large import file written as a stream (SXSSF keeps 100 rows in memory): {@code rows} data
   * rows of valid-looking workers at {@code org}, straight to {@code out}.
   */
  public static void streamWorkers(int rows, String org, java.io.OutputStream out) {
    try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
      wb.setCompressTempFiles(true);
      var sheet = wb.createSheet("职工");
      var h = sheet.createRow(0);
      for (int i = 0; i < HEADERS.length; i++) {
        h.createCell(i).setCellValue(HEADERS[i]);
      }
      for (int r = 1; r <= rows; r++) {
        String[] v = {"批量" + (char) ('甲' + r % 10), TestIds.nextId(), org, "13800138000", "在编", "否", "", "中国银行",
            TestIds.nextCard()};
        var row = sheet.createRow(r);
        for (int i = 0; i < v.length; i++) {
          row.createCell(i).setCellValue(v[i]);
        }
      }
      wb.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] streamWorkers(int rows, String org) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    streamWorkers(rows, org, out);
    return out.toByteArray();
  }
}

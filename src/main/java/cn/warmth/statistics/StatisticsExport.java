package cn.warmth.statistics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The XLSX download, shared by the API and the page. Always in Chinese: it is the official form. */
final class StatisticsExport {
  private StatisticsExport() {}

  static String title(String campaignName) {
    String base = campaignName.endsWith("送温暖") ? campaignName.substring(0, campaignName.length() - 3) : campaignName;
    return base + "期间各级工会送温暖统计表";
  }

  /**
   * The unit's table with 填报人 and 电话 from its contact ({@link OfficialSheets#sheet}); a
   * {@code preparer} or {@code phone} given with the request (older callers) takes their place.
   */
  static ResponseEntity<byte[]> xlsx(OfficialSheets sheets, String campaign, String org, int decimals, String preparer,
      String phone, LocalDate date) {
    OfficialSheets.Sheet s = sheets.sheet(campaign, org, decimals);
    if ((preparer != null && !preparer.isBlank()) || (phone != null && !phone.isBlank())) {
      s = new OfficialSheets.Sheet(s.title(), s.campaignCode(), s.campaignName(), s.orgCode(), s.orgName(), s.decimals(),
          preparer == null || preparer.isBlank() ? s.preparer() : preparer.strip(),
          phone == null || phone.isBlank() ? s.phone() : phone.strip(), s.lines());
    }
    byte[] file = OfficialWorkbook.build(s, date);
    String name = URLEncoder.encode(s.orgName() + "-" + s.campaignCode() + "-送温暖统计表.xlsx", StandardCharsets.UTF_8)
        .replace("+", "%20");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + name)
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(file);
  }
}

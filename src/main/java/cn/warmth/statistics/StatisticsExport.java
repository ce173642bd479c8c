package cn.warmth.statistics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
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

  static ResponseEntity<byte[]> xlsx(Statistics statistics, MessageSource messages, String campaign, String org,
      int decimals, String preparer, String phone, LocalDate date) {
    Statistics.Scope s = statistics.scope(campaign, org);
    int d = decimals == 4 ? 4 : 2;
    Cells cells = statistics.compute(s.campaign().code(), s.org().path());
    byte[] file = OfficialWorkbook.build(title(s.campaign().name()), s.org().name(), preparer, phone, date,
        OfficialTable.rows(cells, d, messages, Locale.SIMPLIFIED_CHINESE));
    String name = URLEncoder.encode(s.org().name() + "-" + s.campaign().code() + "-送温暖统计表.xlsx", StandardCharsets.UTF_8)
        .replace("+", "%20");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + name)
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(file);
  }
}

package cn.warmth.statistics;

import cn.warmth.shared.CurrentUser;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The official 统计表 as printed documents need it: title, unit and rows (always in Chinese: it is the form). */
@Service
public class OfficialSheets {
  private final Statistics statistics;
  private final MessageSource messages;

  OfficialSheets(Statistics statistics, MessageSource messages) {
    this.statistics = statistics;
    this.messages = messages;
  }

  public record Line(String group, String code, String label, String unitLabel, String value, boolean part,
      String formula) {}

  public record Sheet(String title, String campaignCode, String campaignName, String orgCode, String orgName,
      int decimals, String preparer, List<Line> lines) {}

  /** Scope-checked like the table page (404 outside); 万元 with 2 or 4 decimals. */
  @Transactional(readOnly = true)
  public Sheet sheet(String campaign, String org, int decimals) {
    Statistics.Scope s = statistics.scope(campaign, org);
    int d = decimals == 4 ? 4 : 2;
    List<Line> lines = OfficialTable.rows(statistics.compute(s.campaign().code(), s.org().path()), d, messages,
        Locale.SIMPLIFIED_CHINESE).stream().map(r -> new Line(r.group(), r.code(), r.label(), r.unitLabel(), r.value(),
        r.part(), r.formula())).toList();
    return new Sheet(StatisticsExport.title(s.campaign().name()), s.campaign().code(), s.campaign().name(),
        s.org().code(), s.org().name(), d, CurrentUser.get().displayName(), lines);
  }
}

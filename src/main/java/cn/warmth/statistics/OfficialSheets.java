package cn.warmth.statistics;

import cn.warmth.organisation.OrgContact;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official 统计表 as printed documents need it: title, unit, who fills it in and their phone,
 * and the rows with their merges (always in Chinese: it is the form). One source for the page,
 * the print view, the PDF and the XLSX.
 */
@Service
public class OfficialSheets {
  private final Statistics statistics;
  private final Organisations organisations;
  private final MessageSource messages;

  OfficialSheets(Statistics statistics, Organisations organisations, MessageSource messages) {
    this.statistics = statistics;
    this.organisations = organisations;
    this.messages = messages;
  }

  /**
   * One printed line. {@code groupSpan}: rows of the 编号 group on its first line (0 on the others);
   * {@code labelSpan}: 2 on the first line of a C/D, J or K pair (the item text covers both), 0 on
   * the second, 1 elsewhere.
   */
  public record Line(String group, String code, String label, String unitLabel, String value, boolean part,
      String formula, int groupSpan, int labelSpan) {}

  public record Sheet(String title, String campaignCode, String campaignName, String orgCode, String orgName,
      int decimals, String preparer, String phone, List<Line> lines) {}

  /** 填报人 and 电话: the unit's contact person and phone; without a contact, the signed-in user and no phone. */
  public record Filler(String preparer, String phone) {}

  /** Scope-checked like the table page (404 outside); 万元 with 2 or 4 decimals. */
  @Transactional(readOnly = true)
  public Sheet sheet(String campaign, String org, int decimals) {
    Statistics.Scope s = statistics.scope(campaign, org);
    int d = decimals == 4 ? 4 : 2;
    List<Line> lines = lines(OfficialTable.rows(statistics.compute(s.campaign().code(), s.org().path()), d, messages,
        Locale.SIMPLIFIED_CHINESE));
    Filler f = filler(s.org());
    return new Sheet(StatisticsExport.title(s.campaign().name()), s.campaign().code(), s.campaign().name(),
        s.org().code(), s.org().name(), d, f.preparer(), f.phone(), lines);
  }

  Filler filler(OrgView org) {
    OrgContact c = organisations.contactOf(org.code());
    return new Filler(c.name() != null ? c.name() : CurrentUser.get().displayName(), c.phone() == null ? "" : c.phone());
  }

  /** A row of a submitted report beside today's figures (both as printed, 万元 balanced). */
  public record Compared(String group, String code, String label, String unitLabel, String frozen, String live,
      boolean differs, boolean part, int labelSpan) {}

  /**
   * The frozen figures of a submitted table next to today's live ones, row by row, for the unit
   * that submitted it (scope-checked: the parent sees its children's). Labels in the page's language.
   */
  @Transactional(readOnly = true)
  public List<Compared> compare(String campaign, String org, Map<String, Object> frozenCells, Locale locale) {
    Statistics.Scope s = statistics.scope(campaign, org);
    List<OfficialTable.Row> frozen = OfficialTable.rows(Cells.fromApi(frozenCells), 2, messages, locale);
    List<OfficialTable.Row> live = OfficialTable.rows(statistics.compute(s.campaign().code(), s.org().path()), 2,
        messages, locale);
    List<Compared> out = new ArrayList<>(frozen.size());
    for (int i = 0; i < frozen.size(); i++) {
      OfficialTable.Row f = frozen.get(i);
      String now = live.get(i).value();
      out.add(new Compared(f.group(), f.code(), f.label(), f.unitLabel(), f.value(), now, !f.value().equals(now),
          f.part(), f.labelSpan()));
    }
    return out;
  }

  static List<Line> lines(List<OfficialTable.Row> rows) {
    return rows.stream().map(r -> new Line(r.group(), r.code(), r.label(), r.unitLabel(), r.value(), r.part(),
        r.formula(), r.groupSpan(), r.labelSpan())).toList();
  }
}

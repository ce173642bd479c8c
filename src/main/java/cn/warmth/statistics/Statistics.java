package cn.warmth.statistics;

import cn.warmth.campaign.CampaignView;
import cn.warmth.campaign.Campaigns;
import cn.warmth.cases.AidCases;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.FieldProblem;
import cn.warmth.shared.Money;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics table for a campaign and an organisation, including everything below it.
 * Four SQL aggregations over indexed tables (the per-unit case summary, funds and activities),
 * whatever the number of cases; nothing is read from the engine. Drill-down reads the facts.
 */
@Service
public class Statistics {
  private final JdbcTemplate jdbc;
  private final Organisations organisations;
  private final Campaigns campaigns;
  private final AidCases cases;

  Statistics(JdbcTemplate jdbc, Organisations organisations, Campaigns campaigns, AidCases cases) {
    this.jdbc = jdbc;
    this.organisations = organisations;
    this.campaigns = campaigns;
    this.cases = cases;
  }

  public record Scope(CampaignView campaign, OrgView org) {}

  /** The campaign and organisation, checked: unknown campaign 404, organisation outside scope 404. */
  public Scope scope(String campaignCode, String orgCode) {
    if (campaignCode == null || campaignCode.isBlank()) {
      throw BusinessException.validation(FieldProblem.of("campaign", "REQUIRED"));
    }
    CampaignView c = campaigns.require(campaignCode);
    OrgView o = orgCode == null || orgCode.isBlank() ? organisations.requireInScope(CurrentUser.get().orgCode())
        : organisations.requireInScope(orgCode);
    return new Scope(c, o);
  }

  @Transactional(readOnly = true)
  public Cells cells(String campaignCode, String orgCode) {
    Scope s = scope(campaignCode, orgCode);
    return compute(s.campaign().code(), s.org().path());
  }

  /** One entry per direct child organisation. */
  public record Row(String orgCode, String orgName, Cells cells) {}

  @Transactional(readOnly = true)
  public List<Row> breakdown(String campaignCode, String orgCode) {
    return breakdown(scope(campaignCode, orgCode));
  }

  List<Row> breakdown(Scope s) {
    return organisations.children(s.org().code()).stream()
        .map(child -> new Row(child.code(), child.name(), compute(s.campaign().code(), child.path()))).toList();
  }

  /** The cases behind a C, D, E, J or K cell. */
  @Transactional(readOnly = true)
  public List<String> casesBehind(String campaignCode, String orgCode, String cell) {
    Scope s = scope(campaignCode, orgCode);
    return jdbc.queryForList("select case_number from stat_case_fact where campaign_code = ? and org_path like ? "
        + "and voided = false and " + condition(cell) + " order by case_number", String.class, s.campaign().code(),
        s.org().path() + "%");
  }

  /** A case behind a cell, as the drill-down page lists it: masked name, unit, money and goods, closing day. */
  public record CaseRow(String caseNumber, String orgCode, String orgName, String maskedName, String totalYuan,
      LocalDate closedOn) {}

  /** One page of the cases behind a cell, with the total (counted in SQL); names masked, units by name. */
  @Transactional(readOnly = true)
  public Paged<CaseRow> rowsBehind(String campaignCode, String orgCode, String cell, PageParams page) {
    Scope s = scope(campaignCode, orgCode);
    String where = " from stat_case_fact where campaign_code = ? and org_path like ? and voided = false and "
        + condition(cell);
    Object[] args = {s.campaign().code(), s.org().path() + "%"};
    long total = jdbc.queryForObject("select count(*)" + where, Long.class, args);
    record Fact(String caseNumber, String orgCode, long fen, LocalDate closedOn) {}
    List<Fact> facts = jdbc.query("select case_number, org_code, amount_fen + goods_fen, closed_on" + where
        + " order by case_number offset ? rows fetch next ? rows only",
        (rs, i) -> new Fact(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class)),
        args[0], args[1], page.offset(), page.size());
    Map<String, String> names = cases.maskedWorkerNames(facts.stream().map(Fact::caseNumber).toList());
    Map<String, String> units = organisations.namesOf(facts.stream().map(Fact::orgCode).collect(Collectors.toSet()));
    return new Paged<>(facts.stream().map(f -> new CaseRow(f.caseNumber(), f.orgCode(),
        units.getOrDefault(f.orgCode(), f.orgCode()), names.getOrDefault(f.caseNumber(), ""), Money.yuan(f.fen()),
        f.closedOn())).toList(), total);
  }

  /** The facts behind a drillable cell, as SQL (from a fixed set: never the caller's text). */
  private static String condition(String cell) {
    String c = cell == null ? "" : cell.strip().toUpperCase();
    if (!Cells.DRILLABLE.contains(c)) {
      throw BusinessException.validation(FieldProblem.of("cell", "NOT_DRILLABLE"));
    }
    return switch (c) {
      case "C", "D" -> "1 = 1";
      case "E" -> "(e1 or e2 or e3 or e4 or e5)";
      case "J1", "J2" -> "new_form";
      case "K1", "K2" -> "disabled";
      default -> c.startsWith("E") ? c.toLowerCase() : "category = 'C" + c.substring(1) + "'";
    };
  }

  Cells compute(String campaign, String path) {
    Cells cells = new Cells();
    String like = path + "%";
    // The per-unit summary, not the facts: a few rows per unit, whatever the number of cases.
    long[] ejk = new long[9];
    jdbc.query("""
        select category, sum(cases), sum(total_fen), sum(e1), sum(e2), sum(e3), sum(e4), sum(e5),
               sum(nf_cases), sum(nf_fen), sum(dis_cases), sum(dis_fen)
        from stat_summary where campaign_code = ? and org_path like ? group by category""", rs -> {
          String n = rs.getString(1).substring(1);
          cells.set("C" + n, rs.getLong(2));
          cells.set("D" + n, rs.getLong(3));
          for (int i = 0; i < 9; i++) {
            ejk[i] += rs.getLong(4 + i);
          }
        }, campaign, like);
    for (int i = 0; i < 5; i++) {
      cells.set("E" + (i + 1), ejk[i]);
    }
    cells.set("J1", ejk[5]);
    cells.set("J2", ejk[6]);
    cells.set("K1", ejk[7]);
    cells.set("K2", ejk[8]);
    jdbc.query("select source, sum(amount_fen) from fund_record where campaign_code = ? and org_path like ? group by source",
        rs -> {
          cells.set(rs.getString(1), rs.getLong(2));
        }, campaign, like);
    jdbc.query("""
        select kind, coalesce(sum(person_count), 0), coalesce(sum(amount_fen), 0) from activity
        where campaign_code = ? and org_path like ? and kind <> 'ENTERPRISE_VISIT' group by kind""", rs -> {
          switch (rs.getString(1)) {
            case "SERVICE_PSYCH" -> cells.set("F1", rs.getLong(2));
            case "SERVICE_CULTURE" -> cells.set("F2", rs.getLong(2));
            case "SERVICE_OTHER" -> cells.set("F3", rs.getLong(2));
            case "MIGRANT_RETURN" -> cells.set("G", rs.getLong(2));
            case "WAGE_RECOVERY" -> {
              cells.set("H", rs.getLong(2));
              cells.set("I", rs.getLong(3));
            }
            default -> throw new IllegalStateException(rs.getString(1));
          }
        }, campaign, like);
    // A: distinct enterprises, by credit code when known, else by name.
    Long a = jdbc.queryForObject("""
        select count(distinct case when enterprise_credit_code is not null then concat('C:', enterprise_credit_code)
                                   else concat('N:', enterprise_name) end)
        from activity where campaign_code = ? and org_path like ? and kind = 'ENTERPRISE_VISIT'""", Long.class,
        campaign, like);
    cells.set("A", a == null ? 0 : a);
    return cells.withSums();
  }
}

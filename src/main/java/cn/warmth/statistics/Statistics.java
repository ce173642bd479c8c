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
 * whatever the number of cases; a breakdown or the reports list groups the same four by unit rather
 * than asking again per unit. Nothing is read from the engine. Drill-down reads the facts.
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

  /** The children's cells with four grouped queries over the parent's subtree, however many children. */
  List<Row> breakdown(Scope s) {
    List<OrgView> children = organisations.children(s.org().code());
    Map<String, Cells> cells = aggregate(s.campaign().code(), s.org().path(),
        children.stream().map(OrgView::path).toList());
    return children.stream().map(child -> new Row(child.code(), child.name(), cells.get(child.path()))).toList();
  }

  /**
   * Live cells of several units at once (org code → its path), each with everything below it: four
   * grouped queries whatever their number (the reports list). Units outside the caller's scope: 404.
   */
  @Transactional(readOnly = true)
  public Map<String, Cells> cellsOfUnits(String campaignCode, Map<String, String> pathByOrgCode) {
    var me = CurrentUser.get();
    if (pathByOrgCode.values().stream().anyMatch(path -> !me.covers(path))) {
      throw BusinessException.notFound();
    }
    if (pathByOrgCode.isEmpty()) {
      return Map.of();
    }
    Map<String, Cells> byPath = aggregate(campaignCode, commonPrefix(pathByOrgCode.values()),
        List.copyOf(new java.util.LinkedHashSet<>(pathByOrgCode.values())));
    Map<String, Cells> out = new java.util.LinkedHashMap<>();
    pathByOrgCode.forEach((code, path) -> out.put(code, byPath.get(path)));
    return out;
  }

  /** The longest path (ending in '/') that every given path starts with. */
  static String commonPrefix(java.util.Collection<String> paths) {
    String prefix = paths.iterator().next();
    for (String p : paths) {
      while (!p.startsWith(prefix)) {
        prefix = prefix.substring(0, prefix.lastIndexOf('/', prefix.length() - 2) + 1);
      }
    }
    return prefix;
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
    return aggregate(campaign, path, List.of(path)).get(path);
  }

  /**
   * The cells of each target path (everything below it) within {@code base}: four aggregate queries
   * on indexed prefixes — the per-unit case summary (a few rows per unit, whatever the number of
   * cases), funds, activities and the distinct enterprises — grouped by unit when there are several
   * targets and summed here into each target whose path the unit's starts with.
   */
  private Map<String, Cells> aggregate(String campaign, String base, List<String> targets) {
    boolean one = targets.size() == 1 && targets.get(0).equals(base);
    String unit = one ? "'-'" : "org_path";
    String by = one ? "" : "org_path, ";
    String like = base + "%";
    Map<String, Cells> cells = new java.util.LinkedHashMap<>();
    Map<String, java.util.Set<String>> enterprises = new java.util.HashMap<>();
    targets.forEach(t -> {
      cells.put(t, new Cells());
      enterprises.put(t, new java.util.HashSet<>());
    });
    java.util.function.Function<String, List<String>> into = path -> one ? targets
        : targets.stream().filter(path::startsWith).toList();
    jdbc.query("select " + unit + """
        , category, sum(cases), sum(total_fen), sum(e1), sum(e2), sum(e3), sum(e4), sum(e5),
               sum(nf_cases), sum(nf_fen), sum(dis_cases), sum(dis_fen)
        from stat_summary where campaign_code = ? and org_path like ? group by\s""" + by + "category", rs -> {
          String n = rs.getString(2).substring(1);
          for (String t : into.apply(rs.getString(1))) {
            Cells c = cells.get(t);
            c.add("C" + n, rs.getLong(3));
            c.add("D" + n, rs.getLong(4));
            for (int i = 0; i < 5; i++) {
              c.add("E" + (i + 1), rs.getLong(5 + i));
            }
            c.add("J1", rs.getLong(10));
            c.add("J2", rs.getLong(11));
            c.add("K1", rs.getLong(12));
            c.add("K2", rs.getLong(13));
          }
        }, campaign, like);
    jdbc.query("select " + unit + ", source, sum(amount_fen) from fund_record where campaign_code = ? and org_path like ? "
        + "group by " + by + "source", rs -> {
          for (String t : into.apply(rs.getString(1))) {
            cells.get(t).add(rs.getString(2), rs.getLong(3));
          }
        }, campaign, like);
    jdbc.query("select " + unit + """
        , kind, coalesce(sum(person_count), 0), coalesce(sum(amount_fen), 0) from activity
        where campaign_code = ? and org_path like ? and kind <> 'ENTERPRISE_VISIT' group by\s""" + by + "kind", rs -> {
          for (String t : into.apply(rs.getString(1))) {
            Cells c = cells.get(t);
            switch (rs.getString(2)) {
              case "SERVICE_PSYCH" -> c.add("F1", rs.getLong(3));
              case "SERVICE_CULTURE" -> c.add("F2", rs.getLong(3));
              case "SERVICE_OTHER" -> c.add("F3", rs.getLong(3));
              case "MIGRANT_RETURN" -> c.add("G", rs.getLong(3));
              case "WAGE_RECOVERY" -> {
                c.add("H", rs.getLong(3));
                c.add("I", rs.getLong(4));
              }
              default -> throw new IllegalStateException(rs.getString(2));
            }
          }
        }, campaign, like);
    // A: distinct enterprises, by credit code when known, else by name (distinct per unit here, across units in Java).
    jdbc.query("select distinct " + unit + """
        , case when enterprise_credit_code is not null then concat('C:', enterprise_credit_code)
                                   else concat('N:', enterprise_name) end
        from activity where campaign_code = ? and org_path like ? and kind = 'ENTERPRISE_VISIT'""", rs -> {
          for (String t : into.apply(rs.getString(1))) {
            enterprises.get(t).add(rs.getString(2));
          }
        }, campaign, like);
    cells.forEach((t, c) -> {
      c.set("A", enterprises.get(t).size());
      c.withSums();
    });
    return cells;
  }
}

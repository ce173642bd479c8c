package cn.warmth.funds;

import cn.warmth.audit.AuditLog;
import cn.warmth.campaign.CampaignView;
import cn.warmth.campaign.Campaigns;
import cn.warmth.cases.AidCases;
import cn.warmth.cases.FundSource;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Enums;
import cn.warmth.shared.Money;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The funds ledger (B1–B6) and the per-campaign overview of raised vs approved vs paid. */
@Service
public class Funds {
  private final FundRecordRepository records;
  private final Campaigns campaigns;
  private final Organisations organisations;
  private final AidCases cases;
  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final Clock clock;

  Funds(FundRecordRepository records, Campaigns campaigns, Organisations organisations, AidCases cases, JdbcTemplate jdbc,
      AuditLog audit, Clock clock) {
    this.records = records;
    this.campaigns = campaigns;
    this.organisations = organisations;
    this.cases = cases;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  public record FundView(long id, String campaignCode, String orgCode, FundSource source, String amountYuan,
      LocalDate receivedOn, String note, String recordedBy) {
    static FundView of(FundRecord f) {
      return new FundView(f.getId(), f.getCampaignCode(), f.getOrgCode(), f.getSource(), Money.yuan(f.getAmountFen()),
          f.getReceivedOn(), f.getNote(), f.getRecordedBy());
    }
  }

  @Transactional
  public FundView record(String campaignCode, String orgCode, String source, Object amountYuan, String receivedOn,
      String note) {
    CurrentUser.requireRole(Role.FINANCE);
    Problems p = new Problems();
    CampaignView campaign = null;
    if (p.require("campaignCode", campaignCode)) {
      campaign = campaigns.find(campaignCode).orElse(null);
      if (campaign == null) {
        p.add("campaignCode", "UNKNOWN_CAMPAIGN");
      }
    }
    OrgView org = null;
    if (p.require("orgCode", orgCode)) {
      try {
        org = organisations.requireInScope(orgCode);
      } catch (cn.warmth.shared.BusinessException e) {
        p.add("orgCode", "UNKNOWN_ORG");
      }
    }
    if (campaign != null && org != null && !campaign.reaches(org.path())) {
      p.add("orgCode", "CAMPAIGN_NOT_HERE", campaign.name());
    }
    FundSource src = Enums.parse(FundSource.class, source, "source", p);
    Long fen = Money.parseYuan(amountYuan, "amountYuan", p, true);
    if (fen != null && fen == 0) {
      p.add("amountYuan", "INVALID_AMOUNT");
    }
    // Within the campaign's dates ± 1 year, and not in the future.
    LocalDate day = campaign == null ? cn.warmth.shared.Dates.parse(receivedOn, "receivedOn", p)
        : cn.warmth.shared.Dates.parseWithin(receivedOn, "receivedOn", campaign.earliestRecordDate(), campaign.latestRecordDate(), p);
    if (day != null && day.isAfter(LocalDate.now(clock))) {
      p.add("receivedOn", "DATE_IN_FUTURE");
    }
    String text = Texts.freeText(note, "note", 300, false, p);
    p.throwIfAny();
    FundRecord f = records.save(new FundRecord(campaignCode.strip(), org.code(), org.path(), src, fen, day, text,
        CurrentUser.get().username(), Instant.now(clock)));
    audit.record("FUND_RECORDED", "FUND", String.valueOf(f.getId()), f.getOrgPath(), null, Map.of("campaign",
        f.getCampaignCode(), "org", f.getOrgCode(), "source", src.name(), "amountYuan", Money.yuan(fen),
        "receivedOn", day.toString()));
    return FundView.of(f);
  }

  /** One page of {@link #list(String)}, with the total. */
  @Transactional(readOnly = true)
  public cn.warmth.shared.Paged<FundView> list(String campaignCode, cn.warmth.shared.PageParams page) {
    campaigns.require(campaignCode);
    return cn.warmth.shared.Paged.of(records.inScope(campaignCode, CurrentUser.get().orgPath(),
        page.pageable(org.springframework.data.domain.Sort.unsorted())).map(FundView::of));
  }

  /** The fund list's sort keys. */
  public static final List<String> SORTS = List.of("date", "amount", "org", "source");
  private static final Map<String, String> SORT_PROPERTIES = Map.of("date", "receivedOn", "amount", "amountFen",
      "org", "orgPath", "source", "source");

  /** The funds page's records: in scope (or below {@code org}), optionally one source, sorted, one page with the total. */
  @Transactional(readOnly = true)
  public cn.warmth.shared.Paged<FundView> list(String campaignCode, String org, String source,
      cn.warmth.shared.SortOrder sort, cn.warmth.shared.PageParams page) {
    campaigns.require(campaignCode);
    cn.warmth.shared.Problems p = new cn.warmth.shared.Problems();
    FundSource src = source == null || source.isBlank() ? null
        : cn.warmth.shared.Enums.parse(FundSource.class, source, "source", p);
    p.throwIfAny();
    String scope = org == null || org.isBlank() ? CurrentUser.get().orgPath()
        : organisations.requireInScope(org.strip()).path();
    Specification<FundRecord> spec = (root, q, cb) -> {
      var where = new ArrayList<jakarta.persistence.criteria.Predicate>();
      where.add(cb.equal(root.get("campaignCode"), campaignCode));
      where.add(cb.like(root.get("orgPath"), scope + "%"));
      if (src != null) where.add(cb.equal(root.get("source"), src));
      return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
    };
    return cn.warmth.shared.Paged.of(records.findAll(spec, page.pageable(sort.toSort(SORT_PROPERTIES)))
        .map(FundView::of));
  }

  @Transactional(readOnly = true)
  public List<FundView> list(String campaignCode) {
    return records.inScope(campaignCode, CurrentUser.get().orgPath()).stream().map(FundView::of).toList();
  }

  /** One line of the funds overview: raised, approved and paid out for a source. */
  public record SourceLine(FundSource source, String raisedYuan, String approvedYuan, String paidYuan, boolean overspent) {}

  /** Raised (fund records) vs approved and paid out (cases), per source, for the caller's scope: SQL sums only. */
  @Transactional(readOnly = true)
  public List<SourceLine> overview(String campaignCode, String orgCode) {
    String scope = orgCode == null || orgCode.isBlank() ? CurrentUser.get().orgPath()
        : organisations.requireInScope(orgCode).path();
    Map<FundSource, Long> raised = new EnumMap<>(FundSource.class);
    jdbc.query("select source, sum(amount_fen) from fund_record where campaign_code = ? and org_path like ? group by source",
        rs -> {
          raised.put(FundSource.valueOf(rs.getString(1)), rs.getLong(2));
        }, campaignCode, scope + "%");
    Map<FundSource, long[]> spent = cases.sumsBySource(campaignCode, scope);
    List<SourceLine> lines = new ArrayList<>();
    for (FundSource s : FundSource.values()) {
      long r = raised.getOrDefault(s, 0L);
      long[] ap = spent.getOrDefault(s, new long[2]);
      lines.add(new SourceLine(s, Money.yuan(r), Money.yuan(ap[0]), Money.yuan(ap[1]), ap[1] > r));
    }
    return lines;
  }
}

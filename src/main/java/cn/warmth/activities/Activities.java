package cn.warmth.activities;

import cn.warmth.audit.AuditLog;
import cn.warmth.campaign.CampaignView;
import cn.warmth.campaign.Campaigns;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CreditCodes;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Enums;
import cn.warmth.shared.Money;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records activities that count in the statistics without being cases (domain.md §7). */
@Service
public class Activities {
  private final ActivityRepository activities;
  private final Campaigns campaigns;
  private final Organisations organisations;
  private final AuditLog audit;
  private final Clock clock;

  Activities(ActivityRepository activities, Campaigns campaigns, Organisations organisations, AuditLog audit, Clock clock) {
    this.activities = activities;
    this.campaigns = campaigns;
    this.organisations = organisations;
    this.audit = audit;
    this.clock = clock;
  }

  public record ActivityView(long id, String campaignCode, String orgCode, ActivityKind kind, LocalDate date, int count,
      String amountYuan, String enterpriseName, String enterpriseCreditCode, String note, String recordedBy) {
    static ActivityView of(Activity a) {
      return new ActivityView(a.getId(), a.getCampaignCode(), a.getOrgCode(), a.getKind(), a.getDate(), a.getCount(),
          Money.yuan(a.getAmountFen()), a.getEnterpriseName(), a.getEnterpriseCreditCode(), a.getNote(), a.getRecordedBy());
    }
  }

  @Transactional
  public ActivityView record(String campaignCode, String orgCode, String kind, String date, Integer count,
      Object amountYuan, String enterpriseName, String creditCode, String note) {
    CurrentUser.requireRole(Role.OFFICER);
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
      } catch (BusinessException e) {
        p.add("orgCode", "UNKNOWN_ORG");
      }
    }
    if (campaign != null && org != null && !campaign.reaches(org.path())) {
      p.add("orgCode", "CAMPAIGN_NOT_HERE", campaign.name());
    }
    ActivityKind k = Enums.parse(ActivityKind.class, kind, "kind", p);
    // Within the campaign's dates ± 1 year, and not in the future.
    LocalDate day = campaign == null ? cn.warmth.shared.Dates.parse(date, "date", p)
        : cn.warmth.shared.Dates.parseWithin(date, "date", campaign.earliestRecordDate(), campaign.latestRecordDate(), p);
    if (day != null && day.isAfter(LocalDate.now(clock))) {
      p.add("date", "DATE_IN_FUTURE");
    }
    int n = count == null ? (k == ActivityKind.ENTERPRISE_VISIT ? 1 : 0) : count;
    if (n < 1 || n > 1_000_000) {
      p.add("count", "INVALID_COUNT");
    }
    Long fen = Money.parseYuan(amountYuan == null ? "0" : amountYuan, "amountYuan", p, false);
    if (k != ActivityKind.WAGE_RECOVERY && fen != null && fen > 0) {
      p.add("amountYuan", "AMOUNT_NOT_ALLOWED");
    }
    String name = Texts.trim(enterpriseName);
    String code = Texts.trim(creditCode);
    if (code != null && code.isEmpty()) {
      code = null;
    }
    if (k == ActivityKind.ENTERPRISE_VISIT) {
      if (p.require("enterpriseName", name) && !Texts.isPlain(name, 2, 100)) {
        p.add("enterpriseName", "INVALID_NAME");
      }
      if (code != null && !CreditCodes.isValid(code.toUpperCase())) {
        p.add("enterpriseCreditCode", "INVALID_CREDIT_CODE");
      }
    } else {
      name = null;
      code = null;
    }
    String text = Texts.freeText(note, "note", 300, false, p);
    p.throwIfAny();
    Activity a = activities.save(new Activity(campaignCode.strip(), org.code(), org.path(), k, day, n,
        fen == null ? 0 : fen, name, code == null ? null : code.toUpperCase(), text, CurrentUser.get().username(),
        Instant.now(clock)));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("kind", k.name());
    after.put("count", n);
    after.put("amountYuan", Money.yuan(a.getAmountFen()));
    after.put("enterprise", name);
    audit.record("ACTIVITY_RECORDED", "ACTIVITY", String.valueOf(a.getId()), a.getOrgPath(), null, after);
    return ActivityView.of(a);
  }

  /** One page of {@link #list(String)}, with the total. */
  @Transactional(readOnly = true)
  public cn.warmth.shared.Paged<ActivityView> list(String campaignCode, cn.warmth.shared.PageParams page) {
    campaigns.require(campaignCode);
    return cn.warmth.shared.Paged.of(activities.inScope(campaignCode, CurrentUser.get().orgPath(),
        page.pageable(org.springframework.data.domain.Sort.unsorted())).map(ActivityView::of));
  }

  /** The activity list's sort keys. */
  public static final List<String> SORTS = List.of("date", "kind", "org", "count");
  private static final Map<String, String> SORT_PROPERTIES = Map.of("date", "date", "kind", "kind", "org", "orgPath",
      "count", "count");

  /** The activities page's list: in scope (or below {@code org}), optionally one kind, sorted, one page with the total. */
  @Transactional(readOnly = true)
  public cn.warmth.shared.Paged<ActivityView> list(String campaignCode, String org, String kind,
      cn.warmth.shared.SortOrder sort, cn.warmth.shared.PageParams page) {
    campaigns.require(campaignCode);
    cn.warmth.shared.Problems p = new cn.warmth.shared.Problems();
    ActivityKind k = kind == null || kind.isBlank() ? null
        : cn.warmth.shared.Enums.parse(ActivityKind.class, kind, "kind", p);
    p.throwIfAny();
    String scope = org == null || org.isBlank() ? CurrentUser.get().orgPath()
        : organisations.requireInScope(org.strip()).path();
    Specification<Activity> spec = (root, q, cb) -> {
      var where = new java.util.ArrayList<jakarta.persistence.criteria.Predicate>();
      where.add(cb.equal(root.get("campaignCode"), campaignCode));
      where.add(cb.like(root.get("orgPath"), scope + "%"));
      if (k != null) where.add(cb.equal(root.get("kind"), k));
      return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
    };
    return cn.warmth.shared.Paged.of(activities.findAll(spec, page.pageable(sort.toSort(SORT_PROPERTIES)))
        .map(ActivityView::of));
  }

  @Transactional(readOnly = true)
  public List<ActivityView> list(String campaignCode) {
    return activities.inScope(campaignCode, CurrentUser.get().orgPath()).stream().map(ActivityView::of).toList();
  }
}

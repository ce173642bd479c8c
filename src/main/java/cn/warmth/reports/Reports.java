package cn.warmth.reports;

import cn.warmth.audit.AuditLog;
import cn.warmth.campaign.CampaignCreated;
import cn.warmth.campaign.CampaignView;
import cn.warmth.campaign.Campaigns;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Enums;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.Texts;
import cn.warmth.shared.WarmthUser;
import cn.warmth.statistics.Cells;
import cn.warmth.statistics.Statistics;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.warmth.workflow.Action;
import cn.warmth.workflow.CommandAttempts;
import cn.warmth.workflow.WorkflowCommand;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Campaign reports up the tree (domain.md §9), with deadline reminders. */
@Service
public class Reports {
  private final CampaignReportRepository reports;
  private final Statistics statistics;
  private final Organisations organisations;
  private final Campaigns campaigns;
  private final ReportWorkflow workflow;
  private final DeadlineWorkflow deadlines;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;

  Reports(CampaignReportRepository reports, Statistics statistics, Organisations organisations, Campaigns campaigns,
      ReportWorkflow workflow, DeadlineWorkflow deadlines, AuditLog audit, ObjectMapper json, Clock clock) {
    this.reports = reports;
    this.statistics = statistics;
    this.organisations = organisations;
    this.campaigns = campaigns;
    this.workflow = workflow;
    this.deadlines = deadlines;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  public record ReportView(long id, String campaignCode, String orgCode, String parentCode, ReportStatus status,
      Map<String, Object> cells, Boolean liveDiffers, String narrative, String preparedBy, String phone,
      String submittedBy, Instant submittedAt, boolean late, String reviewedBy, Instant reviewedAt, String reviewComment,
      List<Action> actions) {

    /** Whether the caller may take this action now (pages render their forms from {@link #actions}). */
    public boolean can(String action) {
      return actions != null && actions.contains(Action.valueOf(action));
    }
  }

  /**
   * A MANAGER submits their own unit's report: the figures are frozen now. The unit's reminder
   * and any 修改后重新报送 of a returned report are done; when every unit has reported, the
   * deadline process ends.
   */
  @WorkflowCommand
  @Transactional
  public ReportView submit(String campaignCode, String orgCode, String narrative, String preparedBy, String phone) {
    CurrentUser.requireRole(Role.MANAGER);
    WarmthUser me = CurrentUser.get();
    Problems p = new Problems();
    String text = Texts.freeText(narrative, "narrative", 4000, true, p);
    String who = Texts.trim(preparedBy);
    if (p.require("preparedBy", who) && !Texts.isPlain(who, 2, 30)) {
      p.add("preparedBy", "INVALID_NAME");
    }
    String tel = Texts.trim(phone);
    if (p.require("phone", tel) && !tel.matches("[0-9+\\- ()]{7,20}")) {
      p.add("phone", "INVALID_PHONE");
    }
    p.throwIfAny();
    Statistics.Scope scope = statistics.scope(campaignCode, orgCode == null ? me.orgCode() : orgCode);
    OrgView org = scope.org();
    if (!org.code().equals(me.orgCode())) {
      throw BusinessException.forbidden("ROLE_NOT_ALLOWED", "error.reportOwnUnitOnly");
    }
    if (org.parentCode() == null) {
      throw BusinessException.rule("NO_PARENT_TO_REPORT_TO");
    }
    // A campaign is reported up to its owner, not past it; units outside its subtree do not run it.
    campaigns.requireFor(scope.campaign(), org.path());
    if (org.path().equals(scope.campaign().orgPath())) {
      throw BusinessException.rule("CAMPAIGN_OWNER_DOES_NOT_REPORT");
    }
    if (reports.existsByCampaignCodeAndOrgCodeAndStatusIn(scope.campaign().code(), org.code(),
        List.of(ReportStatus.SUBMITTED, ReportStatus.ACCEPTED))) {
      throw BusinessException.conflict("REPORT_EXISTS");
    }
    Cells cells = statistics.cells(scope.campaign().code(), org.code());
    CampaignReport r = reports.saveAndFlush(new CampaignReport(scope.campaign().code(), org.code(), org.path(),
        org.parentCode(), write(cells.api()), text, who, tel, me.username(), Instant.now(clock)));
    OrgView parent = organisations.find(org.parentCode()).orElseThrow();
    workflow.start(r, parent, scope.campaign());
    workflow.resubmitted(r.getCampaignCode(), r.getOrgCode());
    deadlines.unitReported(r.getCampaignCode(), r.getOrgCode(), missingUnits(r.getCampaignCode()).isEmpty());
    audit.record("REPORT_SUBMITTED", "REPORT", String.valueOf(r.getId()), r.getOrgPath(), null,
        Map.of("campaign", r.getCampaignCode(), "org", r.getOrgCode(), "C", cells.raw("C"), "D", cells.raw("D")));
    return views(List.of(r), scope.campaign(), Map.of(r.getOrgCode(), cells)).get(0);
  }

  public enum Decision { ACCEPT, RETURN }

  /** A MANAGER whose scope contains the parent accepts the report or returns it with a comment. */
  @WorkflowCommand
  @Transactional
  public ReportView review(long id, String decision, String comment) {
    CurrentUser.requireRole(Role.MANAGER);
    WarmthUser me = CurrentUser.get();
    CampaignReport r = requireReport(id);
    OrgView parent = organisations.find(r.getParentCode()).orElseThrow();
    if (!me.covers(parent.path())) {
      throw BusinessException.forbidden("ROLE_NOT_ALLOWED", "error.reportParentOnly");
    }
    Problems p = new Problems();
    Decision d = Enums.parse(Decision.class, decision, "decision", p);
    String c = Texts.freeText(comment, "comment", 500, d == Decision.RETURN, p);
    p.throwIfAny();
    r.review(d == Decision.ACCEPT, me.username(), Instant.now(clock), c);
    reports.saveAndFlush(r);
    workflow.reviewed(r, d == Decision.ACCEPT);
    audit.record(d == Decision.ACCEPT ? "REPORT_ACCEPTED" : "REPORT_RETURNED", "REPORT", String.valueOf(id),
        r.getOrgPath(), Map.of("status", "SUBMITTED"), Map.of("status", r.getStatus().name(), "comment", String.valueOf(c)));
    return views(List.of(r), campaigns.require(r.getCampaignCode()), Map.of()).get(0);
  }

  /** One report the caller may see (their unit's or below, or one they review), with their actions. */
  @Transactional(readOnly = true)
  public ReportView get(long id) {
    CampaignReport r = requireReport(id);
    return views(List.of(r), campaigns.require(r.getCampaignCode()), Map.of()).get(0);
  }

  /** What the caller may do with their own unit's report for the campaign now (the report form: SUBMIT). */
  @Transactional(readOnly = true)
  public List<Action> unitActions(String campaignCode) {
    WarmthUser me = CurrentUser.get();
    CampaignView campaign = campaigns.require(campaignCode);
    // The root has nobody to report to, and a campaign's owner is where its reports end.
    boolean reportsUp = noReportReason(campaign, me) == null;
    return workflow.unitActions(me, reportsUp, reports.existsByCampaignCodeAndOrgCodeAndStatusIn(campaign.code(),
        me.orgCode(), List.of(ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)));
  }

  /**
   * Why the caller's unit writes no report for the campaign, as a message key: the root
   * organisation has no parent ({@code report.rootDoesNotReport}); the campaign's owner receives
   * reports and sends none ({@code report.ownerDoesNotReport}). Null when the unit does report.
   */
  @Transactional(readOnly = true)
  public String noReportReason(String campaignCode) {
    return noReportReason(campaigns.require(campaignCode), CurrentUser.get());
  }

  private String noReportReason(CampaignView campaign, WarmthUser me) {
    boolean hasParent = organisations.find(me.orgCode()).map(o -> o.parentCode() != null).orElse(false);
    if (!hasParent) {
      return "report.rootDoesNotReport";
    }
    return me.orgPath().equals(campaign.orgPath()) ? "report.ownerDoesNotReport" : null;
  }

  /** The reports the caller may see: their unit's and everything below, with whether today's figures differ. */
  @Transactional(readOnly = true)
  public List<ReportView> list(String campaignCode) {
    CampaignView campaign = campaigns.require(campaignCode);
    // Live figures once per unit, however many report versions it has.
    return views(reports.inScope(campaign.code(), CurrentUser.get().orgPath()), campaign, Map.of());
  }

  /** One page of {@link #list(String)}: live figures are computed for that page's units only. */
  @Transactional(readOnly = true)
  public cn.warmth.shared.Paged<ReportView> list(String campaignCode, cn.warmth.shared.PageParams page) {
    CampaignView campaign = campaigns.require(campaignCode);
    var found = reports.inScope(campaign.code(), CurrentUser.get().orgPath(),
        page.pageable(org.springframework.data.domain.Sort.unsorted()));
    return new cn.warmth.shared.Paged<>(views(found.getContent(), campaign, Map.of()), found.getTotalElements());
  }

  /** The report list's sort keys. */
  public static final List<String> SORTS = List.of("org", "submitted", "status");
  private static final Map<String, String> SORT_PROPERTIES = Map.of("org", "orgPath", "submitted", "submittedAt",
      "status", "status");

  /** The reports page's list: in scope, optionally of one status, sorted, one page (live figures for that page only). */
  @Transactional(readOnly = true)
  public cn.warmth.shared.Paged<ReportView> list(String campaignCode, String status, cn.warmth.shared.SortOrder sort,
      cn.warmth.shared.PageParams page) {
    CampaignView campaign = campaigns.require(campaignCode);
    cn.warmth.shared.Problems p = new cn.warmth.shared.Problems();
    ReportStatus st = status == null || status.isBlank() ? null
        : cn.warmth.shared.Enums.parse(ReportStatus.class, status, "status", p);
    p.throwIfAny();
    String scope = CurrentUser.get().orgPath();
    org.springframework.data.jpa.domain.Specification<CampaignReport> spec = (root, q, cb) -> {
      var where = new ArrayList<jakarta.persistence.criteria.Predicate>();
      where.add(cb.equal(root.get("campaignCode"), campaign.code()));
      where.add(cb.like(root.get("orgPath"), scope + "%"));
      if (st != null) where.add(cb.equal(root.get("status"), st));
      return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
    };
    var found = reports.findAll(spec, page.pageable(sort.toSort(SORT_PROPERTIES)));
    return new cn.warmth.shared.Paged<>(views(found.getContent(), campaign, Map.of()), found.getTotalElements());
  }

  /** For a parent: each direct child unit's state for the campaign (missing and late ones included). */
  public record ChildState(String orgCode, String orgName, ReportStatus status, Long reportId, boolean late) {}

  @Transactional(readOnly = true)
  public List<ChildState> childStates(String campaignCode, String orgCode) {
    CampaignView campaign = campaigns.require(campaignCode);
    LocalDate today = LocalDate.now(clock);
    Map<String, CampaignReport> latest = new LinkedHashMap<>();
    OrgView org = organisations.requireInScope(orgCode);
    reports.inScope(campaign.code(), org.path()).forEach(r -> latest.put(r.getOrgCode(), r));
    List<ChildState> out = new ArrayList<>();
    for (OrgView child : organisations.children(org.code())) {
      CampaignReport r = latest.get(child.code());
      boolean late = r == null ? today.isAfter(campaign.reportDeadline())
          : r.getSubmittedAt().atZone(clock.getZone()).toLocalDate().isAfter(campaign.reportDeadline());
      out.add(new ChildState(child.code(), child.name(), r == null ? null : r.getStatus(), r == null ? null : r.getId(), late));
    }
    return out;
  }

  // ---- deadline reminders ----

  /** Every new campaign gets its deadline process: reminders some working days before the report deadline. */
  @EventListener
  void campaignCreated(CampaignCreated e) {
    deadlines.start(e.campaign());
  }

  /**
   * Units that owe a report and have no submitted or accepted one: every unit below the
   * campaign's owner (a city's campaign concerns that city's units only).
   */
  @Transactional(readOnly = true)
  public List<String> missingUnits(String campaignCode) {
    Set<String> reported = Set.copyOf(reports.unitsWithLiveReport(campaignCode));
    CampaignView campaign = campaigns.find(campaignCode).orElse(null);
    if (campaign == null) {
      return List.of();
    }
    return organisations.codesBelow(campaign.orgPath()).stream().filter(code -> !reported.contains(code)).sorted()
        .toList();
  }

  // ---- helpers ----

  private CampaignReport requireReport(long id) {
    WarmthUser me = CurrentUser.get();
    CampaignReport r = reports.findById(id).filter(x -> me.covers(x.getOrgPath())).orElseThrow(BusinessException::notFound);
    CommandAttempts.observe("campaign_report", r.getId(), r.getVersion());
    return r;
  }

  /**
   * Reports of one campaign as the caller sees them: live figures of all their units with one set of
   * grouped queries ({@code known} ones are reused), the caller's actions with one task query.
   */
  private List<ReportView> views(List<CampaignReport> list, CampaignView campaign, Map<String, Cells> known) {
    Map<String, Cells> live = new java.util.HashMap<>(known);
    Map<String, String> parentPaths = new java.util.HashMap<>();
    Set<String> liveUnits = Set.copyOf(reports.unitsWithLiveReport(campaign.code()));
    Map<Long, List<Action>> actions = workflow.actions(list, r -> new ReportWorkflow.Facts(
        parentPaths.computeIfAbsent(r.getParentCode(), p -> organisations.find(p).map(OrgView::path).orElse("?")),
        liveUnits.contains(r.getOrgCode())), CurrentUser.get());
    // Today's figures of every unit in the list at once (four grouped queries), not four queries per unit.
    Map<String, String> missing = new java.util.LinkedHashMap<>();
    list.stream().filter(r -> !live.containsKey(r.getOrgCode())).forEach(r -> missing.put(r.getOrgCode(), r.getOrgPath()));
    live.putAll(statistics.cellsOfUnits(campaign.code(), missing));
    return list.stream().map(r -> {
      Map<String, Object> frozen = read(r.getCellsJson());
      Cells now = live.get(r.getOrgCode());
      boolean late = r.getSubmittedAt().atZone(clock.getZone()).toLocalDate().isAfter(campaign.reportDeadline());
      return new ReportView(r.getId(), r.getCampaignCode(), r.getOrgCode(), r.getParentCode(), r.getStatus(), frozen,
          !Cells.fromApi(frozen).equals(now), r.getNarrative(), r.getPreparedBy(), r.getPhone(), r.getSubmittedBy(),
          r.getSubmittedAt(), late, r.getReviewedBy(), r.getReviewedAt(), r.getReviewComment(), actions.get(r.getId()));
    }).toList();
  }

  private String write(Map<String, Object> cells) {
    try {
      return json.writeValueAsString(cells);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> read(String s) {
    try {
      return json.readValue(s, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

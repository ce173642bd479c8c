package cn.warmth.reports;

import cn.warmth.audit.AuditLog;
import cn.warmth.campaign.CampaignCreated;
import cn.warmth.campaign.CampaignView;
import cn.warmth.campaign.Campaigns;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.EngineGroups;
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
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;
  private final cn.warmth.calendar.WorkingCalendar calendar;

  Reports(CampaignReportRepository reports, Statistics statistics, Organisations organisations, Campaigns campaigns,
      RuntimeService runtime, TaskService tasks, AuditLog audit, ObjectMapper json, Clock clock,
      cn.warmth.calendar.WorkingCalendar calendar) {
    this.reports = reports;
    this.statistics = statistics;
    this.organisations = organisations;
    this.campaigns = campaigns;
    this.runtime = runtime;
    this.tasks = tasks;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
    this.calendar = calendar;
  }

  public record ReportView(long id, String campaignCode, String orgCode, String parentCode, ReportStatus status,
      Map<String, Object> cells, Boolean liveDiffers, String narrative, String preparedBy, String phone,
      String submittedBy, Instant submittedAt, boolean late, String reviewedBy, Instant reviewedAt, String reviewComment) {}

  /** A MANAGER submits their own unit's report: the figures are frozen now. */
  @Transactional
  public ReportView submit(String campaignCode, String orgCode, String narrative, String preparedBy, String phone) {
    CurrentUser.requireRole(Role.MANAGER);
    WarmthUser me = CurrentUser.get();
    Problems p = new Problems();
    String text = Texts.trim(narrative);
    if (p.require("narrative", text) && text.length() > 4000) {
      p.add("narrative", "TOO_LONG", 4000);
    }
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
    if (reports.existsByCampaignCodeAndOrgCodeAndStatusIn(scope.campaign().code(), org.code(),
        List.of(ReportStatus.SUBMITTED, ReportStatus.ACCEPTED))) {
      throw BusinessException.conflict("REPORT_EXISTS");
    }
    Cells cells = statistics.cells(scope.campaign().code(), org.code());
    CampaignReport r = reports.saveAndFlush(new CampaignReport(scope.campaign().code(), org.code(), org.path(),
        org.parentCode(), write(cells.api()), text, who, tel, me.username(), Instant.now(clock)));
    OrgView parent = organisations.find(org.parentCode()).orElseThrow();
    r.startedAs(runtime.startProcessInstanceByKey(ReportProcess.KEY, "REPORT-" + r.getId(), Map.of(
        ReportProcess.VAR_REVIEWERS, EngineGroups.forScope(Role.MANAGER, parent.ancestorAndSelfCodes()))).getId());
    audit.record("REPORT_SUBMITTED", "REPORT", String.valueOf(r.getId()), r.getOrgPath(), null,
        Map.of("campaign", r.getCampaignCode(), "org", r.getOrgCode(), "C", cells.raw("C"), "D", cells.raw("D")));
    return view(r, cells, scope.campaign());
  }

  public enum Decision { ACCEPT, RETURN }

  /** A MANAGER whose scope contains the parent accepts the report or returns it with a comment. */
  @Transactional
  public ReportView review(long id, String decision, String comment) {
    CurrentUser.requireRole(Role.MANAGER);
    WarmthUser me = CurrentUser.get();
    CampaignReport r = reports.findById(id).filter(x -> me.covers(x.getOrgPath())).orElseThrow(BusinessException::notFound);
    OrgView parent = organisations.find(r.getParentCode()).orElseThrow();
    if (!me.covers(parent.path())) {
      throw BusinessException.forbidden("ROLE_NOT_ALLOWED", "error.reportParentOnly");
    }
    Problems p = new Problems();
    Decision d = Enums.parse(Decision.class, decision, "decision", p);
    String c = Texts.trim(comment);
    if (d == Decision.RETURN && (c == null || c.isEmpty())) {
      p.add("comment", "REQUIRED");
    }
    p.throwIfAny();
    Task task = tasks.createTaskQuery().processInstanceId(r.getProcessInstanceId())
        .taskDefinitionKey(ReportProcess.TASK_REVIEW).singleResult();
    if (task == null) {
      throw BusinessException.conflict("INVALID_STATE");
    }
    r.review(d == Decision.ACCEPT, me.username(), Instant.now(clock), c);
    reports.saveAndFlush(r);
    tasks.complete(task.getId(), Map.of(ReportProcess.VAR_ACCEPTED, d == Decision.ACCEPT));
    audit.record(d == Decision.ACCEPT ? "REPORT_ACCEPTED" : "REPORT_RETURNED", "REPORT", String.valueOf(id),
        r.getOrgPath(), Map.of("status", "SUBMITTED"), Map.of("status", r.getStatus().name(), "comment", String.valueOf(c)));
    return view(r, statistics.cells(r.getCampaignCode(), r.getOrgCode()), campaigns.require(r.getCampaignCode()));
  }

  /** The reports the caller may see: their unit's and everything below, with whether today's figures differ. */
  @Transactional(readOnly = true)
  public List<ReportView> list(String campaignCode) {
    CampaignView campaign = campaigns.require(campaignCode);
    // Live figures once per unit, however many report versions it has.
    Map<String, Cells> live = new java.util.HashMap<>();
    return reports.inScope(campaign.code(), CurrentUser.get().orgPath()).stream()
        .map(r -> view(r, live.computeIfAbsent(r.getOrgCode(), org -> statistics.cells(campaign.code(), org)), campaign))
        .toList();
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
    CampaignView c = e.campaign();
    LocalDate remindOn = calendar.before(c.reportDeadline(), ReportProcess.REMIND_DAYS_BEFORE);
    runtime.startProcessInstanceByKey(ReportProcess.DEADLINE_KEY, "DEADLINE-" + c.code(), Map.of(
        ReportProcess.VAR_CAMPAIGN, c.code(),
        ReportProcess.VAR_REMIND_AT, Date.from(remindOn.atTime(9, 0).atZone(clock.getZone()).toInstant())));
  }

  /** Units that owe a report (every unit with a parent) and have no submitted or accepted one. */
  @Transactional(readOnly = true)
  public List<String> missingUnits(String campaignCode) {
    Set<String> reported = Set.copyOf(reports.unitsWithLiveReport(campaignCode));
    return organisations.allCodesWithParent().stream().filter(code -> !reported.contains(code)).sorted().toList();
  }

  // ---- helpers ----

  private ReportView view(CampaignReport r, Cells live, CampaignView campaign) {
    Map<String, Object> frozen = read(r.getCellsJson());
    boolean late = r.getSubmittedAt().atZone(clock.getZone()).toLocalDate().isAfter(campaign.reportDeadline());
    return new ReportView(r.getId(), r.getCampaignCode(), r.getOrgCode(), r.getParentCode(), r.getStatus(), frozen,
        !Cells.fromApi(frozen).equals(live), r.getNarrative(), r.getPreparedBy(), r.getPhone(), r.getSubmittedBy(),
        r.getSubmittedAt(), late, r.getReviewedBy(), r.getReviewedAt(), r.getReviewComment());
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

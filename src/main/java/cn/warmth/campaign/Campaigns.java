package cn.warmth.campaign;

import cn.warmth.audit.AuditLog;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Dates;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.Texts;
import cn.warmth.shared.WarmthUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns (domain.md §3). Each belongs to an organisation: it is seen by that organisation's
 * subtree (where it is used) and by the owner's ancestors (who oversee it), and by nobody else:
 * to a sibling city it does not exist (404). It is used (cases, funds, activities, reports) only
 * for units in the owner's subtree.
 */
@Service
public class Campaigns {
  static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{1,31}");
  /** Campaign dates lie within ten years back and five years ahead of today (decisions.md). */
  static final int YEARS_BACK = 10;
  static final int YEARS_AHEAD = 5;

  private final CampaignRepository campaigns;
  private final Organisations organisations;
  private final AuditLog audit;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher events;

  Campaigns(CampaignRepository campaigns, Organisations organisations, AuditLog audit, Clock clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.campaigns = campaigns;
    this.organisations = organisations;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  /** {@code orgCode} null: the caller's own organisation (the root of their scope); the root at start-up. */
  public record CreateCampaign(String code, String name, LocalDate startDate, LocalDate endDate, LocalDate reportDeadline,
      String orgCode) {
    public CreateCampaign(String code, String name, LocalDate startDate, LocalDate endDate, LocalDate reportDeadline) {
      this(code, name, startDate, endDate, reportDeadline, null);
    }
  }

  /** An ADMIN creates a campaign for their own organisation or one below it. */
  @Transactional
  public CampaignView create(CreateCampaign cmd) {
    CurrentUser.requireRole(Role.ADMIN);
    return createUnchecked(cmd);
  }

  /** For demo data at start-up (no caller: any organisation, default the root). */
  @Transactional
  public CampaignView createUnchecked(CreateCampaign cmd) {
    Problems p = new Problems();
    String code = Texts.trim(cmd.code());
    String name = Texts.trim(cmd.name());
    if (p.require("code", code) && !CODE.matcher(code).matches()) {
      p.add("code", "INVALID_CAMPAIGN_CODE");
    }
    if (p.require("name", name) && !Texts.isPlain(name, 2, 60)) {
      p.add("name", "INVALID_NAME");
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate from = today.minusYears(YEARS_BACK);
    LocalDate to = today.plusYears(YEARS_AHEAD);
    boolean dates = p.require("startDate", cmd.startDate()) & p.require("endDate", cmd.endDate())
        & p.require("reportDeadline", cmd.reportDeadline());
    if (dates) {
      dates = Dates.within(cmd.startDate(), from, to, "startDate", p) & Dates.within(cmd.endDate(), from, to, "endDate", p)
          & Dates.within(cmd.reportDeadline(), from, to, "reportDeadline", p);
    }
    if (dates && cmd.endDate().isBefore(cmd.startDate())) {
      p.add("endDate", "END_BEFORE_START");
    }
    if (dates && cmd.reportDeadline().isBefore(cmd.startDate())) {
      p.add("reportDeadline", "DEADLINE_BEFORE_START");
    }
    OrgView owner = owner(cmd.orgCode(), p);
    p.throwIfAny();
    if (campaigns.findByCode(code).isPresent()) {
      throw BusinessException.conflict("DUPLICATE_CAMPAIGN");
    }
    Campaign c = campaigns.save(new Campaign(code, name, cmd.startDate(), cmd.endDate(), cmd.reportDeadline(),
        owner.code(), owner.path(), Instant.now(clock)));
    CampaignView v = c.view();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("code", code);
    after.put("name", name);
    after.put("org", owner.code());
    after.put("startDate", v.startDate().toString());
    after.put("endDate", v.endDate().toString());
    after.put("reportDeadline", v.reportDeadline().toString());
    audit.record("CAMPAIGN_CREATED", "CAMPAIGN", code, owner.path(), null, after);
    events.publishEvent(new CampaignCreated(v));
    return v;
  }

  /** The owner: the given unit in the caller's scope (UNKNOWN_ORG otherwise), else the caller's unit, else the root. */
  private OrgView owner(String orgCode, Problems p) {
    String wanted = Texts.trim(orgCode);
    if (wanted != null && !wanted.isEmpty()) {
      try {
        return organisations.requireInScope(wanted);
      } catch (BusinessException e) {
        p.add("orgCode", "UNKNOWN_ORG");
        return null;
      }
    }
    Optional<WarmthUser> me = CurrentUser.find();
    if (me.isPresent()) {
      return organisations.find(me.get().orgCode()).orElseThrow();
    }
    return organisations.root().orElseThrow(() -> new IllegalStateException("no root organisation"));
  }

  /** The campaigns the caller sees, newest first (all of them for background work). */
  @Transactional(readOnly = true)
  public List<CampaignView> all() {
    Optional<WarmthUser> me = CurrentUser.find();
    if (me.isEmpty()) {
      return campaigns.findAllByOrderByStartDateDescCodeAsc().stream().map(Campaign::view).toList();
    }
    return campaigns.visibleFrom(me.get().orgPath(), org.springframework.data.domain.Pageable.unpaged())
        .map(Campaign::view).toList();
  }

  /** One page of {@link #all()}, with the total. */
  @Transactional(readOnly = true)
  public Paged<CampaignView> all(PageParams page) {
    return Paged.of(campaigns.visibleFrom(CurrentUser.get().orgPath(), page.pageable(Sort.unsorted()))
        .map(Campaign::view));
  }

  /** The campaign, if the caller sees it (any campaign for background work). */
  @Transactional(readOnly = true)
  public Optional<CampaignView> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    Optional<WarmthUser> me = CurrentUser.find();
    return campaigns.findByCode(code.strip()).map(Campaign::view)
        .filter(c -> me.isEmpty() || visibleTo(c, me.get().orgPath()));
  }

  /** 404 for an unknown campaign or one the caller does not see. */
  public CampaignView require(String code) {
    return find(code).orElseThrow(BusinessException::notFound);
  }

  /** The campaign, if it runs today; otherwise 422 CAMPAIGN_NOT_RUNNING. */
  public CampaignView requireRunning(String code) {
    CampaignView c = require(code);
    if (!c.runsOn(LocalDate.now(clock))) {
      throw BusinessException.rule("CAMPAIGN_NOT_RUNNING", c.name());
    }
    return c;
  }

  /**
   * The campaign, which must reach the unit with the given path (the unit is the owner or below
   * it): otherwise 422 CAMPAIGN_NOT_RUNNING, "the campaign does not run there".
   */
  public CampaignView requireFor(CampaignView c, String unitPath) {
    if (!c.reaches(unitPath)) {
      throw new BusinessException(HttpStatus.UNPROCESSABLE_ENTITY, "CAMPAIGN_NOT_RUNNING", "error.CAMPAIGN_NOT_HERE",
          new Object[] {c.name()}, null);
    }
    return c;
  }

  /** The campaign a page shows when none is asked for: the requested one, else the newest running, else the newest. */
  public String codeOrDefault(String requested) {
    if (requested != null && !requested.isBlank()) {
      return requested.strip();
    }
    return running().stream().findFirst().or(() -> all().stream().findFirst()).map(CampaignView::code).orElse(null);
  }

  /** Campaigns running today that the caller sees, newest first. */
  public List<CampaignView> running() {
    LocalDate today = LocalDate.now(clock);
    return all().stream().filter(c -> c.runsOn(today)).toList();
  }

  static boolean visibleTo(CampaignView c, String userPath) {
    return userPath.startsWith(c.orgPath()) || c.orgPath().startsWith(userPath);
  }
}

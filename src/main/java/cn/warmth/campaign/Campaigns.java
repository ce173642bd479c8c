package cn.warmth.campaign;

import cn.warmth.audit.AuditLog;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class Campaigns {
  static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{1,31}");

  private final CampaignRepository campaigns;
  private final AuditLog audit;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher events;

  Campaigns(CampaignRepository campaigns, AuditLog audit, Clock clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.campaigns = campaigns;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  public record CreateCampaign(String code, String name, LocalDate startDate, LocalDate endDate, LocalDate reportDeadline) {}

  @Transactional
  public CampaignView create(CreateCampaign cmd) {
    CurrentUser.requireRole(Role.ADMIN);
    return createUnchecked(cmd);
  }

  /** For demo data at start-up. */
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
    boolean dates = p.require("startDate", cmd.startDate()) & p.require("endDate", cmd.endDate())
        & p.require("reportDeadline", cmd.reportDeadline());
    if (dates && cmd.endDate().isBefore(cmd.startDate())) {
      p.add("endDate", "END_BEFORE_START");
    }
    if (dates && cmd.reportDeadline().isBefore(cmd.startDate())) {
      p.add("reportDeadline", "DEADLINE_BEFORE_START");
    }
    p.throwIfAny();
    if (campaigns.findByCode(code).isPresent()) {
      throw BusinessException.conflict("DUPLICATE_CAMPAIGN");
    }
    Campaign c = campaigns.save(new Campaign(code, name, cmd.startDate(), cmd.endDate(), cmd.reportDeadline(),
        Instant.now(clock)));
    CampaignView v = c.view();
    audit.record("CAMPAIGN_CREATED", "CAMPAIGN", code, null, null, Map.of("code", code, "name", name,
        "startDate", v.startDate().toString(), "endDate", v.endDate().toString(),
        "reportDeadline", v.reportDeadline().toString()));
    events.publishEvent(new CampaignCreated(v));
    return v;
  }

  @Transactional(readOnly = true)
  public List<CampaignView> all() {
    return campaigns.findAllByOrderByStartDateDescCodeAsc().stream().map(Campaign::view).toList();
  }

  @Transactional(readOnly = true)
  public Optional<CampaignView> find(String code) {
    return code == null ? Optional.empty() : campaigns.findByCode(code.strip()).map(Campaign::view);
  }

  /** 404 for an unknown campaign. */
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

  /** The campaign a page shows when none is asked for: the requested one, else the newest running, else the newest. */
  public String codeOrDefault(String requested) {
    if (requested != null && !requested.isBlank()) {
      return requested.strip();
    }
    return running().stream().findFirst().or(() -> all().stream().findFirst()).map(CampaignView::code).orElse(null);
  }

  /** Campaigns running today, newest first. */
  public List<CampaignView> running() {
    LocalDate today = LocalDate.now(clock);
    return all().stream().filter(c -> c.runsOn(today)).toList();
  }
}

package cn.warmth.organisation;

import cn.warmth.audit.AuditLog;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.Texts;
import cn.warmth.shared.WarmthUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The union tree and the scope rule: a user sees their own organisation and everything below
 * it. Anything outside is reported as not found, never as forbidden, so that its existence is
 * not revealed.
 */
@Service
public class Organisations {
  static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

  private final OrgRepository orgs;
  private final AuditLog audit;
  private final Clock clock;

  Organisations(OrgRepository orgs, AuditLog audit, Clock clock) {
    this.orgs = orgs;
    this.audit = audit;
    this.clock = clock;
  }

  public record CreateOrg(String code, String name, OrgType type, String parentCode) {}

  /** ADMIN creates a unit below one in their scope. */
  @Transactional
  public OrgView create(CreateOrg cmd) {
    CurrentUser.requireRole(Role.ADMIN);
    Problems p = new Problems();
    String code = Texts.trim(cmd.code());
    String name = Texts.trim(cmd.name());
    if (p.require("code", code) && !CODE.matcher(code).matches()) {
      p.add("code", "INVALID_ORG_CODE");
    }
    if (p.require("name", name) && !Texts.isPlain(name, 2, 60)) {
      p.add("name", "INVALID_NAME");
    }
    p.require("type", cmd.type());
    if (cmd.type() == OrgType.PROVINCE) {
      p.add("type", "PROVINCE_IS_ROOT");
    }
    OrgUnit parent = null;
    if (p.require("parentCode", Texts.trim(cmd.parentCode()))) {
      parent = orgs.findByCode(cmd.parentCode().strip()).filter(o -> visible(o.getPath())).orElse(null);
      if (parent == null) {
        p.add("parentCode", "UNKNOWN_ORG");
      } else if (cmd.type() != null && cmd.type() != OrgType.PROVINCE && !cmd.type().mayHangUnder(parent.getType())) {
        p.add("parentCode", "INVALID_PARENT_TYPE");
      }
    }
    p.throwIfAny();
    if (orgs.findByCode(code).isPresent()) {
      throw BusinessException.conflict("DUPLICATE_ORG");
    }
    OrgUnit unit = orgs.save(parent.child(code, name, cmd.type(), Instant.now(clock)));
    audit.record("ORG_CREATED", "ORG", code, unit.getPath(), null, describe(unit));
    return unit.view();
  }

  /** ADMIN sets the monthly 低保 standard (fen) that hardship reviews at and below this unit compare with. */
  @Transactional
  public void setDibao(String code, Long monthlyFen) {
    CurrentUser.requireRole(Role.ADMIN);
    OrgUnit unit = requireUnit(code);
    if (monthlyFen != null && monthlyFen <= 0) {
      throw BusinessException.validation(cn.warmth.shared.FieldProblem.of("dibaoMonthlyYuan", "INVALID_AMOUNT"));
    }
    Long before = unit.getDibaoMonthlyFen();
    unit.setDibaoMonthlyFen(monthlyFen);
    audit.record("ORG_DIBAO_SET", "ORG", code, unit.getPath(), Map.of("dibaoMonthlyFen", String.valueOf(before)),
        Map.of("dibaoMonthlyFen", String.valueOf(monthlyFen)));
  }

  /** A contact phone: a landline with its area code or a mobile, digits with + - ( ) and spaces. */
  static final Pattern CONTACT_PHONE = Pattern.compile("[0-9+\\-() ]{7,20}");

  /**
   * ADMIN sets the unit's contact person and phone (填报人 and 电话 of its 统计表); both blank
   * clears them. Each is checked alone, and both problems are reported at once.
   */
  @Transactional
  public OrgContact setContact(String code, String name, String phone) {
    CurrentUser.requireRole(Role.ADMIN);
    if (code == null || code.isBlank()) {
      throw BusinessException.validation(cn.warmth.shared.FieldProblem.of("code", "REQUIRED"));
    }
    OrgUnit unit = requireUnit(code);
    Problems p = new Problems();
    String who = blankToNull(Texts.trim(name));
    String tel = blankToNull(Texts.trim(phone));
    if (who != null && !Texts.isPlain(who, 2, 30)) {
      p.add("contactName", "INVALID_CONTACT_NAME");
    }
    if (tel != null && (!CONTACT_PHONE.matcher(tel).matches() || tel.chars().filter(Character::isDigit).count() < 7)) {
      p.add("contactPhone", "INVALID_CONTACT_PHONE");
    }
    if (who == null && tel != null) {
      p.add("contactName", "REQUIRED");
    }
    p.throwIfAny();
    OrgContact before = unit.contact();
    unit.setContact(who, tel);
    audit.record("ORG_CONTACT_SET", "ORG", unit.getCode(), unit.getPath(),
        Map.of("contactName", String.valueOf(before.name()), "contactPhone", String.valueOf(before.phone())),
        Map.of("contactName", String.valueOf(who), "contactPhone", String.valueOf(tel)));
    return unit.contact();
  }

  /** The unit's contact person and phone, regardless of the caller (the caller checked the scope). */
  @Transactional(readOnly = true)
  public OrgContact contactOf(String code) {
    return orgs.findByCode(code).map(OrgUnit::contact).orElse(OrgContact.NONE);
  }

  /** Contacts of many units in one query (for the admin page); units without one are absent. */
  @Transactional(readOnly = true)
  public Map<String, OrgContact> contacts(List<OrgView> units) {
    Map<String, OrgContact> m = new java.util.HashMap<>();
    orgs.findByCodeIn(units.stream().map(OrgView::code).toList()).forEach(o -> {
      if (o.contact().isSet()) {
        m.put(o.getCode(), o.contact());
      }
    });
    return m;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The 低保 standard (fen per month) in force at an organisation: its own or the nearest ancestor's. */
  @Transactional(readOnly = true)
  public Optional<Long> dibaoFor(String code) {
    OrgUnit unit = orgs.findByCode(code).orElse(null);
    if (unit == null) {
      return Optional.empty();
    }
    List<String> chain = unit.view().ancestorAndSelfCodes();
    Map<String, Long> values = new java.util.HashMap<>();
    for (OrgUnit o : orgs.findByCodeIn(chain)) {
      if (o.getDibaoMonthlyFen() != null) {
        values.put(o.getCode(), o.getDibaoMonthlyFen());
      }
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (values.containsKey(chain.get(i))) {
        return Optional.of(values.get(chain.get(i)));
      }
    }
    return Optional.empty();
  }

  /** The 低保 standard set on each of the given organisations (fen), for display; unset ones are absent. */
  @Transactional(readOnly = true)
  public Map<String, String> dibaoStandards(List<OrgView> units) {
    Map<String, String> m = new java.util.HashMap<>();
    orgs.findByCodeIn(units.stream().map(OrgView::code).toList()).forEach(o -> {
      if (o.getDibaoMonthlyFen() != null) {
        m.put(o.getCode(), cn.warmth.shared.Money.yuan(o.getDibaoMonthlyFen()));
      }
    });
    return m;
  }

  /** The organisations in the caller's scope, in tree order (parents before children). */
  @Transactional(readOnly = true)
  public List<OrgView> inScope() {
    return orgs.findSubtree(CurrentUser.get().orgPath()).stream().map(OrgUnit::view).toList();
  }

  /** One page of {@link #inScope()}, with the total. */
  @Transactional(readOnly = true)
  public cn.warmth.shared.Paged<OrgView> inScope(cn.warmth.shared.PageParams page) {
    return cn.warmth.shared.Paged.of(orgs.findSubtree(CurrentUser.get().orgPath(),
        page.pageable(org.springframework.data.domain.Sort.unsorted())).map(OrgUnit::view));
  }

  /** The organisation, if the caller may see it; otherwise 404. */
  @Transactional(readOnly = true)
  public OrgView requireInScope(String code) {
    return requireUnit(code).view();
  }

  /** Looks an organisation up regardless of the caller (for start-up and background work). */
  @Transactional(readOnly = true)
  public Optional<OrgView> find(String code) {
    return orgs.findByCode(code).map(OrgUnit::view);
  }

  /** The direct children of an organisation in the caller's scope. */
  @Transactional(readOnly = true)
  public List<OrgView> children(String code) {
    OrgView parent = requireInScope(code);
    return orgs.findSubtree(parent.path()).stream()
        .filter(o -> code.equals(o.parentCode()))
        .map(OrgUnit::view).toList();
  }

  /** The root of the tree (the one organisation without a parent). For start-up and background work. */
  @Transactional(readOnly = true)
  public Optional<OrgView> root() {
    return orgs.findFirstByParentIsNullOrderByIdAsc().map(OrgUnit::view);
  }

  /** Codes of the organisations strictly below the one with the given path (they report upwards to it or within it). */
  @Transactional(readOnly = true)
  public List<String> codesBelow(String path) {
    return orgs.findSubtree(path).stream().filter(o -> !o.getPath().equals(path)).map(OrgUnit::getCode).toList();
  }

  /** Names of organisations by code, in one query, regardless of the caller (for work items and timelines). */
  @Transactional(readOnly = true)
  public Map<String, String> namesOf(java.util.Collection<String> codes) {
    if (codes.isEmpty()) {
      return Map.of();
    }
    Map<String, String> names = new java.util.HashMap<>();
    orgs.findByCodeIn(codes).forEach(o -> names.put(o.getCode(), o.getName()));
    return names;
  }

  /** Creates the root organisation when the database is empty (start-up only). */
  @Transactional
  public OrgView bootstrapRoot(String code, String name) {
    return orgs.findByCode(code).map(OrgUnit::view).orElseGet(() -> {
      OrgUnit root = orgs.save(OrgUnit.root(code, name, Instant.now(clock)));
      audit.record("ORG_CREATED", "ORG", code, root.getPath(), null, describe(root));
      return root.view();
    });
  }

  OrgUnit requireUnit(String code) {
    if (code == null) {
      throw BusinessException.notFound();
    }
    return orgs.findByCode(code.strip()).filter(o -> visible(o.getPath())).orElseThrow(BusinessException::notFound);
  }

  private static boolean visible(String path) {
    WarmthUser u = CurrentUser.find().orElse(null);
    return u == null || u.covers(path);
  }

  private static Map<String, Object> describe(OrgUnit o) {
    return Map.of("code", o.getCode(), "name", o.getName(), "type", o.getType().name(),
        "parent", String.valueOf(o.parentCode()));
  }
}

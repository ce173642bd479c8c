package cn.warmth.organisation;

import cn.warmth.shared.Enums;
import cn.warmth.shared.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orgs")
class OrgApiController {
  private final Organisations organisations;

  OrgApiController(Organisations organisations) {
    this.organisations = organisations;
  }

  record OrgRequest(String code, String name, String type, String parentCode) {}

  record OrgResponse(String code, String name, OrgType type, String parentCode) {
    static OrgResponse of(OrgView v) {
      return new OrgResponse(v.code(), v.name(), v.type(), v.parentCode());
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  OrgResponse create(@RequestBody OrgRequest req) {
    cn.warmth.shared.CurrentUser.requireRole(cn.warmth.shared.Role.ADMIN); // the role before the body
    Problems p = new Problems();
    OrgType type = Enums.parse(OrgType.class, req.type(), "type", p);
    if (type == null) {
      p.throwIfAny();
    }
    return OrgResponse.of(organisations.create(new Organisations.CreateOrg(req.code(), req.name(), type, req.parentCode())));
  }

  record DibaoRequest(String monthlyYuan) {}

  /** ADMIN: the monthly 低保 standard for this unit and below (null to inherit). */
  @org.springframework.web.bind.annotation.PutMapping("/{code}/dibao")
  java.util.Map<String, Object> setDibao(@org.springframework.web.bind.annotation.PathVariable String code,
      @RequestBody DibaoRequest req) {
    cn.warmth.shared.CurrentUser.requireRole(cn.warmth.shared.Role.ADMIN); // the role and the scope before the body
    organisations.requireInScope(code);
    Problems p = new Problems();
    Long fen = cn.warmth.shared.Money.parseYuan(req.monthlyYuan(), "monthlyYuan", p, false);
    p.throwIfAny();
    organisations.setDibao(code, fen);
    return java.util.Map.of("code", code, "monthlyYuan",
        organisations.dibaoFor(code).map(cn.warmth.shared.Money::yuan).orElse(""));
  }

  record ContactRequest(String contactName, String contactPhone) {}

  record ContactResponse(String code, String contactName, String contactPhone) {}

  /** ADMIN: the unit's contact person and phone (填报人/电话 of its 统计表); both empty clears them. */
  @org.springframework.web.bind.annotation.PutMapping("/{code}/contact")
  ContactResponse setContact(@org.springframework.web.bind.annotation.PathVariable String code,
      @RequestBody ContactRequest req) {
    cn.warmth.shared.CurrentUser.requireRole(cn.warmth.shared.Role.ADMIN); // the role and the scope before the body
    organisations.requireInScope(code);
    OrgContact c = organisations.setContact(code, req.contactName(), req.contactPhone());
    return new ContactResponse(code, c.name(), c.phone());
  }

  @GetMapping
  org.springframework.http.ResponseEntity<List<OrgResponse>> list(cn.warmth.shared.PageParams page) {
    return cn.warmth.shared.Paging.answer(organisations.inScope(page).map(OrgResponse::of), page);
  }
}

package cn.warmth.campaign;

import cn.warmth.shared.Dates;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paging;
import cn.warmth.shared.Problems;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** POST is for ADMIN (checked in {@link Campaigns}); every signed-in user lists the campaigns they see. */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignApiController {
  private final Campaigns campaigns;

  CampaignApiController(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  record CampaignRequest(String code, String name, String startDate, String endDate, String reportDeadline,
      String orgCode) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  CampaignView create(@RequestBody CampaignRequest req) {
    cn.warmth.shared.CurrentUser.requireRole(cn.warmth.shared.Role.ADMIN); // the role before the body
    return campaigns.create(command(req.code(), req.name(), req.startDate(), req.endDate(), req.reportDeadline(),
        req.orgCode()));
  }

  @GetMapping
  ResponseEntity<List<CampaignView>> list(PageParams page) {
    return Paging.answer(campaigns.all(page), page);
  }

  @GetMapping("/{code}")
  CampaignView get(@PathVariable String code) {
    return campaigns.require(code);
  }

  /** Reads the three dates strictly (400 with every bad field), for the API and the page alike. */
  static Campaigns.CreateCampaign command(String code, String name, String start, String end, String deadline,
      String orgCode) {
    Problems p = new Problems();
    LocalDate s = Dates.parse(start, "startDate", p);
    LocalDate e = Dates.parse(end, "endDate", p);
    LocalDate d = Dates.parse(deadline, "reportDeadline", p);
    p.throwIfAny();
    return new Campaigns.CreateCampaign(code, name, s, e, d, orgCode);
  }
}

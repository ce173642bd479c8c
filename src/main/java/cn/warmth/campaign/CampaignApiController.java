package cn.warmth.campaign;

import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** POST is for ADMIN (checked in {@link Campaigns}); every signed-in user may list campaigns. */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignApiController {
  private final Campaigns campaigns;

  CampaignApiController(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  record CampaignRequest(String code, String name, LocalDate startDate, LocalDate endDate, LocalDate reportDeadline) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  CampaignView create(@RequestBody CampaignRequest req) {
    return campaigns.create(new Campaigns.CreateCampaign(req.code(), req.name(), req.startDate(), req.endDate(),
        req.reportDeadline()));
  }

  @GetMapping
  List<CampaignView> list() {
    return campaigns.all();
  }

  @GetMapping("/{code}")
  CampaignView get(@PathVariable String code) {
    return campaigns.require(code);
  }
}

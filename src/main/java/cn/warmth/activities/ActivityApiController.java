package cn.warmth.activities;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/activities")
class ActivityApiController {
  private final Activities activities;

  ActivityApiController(Activities activities) {
    this.activities = activities;
  }

  record ActivityRequest(String campaignCode, String orgCode, String kind, String date, Integer count, String amountYuan,
      String enterpriseName, String enterpriseCreditCode, String note) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Activities.ActivityView record(@RequestBody ActivityRequest r) {
    return activities.record(r.campaignCode(), r.orgCode(), r.kind(), r.date(), r.count(), r.amountYuan(),
        r.enterpriseName(), r.enterpriseCreditCode(), r.note());
  }

  @GetMapping
  org.springframework.http.ResponseEntity<List<Activities.ActivityView>> list(@RequestParam String campaign,
      cn.warmth.shared.PageParams page) {
    return cn.warmth.shared.Paging.answer(activities.list(campaign, page), page);
  }
}

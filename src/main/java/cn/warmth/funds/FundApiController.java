package cn.warmth.funds;

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
@RequestMapping("/api/v1/funds")
class FundApiController {
  private final Funds funds;

  FundApiController(Funds funds) {
    this.funds = funds;
  }

  record FundRequest(String campaignCode, String orgCode, String source, Object amountYuan, String receivedOn, String note) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Funds.FundView record(@RequestBody FundRequest r) {
    return funds.record(r.campaignCode(), r.orgCode(), r.source(), r.amountYuan(), r.receivedOn(), r.note());
  }

  @GetMapping
  List<Funds.FundView> list(@RequestParam String campaign) {
    return funds.list(campaign);
  }

  @GetMapping("/overview")
  List<Funds.SourceLine> overview(@RequestParam String campaign, @RequestParam(required = false) String org) {
    return funds.overview(campaign, org);
  }
}

package cn.warmth.funds;

import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.Paging;
import java.util.List;
import org.springframework.http.ResponseEntity;
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

  record FundRequest(String campaignCode, String orgCode, String source, String amountYuan, String receivedOn, String note) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Funds.FundView record(@RequestBody FundRequest r) {
    return funds.record(r.campaignCode(), r.orgCode(), r.source(), r.amountYuan(), r.receivedOn(), r.note());
  }

  @GetMapping
  ResponseEntity<List<Funds.FundView>> list(@RequestParam String campaign, PageParams page) {
    return Paging.answer(funds.list(campaign, page), page);
  }

  /** One line per fund source (B1–B6): bounded by construction. */
  @GetMapping("/overview")
  ResponseEntity<List<Funds.SourceLine>> overview(@RequestParam String campaign,
      @RequestParam(required = false) String org, PageParams page) {
    return Paging.answer(Paged.ofBounded(funds.overview(campaign, org), page), page);
  }
}

package cn.warmth.disbursement;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payment-batches")
class PaymentBatchApiController {
  private final PaymentBatches batches;

  PaymentBatchApiController(PaymentBatches batches) {
    this.batches = batches;
  }

  /** {@code fundSource} and {@code profile} are optional: one batch per source, generic layout. */
  record BuildRequest(String orgCode, String fundSource, String profile) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  BatchView build(@RequestBody(required = false) BuildRequest req) {
    return req == null ? batches.build(null) : batches.build(req.orgCode(), req.fundSource(), req.profile());
  }

  @GetMapping
  ResponseEntity<List<BatchView>> list(cn.warmth.shared.PageParams page) {
    return cn.warmth.shared.Paging.answer(batches.list(page), page);
  }

  @GetMapping("/{id}")
  BatchView get(@PathVariable long id) {
    return batches.get(id);
  }

  /** The bank file in the batch's profile (generic: CSV, UTF-8 with BOM): the only export with full card numbers. Audited. */
  @GetMapping("/{id}/bank-file")
  ResponseEntity<byte[]> bankFile(@PathVariable long id) {
    return batches.bankFile(id, PaymentBatches.Format.CSV).response();
  }

  @GetMapping("/{id}/bank-file.xlsx")
  ResponseEntity<byte[]> bankFileXlsx(@PathVariable long id) {
    return batches.bankFile(id, PaymentBatches.Format.XLSX).response();
  }

  /** The bank's result file as it came: UTF-8 (with or without BOM) or GBK/GB18030, in the batch's profile. */
  @PostMapping(path = "/{id}/bank-result",
      consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
  PaymentBatches.ResultSummary bankResult(@PathVariable long id, @RequestBody(required = false) byte[] body) {
    return batches.importResult(id, body);
  }
}

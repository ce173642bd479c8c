package cn.warmth.disbursement;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
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

  record BuildRequest(String orgCode) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  BatchView build(@RequestBody(required = false) BuildRequest req) {
    return batches.build(req == null ? null : req.orgCode());
  }

  @GetMapping
  ResponseEntity<List<BatchView>> list(cn.warmth.shared.PageParams page) {
    return cn.warmth.shared.Paging.answer(batches.list(page), page);
  }

  @GetMapping("/{id}")
  BatchView get(@PathVariable long id) {
    return batches.get(id);
  }

  /** The bank file (CSV, UTF-8): the only export with full card numbers. Audited. */
  @GetMapping("/{id}/bank-file")
  ResponseEntity<byte[]> bankFile(@PathVariable long id) {
    return BankFiles.csv(id, batches.bankFile(id, "CSV"));
  }

  @GetMapping("/{id}/bank-file.xlsx")
  ResponseEntity<byte[]> bankFileXlsx(@PathVariable long id) {
    return BankFiles.xlsx(id, batches.bankFile(id, "XLSX"));
  }

  @PostMapping(path = "/{id}/bank-result", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  PaymentBatches.ResultSummary bankResult(@PathVariable long id, @RequestBody byte[] body) {
    return batches.importResult(id, new String(body, StandardCharsets.UTF_8));
  }
}

package cn.warmth.registry;

import cn.warmth.shared.BusinessException;
import cn.warmth.shared.FieldProblem;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paging;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/workers")
class WorkerApiController {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private final Workers workers;
  private final WorkerImport importer;
  private final cn.warmth.shared.UploadLimits limits;
  private final org.springframework.context.MessageSource messages;

  WorkerApiController(Workers workers, WorkerImport importer, cn.warmth.shared.UploadLimits limits,
      org.springframework.context.MessageSource messages) {
    this.workers = workers;
    this.importer = importer;
    this.limits = limits;
    this.messages = messages;
  }

  record WorkerRequest(String name, String idNumber, String orgCode, String phone, String employmentType,
      Boolean disabled, String disabilityCertNo, String bankName, String bankCardNumber) {
    Workers.WorkerInput input() {
      return new Workers.WorkerInput(name, idNumber, orgCode, phone, employmentType, disabled, disabilityCertNo,
          bankName, bankCardNumber);
    }
  }

  record BankCardRequest(String bankName, String bankCardNumber) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  WorkerView register(@RequestBody WorkerRequest req) {
    return workers.register(req.input());
  }

  @PutMapping("/{id}")
  WorkerView update(@PathVariable long id, @RequestBody WorkerRequest req) {
    return workers.update(id, req.input());
  }

  @GetMapping("/{id}")
  WorkerView get(@PathVariable long id) {
    return workers.get(id);
  }

  @GetMapping
  ResponseEntity<List<WorkerView>> search(@RequestParam(required = false) String q, PageParams page) {
    return Paging.answer(workers.search(q, page), page);
  }

  @PutMapping("/{id}/bank-card")
  WorkerView bankCard(@PathVariable long id, @RequestBody BankCardRequest req) {
    return workers.changeBankCard(id, req.bankName(), req.bankCardNumber());
  }

  /** The audited reveal: OFFICER or FINANCE in scope. */
  @GetMapping("/{id}/pii")
  Workers.Revealed pii(@PathVariable long id) {
    return workers.reveal(id);
  }

  @GetMapping("/import-template")
  ResponseEntity<byte[]> template() {
    return ImportTemplate.download();
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Map<String, Object> importFile(@RequestParam("file") MultipartFile file, java.util.Locale locale) throws IOException {
    if (file.isEmpty()) {
      throw BusinessException.validation(FieldProblem.of("file", "REQUIRED"));
    }
    long limit = limits.limitFor("/api/v1/workers/import");
    if (file.getSize() > limit) {
      throw BusinessException.tooLarge(limit);
    }
    WorkerImport.Outcome outcome;
    try (var in = file.getInputStream()) {
      outcome = importer.importWorkbook(in, WorkerImport.Progress.NONE);
    }
    return Map.of("imported", outcome.imported(), "warnings", ImportJobs.warnings(outcome, messages, locale));
  }
}

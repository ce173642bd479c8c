package cn.warmth.registry;

import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.FieldProblem;
import cn.warmth.shared.Role;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The import page's background job: upload (session + CSRF), then poll its progress. */
@RestController
class ImportJobController {
  private final ImportJobs jobs;
  private final cn.warmth.shared.UploadLimits limits;

  ImportJobController(ImportJobs jobs, cn.warmth.shared.UploadLimits limits) {
    this.jobs = jobs;
    this.limits = limits;
  }

  @PostMapping("/workers/import")
  Map<String, Object> upload(@RequestParam("file") MultipartFile file, Locale locale) throws IOException {
    CurrentUser.requireRole(Role.OFFICER);
    if (file.isEmpty()) {
      throw BusinessException.validation(FieldProblem.of("file", "REQUIRED"));
    }
    long limit = limits.limitFor("/workers/import");
    if (file.getSize() > limit) {
      throw BusinessException.tooLarge(limit);
    }
    // Spooled to a temporary file (never held in memory), read as a stream by the job.
    java.nio.file.Path spool = java.nio.file.Files.createTempFile("warmth-import-", ".xlsx");
    try {
      file.transferTo(spool);
    } catch (IOException | RuntimeException e) {
      java.nio.file.Files.deleteIfExists(spool);
      throw e;
    }
    return jobs.start(spool, locale).view();
  }

  @GetMapping("/workers/import/jobs/{id}")
  Map<String, Object> progress(@PathVariable String id) {
    return jobs.get(id).view();
  }
}

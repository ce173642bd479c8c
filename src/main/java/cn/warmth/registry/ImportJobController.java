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

  ImportJobController(ImportJobs jobs) {
    this.jobs = jobs;
  }

  @PostMapping("/workers/import")
  Map<String, Object> upload(@RequestParam("file") MultipartFile file, Locale locale) throws IOException {
    CurrentUser.requireRole(Role.OFFICER);
    if (file.isEmpty()) {
      throw BusinessException.validation(FieldProblem.of("file", "REQUIRED"));
    }
    return jobs.start(file.getBytes(), locale).view();
  }

  @GetMapping("/workers/import/jobs/{id}")
  Map<String, Object> progress(@PathVariable String id) {
    return jobs.get(id).view();
  }
}

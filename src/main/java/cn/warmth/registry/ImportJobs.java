package cn.warmth.registry;

import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.FieldProblem;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs imports started from the page in the background, so that the page can show progress.
 * A job is visible only to the user who started it and is forgotten an hour after it ends.
 */
@Component
class ImportJobs {
  private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
  private final WorkerImport importer;
  private final MessageSource messages;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  ImportJobs(WorkerImport importer, MessageSource messages) {
    this.importer = importer;
    this.messages = messages;
  }

  record RowError(Integer row, String field, String code, String message) {}

  static final class Job implements WorkerImport.Progress {
    final String id = UUID.randomUUID().toString();
    final String owner;
    volatile String phase = "QUEUED";
    volatile int done;
    volatile int total;
    volatile Integer imported;
    volatile String message;
    volatile List<RowError> errors = List.of();
    volatile List<RowError> warnings = List.of();
    volatile long endedAt;

    Job(String owner) {
      this.owner = owner;
    }

    @Override
    public void update(String phase, int done, int total) {
      this.phase = phase;
      this.done = done;
      this.total = total;
    }

    public Map<String, Object> view() {
      var m = new java.util.LinkedHashMap<String, Object>();
      m.put("id", id);
      m.put("phase", phase);
      m.put("done", done);
      m.put("total", total);
      m.put("imported", imported);
      m.put("message", message);
      m.put("errors", errors);
      m.put("warnings", warnings);
      return m;
    }
  }

  /** Starts the import of a spooled file, which the job deletes when it ends. */
  Job start(java.nio.file.Path file, Locale locale) {
    SecurityContext context = SecurityContextHolder.getContext();
    Job job = new Job(CurrentUser.get().username());
    jobs.put(job.id, job);
    forgetOld();
    executor.submit(() -> {
      SecurityContextHolder.setContext(context);
      try {
        try (var in = java.nio.file.Files.newInputStream(file)) {
          WorkerImport.Outcome outcome = importer.importWorkbook(in, job);
          job.warnings = warnings(outcome, messages, locale);
          job.imported = outcome.imported();
        }
        job.phase = "DONE";
      } catch (BusinessException e) {
        job.phase = "REFUSED";
        job.message = messages.getMessage(e.messageKey(), e.args(), e.code(), locale);
        job.errors = e.errors().stream().map(f -> toRow(f, locale)).toList();
        if (e.errorsNotListed() > 0) {
          job.message += " " + messages.getMessage("error.errorsNotListed",
              new Object[] {BusinessException.MAX_LISTED, e.errorsNotListed()}, locale);
        }
      } catch (Exception e) {
        log.error("import failed", e);
        job.phase = "FAILED";
        job.message = messages.getMessage("error.page.other", null, locale);
      } finally {
        try {
          java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException ignored) {
          // The temporary folder is cleaned by the system.
        }
        job.endedAt = System.currentTimeMillis();
        SecurityContextHolder.clearContext();
      }
    });
    return job;
  }

  Job get(String id) {
    Job job = jobs.get(id);
    if (job == null || !job.owner.equals(CurrentUser.get().username())) {
      throw BusinessException.notFound();
    }
    return job;
  }

  /** One row per card that fails the Luhn check, in the same shape as the errors. */
  static List<RowError> warnings(WorkerImport.Outcome outcome, MessageSource messages, Locale locale) {
    String text = messages.getMessage("warning.BANK_CARD_CHECKSUM", null, locale);
    return outcome.cardChecksumRows().stream()
        .map(row -> new RowError(row, "bankCardNo", "BANK_CARD_CHECKSUM", text)).toList();
  }

  private RowError toRow(FieldProblem f, Locale locale) {
    return new RowError(f.row(), f.field(), f.code(), messages.getMessage(f.messageKey(), f.args(), f.code(), locale));
  }

  private void forgetOld() {
    long hourAgo = System.currentTimeMillis() - 3_600_000;
    jobs.values().removeIf(j -> j.endedAt > 0 && j.endedAt < hourAgo);
  }
}

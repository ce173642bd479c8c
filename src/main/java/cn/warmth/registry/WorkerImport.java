package cn.warmth.registry;

import cn.warmth.audit.AuditLog;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.FieldProblem;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports workers from the XLSX template: every row is validated first (with the same rules as
 * the form); any bad row refuses the whole file with a row-by-row list; a good file is saved in
 * one transaction.
 */
@Service
class WorkerImport {
  private static final Logger log = LoggerFactory.getLogger(WorkerImport.class);
  static final int MAX_ROWS = 50_000;

  /** Reports how far the import is: phase and rows done of total. */
  interface Progress {
    Progress NONE = (phase, done, total) -> {};

    void update(String phase, int done, int total);
  }

  private final Workers workers;
  private final WorkerRepository repository;
  private final Organisations organisations;
  private final AuditLog audit;

  private final io.micrometer.core.instrument.MeterRegistry meters;

  WorkerImport(Workers workers, WorkerRepository repository, Organisations organisations, AuditLog audit,
      io.micrometer.core.instrument.MeterRegistry meters) {
    this.meters = meters;
    this.workers = workers;
    this.repository = repository;
    this.organisations = organisations;
    this.audit = audit;
  }

  /**
   * What an accepted file did: how many workers were registered, and the spreadsheet rows whose
   * bank card fails the Luhn check (saved, as on the form, but the officer should check them).
   */
  record Outcome(int imported, List<Integer> cardChecksumRows) {}

  /** The import, timed for the metrics ({@code warmth.import.duration}, kind workers, outcome ok or refused). */
  @Transactional
  public Outcome importWorkbook(InputStream in, Progress progress) throws IOException {
    return cn.warmth.shared.ImportTimings.timed(meters, "workers", () -> importRows(in, progress));
  }

  private Outcome importRows(InputStream in, Progress progress) throws IOException {
    CurrentUser.requireRole(Role.OFFICER);
    long started = System.nanoTime();
    List<Parsed> rows = read(in);
    int total = rows.size();
    progress.update("VALIDATING", 0, total);

    // Organisations in scope, resolved once rather than per row.
    Map<String, OrgView> orgs = organisations.inScope().stream().collect(Collectors.toMap(OrgView::code, o -> o));
    Function<String, Optional<OrgView>> orgLookup = code -> Optional.ofNullable(orgs.get(code));

    List<FieldProblem> errors = new ArrayList<>();
    List<Workers.ValidWorker> valid = new ArrayList<>(total);
    Map<String, Integer> rowByHash = new HashMap<>();
    List<String> hashes = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      int rowNumber = rows.get(i).rowNumber();
      Problems p = new Problems();
      Workers.ValidWorker v = workers.validate(rows.get(i).input(), p, orgLookup);
      String hash = null;
      if (v.id() != null) {
        hash = workers.hash(v.id().value());
        Integer first = rowByHash.putIfAbsent(hash, rowNumber);
        if (first != null) {
          p.add("idNumber", "DUPLICATE_IN_FILE", first);
        }
      }
      p.list().forEach(f -> errors.add(f.atRow(rowNumber)));
      valid.add(v);
      hashes.add(hash);
      if (i % 500 == 0) {
        progress.update("VALIDATING", i, total);
      }
    }
    // Already registered anywhere in the province: one query per 1,000 numbers.
    Set<String> existing = new HashSet<>();
    List<String> known = hashes.stream().filter(h -> h != null).toList();
    for (int from = 0; from < known.size(); from += 1000) {
      existing.addAll(repository.findExistingHashes(known.subList(from, Math.min(known.size(), from + 1000))));
    }
    for (String h : existing) {
      errors.add(FieldProblem.of("idNumber", "DUPLICATE_WORKER").atRow(rowByHash.get(h)));
    }
    if (!errors.isEmpty()) {
      errors.sort(java.util.Comparator.comparing(FieldProblem::row));
      progress.update("REFUSED", total, total);
      // The exception lists the first BusinessException.MAX_LISTED and counts the rest.
      throw BusinessException.validation(errors);
    }

    List<Integer> cardChecksumRows = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      if (valid.get(i).card() != null && !valid.get(i).luhnOk()) {
        cardChecksumRows.add(rows.get(i).rowNumber());
      }
    }
    progress.update("SAVING", 0, total);
    List<Worker> batch = new ArrayList<>(500);
    for (int i = 0; i < total; i++) {
      batch.add(workers.build(valid.get(i), hashes.get(i)));
      if (batch.size() == 500 || i == total - 1) {
        for (Worker w : repository.saveAll(batch)) {
          audit.record("WORKER_IMPORTED", "WORKER", String.valueOf(w.getId()), w.getOrgPath(), null, Workers.describe(w));
        }
        repository.flush();
        batch.clear();
        progress.update("SAVING", i + 1, total);
      }
    }
    log.info("Imported {} workers in {} ms", total, (System.nanoTime() - started) / 1_000_000);
    progress.update("DONE", total, total);
    return new Outcome(total, List.copyOf(cardChecksumRows));
  }

  /** One filled row of the sheet and its spreadsheet row number (the header is row 1). */
  record Parsed(int rowNumber, Workers.WorkerInput input) {}

  /**
   * Reads the first sheet as a stream (the workbook is never in memory as a whole: the upload
   * is spooled to a temporary file and its sheet XML read row by row, shared strings kept in a
   * temporary file too) and stops at the first filled row past {@link #MAX_ROWS}.
   */
  static List<Parsed> read(InputStream in) throws IOException {
    Workbook wb;
    try {
      wb = StreamingReader.builder().rowCacheSize(200).bufferSize(8192).setUseSstTempFile(true)
          .setReadComments(false).setReadHyperlinks(false).setReadShapes(false).setReadCoreProperties(false)
          .open(in);
    } catch (RuntimeException e) {
      throw BusinessException.validation(FieldProblem.of("file", "NOT_XLSX"));
    }
    try (wb) {
      if (wb.getNumberOfSheets() == 0) {
        throw BusinessException.validation(FieldProblem.of("file", "NOT_TEMPLATE"));
      }
      Sheet sheet = wb.getSheetAt(0);
      DataFormatter fmt = new DataFormatter();
      List<Parsed> rows = new ArrayList<>();
      boolean headerSeen = false;
      for (Row row : sheet) {
        if (!headerSeen) {
          if (row.getRowNum() != 0
              || !ImportTemplate.HEADERS[1].equals(fmt.formatCellValue(row.getCell(1)).strip())) {
            throw BusinessException.validation(FieldProblem.of("file", "NOT_TEMPLATE"));
          }
          headerSeen = true;
          continue;
        }
        String[] c = new String[ImportTemplate.HEADERS.length];
        boolean empty = true;
        for (int i = 0; i < c.length; i++) {
          c[i] = fmt.formatCellValue(row.getCell(i)).strip();
          empty &= c[i].isEmpty();
        }
        if (empty) {
          continue;
        }
        if (rows.size() >= MAX_ROWS) {
          // Stop here: the rest of the file is never read.
          throw new BusinessException(org.springframework.http.HttpStatus.BAD_REQUEST, "TOO_MANY_ROWS",
              "error.TOO_MANY_ROWS_FILE", new Object[] {MAX_ROWS, row.getRowNum() + 1},
              List.of(FieldProblem.of("file", "TOO_MANY_ROWS", MAX_ROWS)));
        }
        rows.add(new Parsed(row.getRowNum() + 1,
            new Workers.WorkerInput(c[0], c[1], c[2], c[3], employment(c[4]), disabled(c[5]), c[6], c[7], c[8])));
      }
      if (!headerSeen) {
        throw BusinessException.validation(FieldProblem.of("file", "NOT_TEMPLATE"));
      }
      if (rows.isEmpty()) {
        throw BusinessException.validation(FieldProblem.of("file", "EMPTY_FILE"));
      }
      return rows;
    } catch (RuntimeException e) {
      if (e instanceof BusinessException b) {
        throw b;
      }
      // A damaged or hostile file (bad XML, zip bomb refused by POI, ...).
      log.info("unreadable import file: {}", e.getClass().getSimpleName());
      throw BusinessException.validation(FieldProblem.of("file", "NOT_XLSX"));
    }
  }

  private static String employment(String s) {
    return switch (s) {
      case "在编" -> "ESTABLISHED";
      case "非在编" -> "NON_ESTABLISHED";
      case "新就业形态", "新就业形态劳动者" -> "NEW_FORM";
      default -> s;
    };
  }

  private static Boolean disabled(String s) {
    return switch (s.toLowerCase()) {
      case "是", "y", "yes", "true", "1" -> true;
      default -> false;
    };
  }
}

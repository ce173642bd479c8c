package cn.warmth.registry;

import cn.warmth.audit.AuditLog;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts every personal-data column (ID number, bank card, disability certificate) under the
 * current PII key (issue 14). Started as a command of the jar ({@code --app.pii.rotate=true}, see
 * {@link RotationMode} and docs/operations.md): workers in id order, a batch per transaction, and
 * the progress ({@code pii_rotation}) committed with each batch, so a run killed half-way resumes
 * after the last committed batch. A value is replaced only if it is still the one read (a node
 * that changed it meanwhile wrote it under the current key already). Audited at start and end.
 * The keyed hashes (ID number look-up, payee fingerprint) are not touched: the hash key rotates
 * in a separate procedure (docs/operations.md).
 */
@Component
@Order(100)
class KeyRotation implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
  static final String[][] COLUMNS = {
      {"id_number_enc", Workers.ID_FIELD}, {"bank_card_enc", Workers.CARD_FIELD}, {"disability_cert_enc", Workers.CERT_FIELD}};
  private final PiiCipher cipher;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final AuditLog audit;
  private final Organisations organisations;
  private final Clock clock;
  private final ApplicationContext context;
  private final boolean requested;
  private final int batchSize;
  private final long pauseMs;

  KeyRotation(PiiCipher cipher, JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditLog audit,
      Organisations organisations, Clock clock, ApplicationContext context,
      @Value("${app.pii.rotate:false}") boolean requested, @Value("${app.pii.rotate-batch-size:200}") int batchSize,
      @Value("${app.pii.rotate-pause-ms:0}") long pauseMs) {
    this.cipher = cipher;
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.audit = audit;
    this.organisations = organisations;
    this.clock = clock;
    this.context = context;
    this.requested = requested;
    this.batchSize = Math.max(1, batchSize);
    this.pauseMs = Math.max(0, pauseMs);
  }

  record Result(String keyId, long checkedWorkers, long rotatedValues, long remaining) {}

  @Override
  public void run(ApplicationArguments args) {
    if (!requested) {
      return;
    }
    int exit;
    try {
      Result r = rotate();
      exit = r.remaining() == 0 ? 0 : 3;
    } catch (RuntimeException e) {
      log.error("PII key rotation failed; run it again to resume", e);
      exit = 2;
    }
    int code = exit;
    System.exit(SpringApplication.exit(context, () -> code));
  }

  /** One complete pass (resumed if an earlier one to the same key stopped half-way). */
  Result rotate() {
    String keyId = cipher.currentKeyId();
    long from = tx.execute(s -> start(keyId));
    log.info("PII key rotation to key {}: starting after worker id {}", keyId, from);
    long last = from;
    long checked = 0;
    long rotated = 0;
    while (true) {
      long after = last;
      long[] batch = tx.execute(s -> batch(keyId, after));
      if (batch[0] == 0) {
        break;
      }
      checked += batch[0];
      rotated += batch[1];
      last = batch[2];
      log.info("PII key rotation to key {}: {} workers checked, {} values re-encrypted, up to worker id {}", keyId,
          checked, rotated, last);
      pause();
    }
    long rotatedTotal = rotated;
    long checkedTotal = checked;
    long remaining = tx.execute(s -> finish(keyId, checkedTotal, rotatedTotal));
    log.info("PII key rotation to key {} finished: {} values re-encrypted in this run, {} left under other keys",
        keyId, rotated, remaining);
    return new Result(keyId, checked, rotated, remaining);
  }

  /** Where to start: after the last committed batch of an unfinished run, else from the first worker. */
  private long start(String keyId) {
    Timestamp now = Timestamp.from(Instant.now(clock));
    List<Map<String, Object>> rows = jdbc.queryForList(
        "select last_worker_id, finished_at from pii_rotation where key_id = ?", keyId);
    long from;
    if (rows.isEmpty()) {
      jdbc.update("insert into pii_rotation (key_id, last_worker_id, rotated_values, started_at, updated_at) "
          + "values (?, 0, 0, ?, ?)", keyId, now, now);
      from = 0;
    } else if (rows.get(0).get("finished_at") != null) {
      // A pass to this key already finished: check everything again (values written meanwhile by
      // a node that still had the old key, say).
      jdbc.update("update pii_rotation set last_worker_id = 0, started_at = ?, updated_at = ?, finished_at = null "
          + "where key_id = ?", now, now, keyId);
      from = 0;
    } else {
      from = ((Number) rows.get(0).get("last_worker_id")).longValue();
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("keyId", keyId);
    after.put("resumedAfterWorker", from);
    audit.record("PII_KEY_ROTATION_STARTED", "PII_KEY", keyId, rootPath(), null, after);
    return from;
  }

  /** {checked, rotated, last id}: one batch and its progress, in one transaction. */
  private long[] batch(String keyId, long after) {
    List<Map<String, Object>> rows = jdbc.queryForList("select id, id_number_enc, bank_card_enc, disability_cert_enc "
        + "from worker where id > ? order by id fetch first " + batchSize + " rows only", after);
    if (rows.isEmpty()) {
      return new long[] {0, 0, after};
    }
    long rotated = 0;
    long last = after;
    for (Map<String, Object> row : rows) {
      long id = ((Number) row.get("id")).longValue();
      last = id;
      List<String> sets = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      List<Object> expected = new ArrayList<>();
      StringBuilder where = new StringBuilder(" where id = ?");
      for (String[] col : COLUMNS) {
        String stored = (String) row.get(col[0]);
        if (stored != null && !cipher.isCurrent(stored)) {
          sets.add(col[0] + " = ?");
          values.add(cipher.reencrypt(col[1], stored));
          where.append(" and ").append(col[0]).append(" = ?");
          expected.add(stored);
        }
      }
      if (!sets.isEmpty()) {
        List<Object> args = new ArrayList<>(values);
        args.add(id);
        args.addAll(expected);
        int n = jdbc.update("update worker set " + String.join(", ", sets) + where, args.toArray());
        rotated += n == 1 ? sets.size() : 0;
      }
    }
    jdbc.update("update pii_rotation set last_worker_id = ?, rotated_values = rotated_values + ?, updated_at = ? "
        + "where key_id = ?", last, rotated, Timestamp.from(Instant.now(clock)), keyId);
    return new long[] {rows.size(), rotated, last};
  }

  private long finish(String keyId, long checked, long rotated) {
    long remaining = remaining(keyId);
    jdbc.update("update pii_rotation set finished_at = ?, updated_at = ? where key_id = ?",
        Timestamp.from(Instant.now(clock)), Timestamp.from(Instant.now(clock)), keyId);
    Long total = jdbc.queryForObject("select rotated_values from pii_rotation where key_id = ?", Long.class, keyId);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("keyId", keyId);
    after.put("workersCheckedThisRun", checked);
    after.put("valuesReencryptedThisRun", rotated);
    after.put("valuesReencryptedInAll", total);
    after.put("valuesUnderOtherKeys", remaining);
    audit.record("PII_KEY_ROTATION_FINISHED", "PII_KEY", keyId, rootPath(), null, after);
    return remaining;
  }

  /** Values not (yet) under the key {@code keyId}: zero means the older keys can be removed. */
  long remaining(String keyId) {
    String prefix = "k" + keyId + ":%";
    Long n = jdbc.queryForObject("select count(*) from worker where id_number_enc not like ? "
        + "or (bank_card_enc is not null and bank_card_enc not like ?) "
        + "or (disability_cert_enc is not null and disability_cert_enc not like ?)", Long.class, prefix, prefix, prefix);
    return n == null ? 0 : n;
  }

  private String rootPath() {
    return organisations.root().map(OrgView::path).orElse("/");
  }

  private void pause() {
    if (pauseMs > 0) {
      try {
        Thread.sleep(pauseMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}

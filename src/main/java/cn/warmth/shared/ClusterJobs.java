package cn.warmth.shared;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled jobs with more than one node (issue 14): every node's scheduler fires, and the run is
 * claimed by inserting (job, run key) into {@code job_run}, whose primary key lets exactly one
 * node win. The claim commits at once in its own transaction, so the loser waits for nothing.
 * A daily job uses the Beijing date as its run key; a run that dies half-way is not repeated that
 * day (the retention job catches up the next night).
 */
@Component
public class ClusterJobs {
  private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);
  /** This node in the claims: host and process id (what an operator sees in ps). */
  static final String NODE = ManagementFactory.getRuntimeMXBean().getName();
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  ClusterJobs(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
    tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Today's run of a daily job: true on exactly one node. */
  public boolean claimToday(String job) {
    return claim(job, LocalDate.now(clock).toString());
  }

  /** True if this node won the run {@code runKey} of {@code job}; false if another node (or an earlier run) has it. */
  public boolean claim(String job, String runKey) {
    try {
      tx.executeWithoutResult(s -> jdbc.update(
          "insert into job_run (job_name, run_key, node, claimed_at) values (?, ?, ?, ?)", job, runKey, NODE,
          Timestamp.from(Instant.now(clock))));
      log.info("Scheduled job {} run {} claimed by this node", job, runKey);
      return true;
    } catch (DataIntegrityViolationException taken) {
      log.info("Scheduled job {} run {} already claimed by another node: skipped", job, runKey);
      return false;
    }
  }

  public void finished(String job, String runKey) {
    tx.executeWithoutResult(s -> jdbc.update("update job_run set finished_at = ? where job_name = ? and run_key = ?",
        Timestamp.from(Instant.now(clock)), job, runKey));
  }
}

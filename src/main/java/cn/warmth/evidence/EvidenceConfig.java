package cn.warmth.evidence;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Settings, and the nightly retention job (Beijing time): evidence past its retention is removed. */
@Configuration
@EnableConfigurationProperties(EvidenceSettings.class)
@EnableScheduling
class EvidenceConfig {
  static final String RETENTION_JOB = "evidence-retention";
  private final Evidence evidence;
  private final cn.warmth.shared.ClusterJobs jobs;
  private final java.time.Clock clock;

  EvidenceConfig(Evidence evidence, cn.warmth.shared.ClusterJobs jobs, java.time.Clock clock) {
    this.evidence = evidence;
    this.jobs = jobs;
    this.clock = clock;
  }

  @Scheduled(cron = "${app.evidence.retention-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
  void removeExpiredEvidence() {
    // Every node's scheduler fires: one node wins the night's run (issue 14).
    String night = java.time.LocalDate.now(clock).toString();
    if (!jobs.claim(RETENTION_JOB, night)) {
      return;
    }
    int removed;
    do {
      removed = evidence.removeExpired(); // 500 per transaction
    } while (removed > 0);
    jobs.finished(RETENTION_JOB, night);
  }
}

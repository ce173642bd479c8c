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
  private final Evidence evidence;

  EvidenceConfig(Evidence evidence) {
    this.evidence = evidence;
  }

  @Scheduled(cron = "${app.evidence.retention-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
  void removeExpiredEvidence() {
    int removed;
    do {
      removed = evidence.removeExpired(); // 500 per transaction
    } while (removed > 0);
  }
}

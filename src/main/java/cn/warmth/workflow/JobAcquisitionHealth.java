package cn.warmth.workflow;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness (issue 14): this node's job executor acquires jobs (timers, async steps, retries).
 * Always present, so the readiness group can name it even where the executor is switched off
 * (then the node is DOWN: it would serve users but fire no timer).
 */
@Component("jobAcquisitionHealthIndicator")
class JobAcquisitionHealth implements HealthIndicator {
  private final ProcessEngineConfigurationImpl engine;

  JobAcquisitionHealth(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  @Override
  public Health health() {
    JobExecutor executor = engine.getJobExecutor();
    if (executor == null || !executor.isActive()) {
      return Health.down().withDetail("jobExecutor", "not running").build();
    }
    return Health.up().withDetail("lockOwner", executor.getLockOwner()).build();
  }
}

package cn.warmth.workflow;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;

/** What an administrator needs to know about the engine at a glance; Cockpit has the detail. */
@Service
class EngineStatus {
  private final ManagementService management;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final ProcessEngineConfiguration configuration;
  private final WorkflowCommandInterceptor commands;
  private final Clock clock;

  EngineStatus(ManagementService management, RuntimeService runtime, HistoryService history,
      ProcessEngineConfiguration configuration, WorkflowCommandInterceptor commands, Clock clock) {
    this.management = management;
    this.runtime = runtime;
    this.history = history;
    this.configuration = configuration;
    this.commands = commands;
    this.clock = clock;
  }

  /**
   * @param failedJobs jobs whose last run failed (waiting for their next retry, or out of retries)
   * @param exhaustedJobs failed jobs with no retries left: they wait for an administrator (incident)
   * @param dueTimers timers already due (the job executor should pick them up within seconds)
   * @param windowStart history clean-up window, Beijing time
   * @param nextCleanup when the clean-up job runs next, Beijing time (null if not scheduled)
   * @param commandRetries commands of people retried after colliding with a job, since start
   */
  record Snapshot(long failedJobs, long exhaustedJobs, long incidents, long dueTimers, LocalTime windowStart,
      LocalTime windowEnd, LocalDateTime nextCleanup, long commandRetries) {}

  Snapshot now() {
    var cfg = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) configuration;
    Job cleanup = history.findHistoryCleanupJobs().stream().filter(j -> j.getDuedate() != null)
        .min(java.util.Comparator.comparing(Job::getDuedate)).orElse(null);
    return new Snapshot(
        management.createJobQuery().withException().count(),
        management.createJobQuery().noRetriesLeft().count(),
        runtime.createIncidentQuery().count(),
        management.createJobQuery().timers().duedateLowerThan(java.util.Date.from(clock.instant())).count(),
        beijing(cfg.getHistoryCleanupBatchWindowStartTimeAsDate()),
        beijing(cfg.getHistoryCleanupBatchWindowEndTimeAsDate()),
        cleanup == null ? null : LocalDateTime.ofInstant(cleanup.getDuedate().toInstant(), clock.getZone()),
        commands.retries());
  }

  private LocalTime beijing(java.util.Date d) {
    return d == null ? null : LocalTime.ofInstant(d.toInstant(), clock.getZone());
  }
}

package cn.warmth.workflow;

import cn.warmth.shared.CachedValue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The engine's to-do list on the metrics (issue 14): open user tasks, failed jobs (a retry is
 * pending, or none is left: an incident for an administrator) and open incidents. Counted at most
 * every 30 s, whatever the number of scrapes; the same figures on every node (one database).
 */
@Component
class EngineMetrics {
  static final Duration EVERY = Duration.ofSeconds(30);

  EngineMetrics(MeterRegistry registry, TaskService tasks, ManagementService management, RuntimeService runtime) {
    CachedValue<Long> open = new CachedValue<>(() -> tasks.createTaskQuery().active().count(), EVERY, 0L);
    CachedValue<Long> retrying = new CachedValue<>(() -> management.createJobQuery().withException().count()
        - management.createJobQuery().noRetriesLeft().count(), EVERY, 0L);
    CachedValue<Long> exhausted = new CachedValue<>(() -> management.createJobQuery().noRetriesLeft().count(), EVERY, 0L);
    CachedValue<Long> incidents = new CachedValue<>(() -> runtime.createIncidentQuery().count(), EVERY, 0L);
    Gauge.builder("warmth.tasks.open", open, CachedValue::get).strongReference(true).description("open user tasks in the engine")
        .register(registry);
    Gauge.builder("warmth.jobs.failed", retrying, CachedValue::get).strongReference(true).tag("retries", "left")
        .description("jobs whose last run failed, waiting for their next retry").register(registry);
    Gauge.builder("warmth.jobs.failed", exhausted, CachedValue::get).strongReference(true).tag("retries", "none")
        .description("jobs out of retries (an incident: see /admin/engine)").register(registry);
    Gauge.builder("warmth.incidents.open", incidents, CachedValue::get).strongReference(true).description("open engine incidents")
        .register(registry);
  }
}

package cn.warmth.shared;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value computed at most once per period (issue 14): gauges read by every Prometheus scrape
 * (from every monitoring agent, on every node) cost one query per period, not one per scrape.
 * A failed computation keeps the last value (the database may be briefly away).
 */
public final class CachedValue<T> {
  private final Supplier<T> compute;
  private final Duration ttl;
  private T value;
  private long computedAt = Long.MIN_VALUE;

  public CachedValue(Supplier<T> compute, Duration ttl, T initial) {
    this.compute = compute;
    this.ttl = ttl;
    this.value = initial;
  }

  public synchronized T get() {
    long now = System.nanoTime(); // a cache's age, not a domain date: the monotonic clock
    if (computedAt == Long.MIN_VALUE || now - computedAt >= ttl.toNanos()) {
      computedAt = now;
      try {
        value = compute.get();
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(CachedValue.class).warn("gauge not refreshed: {}", e.toString());
      }
    }
    return value;
  }
}

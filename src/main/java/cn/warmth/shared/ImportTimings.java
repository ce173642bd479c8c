package cn.warmth.shared;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Import durations on the metrics (issue 14): {@code warmth.import.duration{kind, outcome}}, outcome
 * {@code ok} or {@code refused} (a refused file is timed too: a slow refusal is worth seeing).
 */
public final class ImportTimings {
  private ImportTimings() {}

  /** Work that may throw what the import throws. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  public static <T, E extends Exception> T timed(MeterRegistry meters, String kind, Work<T, E> work) throws E {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "refused";
    try {
      T result = work.run();
      outcome = "ok";
      return result;
    } finally {
      sample.stop(meters.timer("warmth.import.duration", "kind", kind, "outcome", outcome));
    }
  }
}

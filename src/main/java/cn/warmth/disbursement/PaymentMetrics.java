package cn.warmth.disbursement;

import cn.warmth.shared.CachedValue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bank payments by status on the metrics (issue 14): {@code warmth.payments{status=PENDING|PAID|FAILED}}
 * (count) and {@code warmth.payments.amount{status}} (yuan), one grouped query at most every 30 s.
 */
@Component
class PaymentMetrics {
  PaymentMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
    CachedValue<Map<String, long[]>> byStatus = new CachedValue<>(() -> {
      Map<String, long[]> m = new HashMap<>();
      jdbc.query("select status, count(*), coalesce(sum(amount_fen), 0) from payment_item group by status",
          rs -> {
            m.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
          });
      return m;
    }, Duration.ofSeconds(30), Map.of());
    for (PaymentItem.Status s : PaymentItem.Status.values()) {
      Gauge.builder("warmth.payments", byStatus, c -> c.get().getOrDefault(s.name(), new long[2])[0])
          .strongReference(true).tag("status", s.name()).description("bank payments by status").register(registry);
      Gauge.builder("warmth.payments.amount", byStatus, c -> c.get().getOrDefault(s.name(), new long[2])[1] / 100.0)
          .strongReference(true).tag("status", s.name()).baseUnit("yuan").description("bank payments by status, in yuan").register(registry);
    }
  }
}

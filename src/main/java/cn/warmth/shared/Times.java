package cn.warmth.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * The one way dates and times are shown: in Beijing time (the zone of the application's
 * {@link Clock}), whatever the server's zone. Screens show {@code 2024-01-05} and
 * {@code 2024-01-05 14:30}; printed documents the official {@code 2024年1月5日} (decisions.md,
 * "Dates and times on pages"). Templates use it as {@code #times}: {@code ${#times.dateTime(x)}}
 * for an {@link Instant} (or {@link Date}, {@link ZonedDateTime}, {@link OffsetDateTime}); a
 * {@link LocalDate} or {@link LocalDateTime} is already a Beijing date (or time) and is only
 * formatted. Null shows as an empty text. Never Thymeleaf's {@code #temporals}/{@code #dates},
 * which use the server's zone for instants.
 */
@Component
public class Times extends AbstractDialect implements IExpressionObjectDialect {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
  private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private final ZoneId zone;

  public Times(Clock clock) {
    super("warmth-times");
    this.zone = clock.getZone();
  }

  /** The zone every shown time is in (the clock's: Asia/Shanghai). */
  public ZoneId zone() {
    return zone;
  }

  /** {@code 2024-01-05}: the Beijing calendar day of an instant, or a day as it is. */
  public String date(Object value) {
    return format(value, DATE);
  }

  /** {@code 2024-01-05 14:30}, Beijing time. */
  public String dateTime(Object value) {
    return format(value, DATE_TIME);
  }

  /** {@code 2024-01-05 14:30:07}, Beijing time (the audit log, where order within a minute matters). */
  public String seconds(Object value) {
    return format(value, SECONDS);
  }

  /** {@code 01-05}, for calendars. */
  public String monthDay(Object value) {
    return format(value, MONTH_DAY);
  }

  /** {@code 2024年1月5日}, the official form for printed documents. */
  public String chinese(Object value) {
    return format(value, CHINESE);
  }

  /** The short name of the day of the week in the request's language: 周五, Fri. */
  public String weekday(Object value) {
    LocalDate day = day(value);
    if (day == null) {
      return "";
    }
    Locale locale = LocaleContextHolder.getLocale();
    return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale);
  }

  /** The Beijing calendar day of an instant (or the day itself); null for null. */
  public LocalDate day(Object value) {
    TemporalAccessor t = inZone(value);
    return t == null ? null : LocalDate.from(t);
  }

  private String format(Object value, DateTimeFormatter pattern) {
    TemporalAccessor t = inZone(value);
    return t == null ? "" : pattern.format(t);
  }

  private TemporalAccessor inZone(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i.atZone(zone);
    }
    if (value instanceof ZonedDateTime z) {
      return z.withZoneSameInstant(zone);
    }
    if (value instanceof OffsetDateTime o) {
      return o.atZoneSameInstant(zone);
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(zone);
    }
    if (value instanceof LocalDate || value instanceof LocalDateTime) {
      return (TemporalAccessor) value;
    }
    throw new IllegalArgumentException("not a date or time: " + value.getClass().getName());
  }

  // ---- the Thymeleaf side: registered as the expression object #times ----

  @Override
  public IExpressionObjectFactory getExpressionObjectFactory() {
    return new IExpressionObjectFactory() {
      @Override
      public Set<String> getAllExpressionObjectNames() {
        return Set.of("times");
      }

      @Override
      public Object buildObject(IExpressionContext context, String name) {
        return Times.this;
      }

      @Override
      public boolean isCacheable(String name) {
        return true;
      }
    };
  }
}

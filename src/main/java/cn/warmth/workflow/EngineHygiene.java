package cn.warmth.workflow;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Engine settings that need computing (the rest is in application.yml): the history clean-up
 * window, given in Beijing time. The engine reads {@code HH:mm} in the JVM's default time zone,
 * which on a UTC server would move the window to 09:00–13:00 Beijing, in office hours; so the
 * window is handed over with the Beijing offset ({@code 01:00+0800}), a form the engine parses
 * into the right instant whatever the server's zone. China keeps no daylight saving time, so
 * one offset holds all year.
 */
@Component
class EngineHygiene extends AbstractProcessEnginePlugin {
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx");
  private final String start;
  private final String end;

  EngineHygiene(Clock clock, @Value("${app.engine.history-cleanup.window-start:01:00}") String start,
      @Value("${app.engine.history-cleanup.window-end:05:00}") String end) {
    ZoneOffset offset = clock.getZone().getRules().getOffset(clock.instant());
    this.start = withOffset(start, offset);
    this.end = withOffset(end, offset);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryCleanupBatchWindowStartTime(start);
    configuration.setHistoryCleanupBatchWindowEndTime(end);
  }

  /** {@code 01:00} in Beijing → {@code 01:00+0800}. */
  static String withOffset(String localTime, ZoneOffset offset) {
    return LocalTime.parse(localTime.strip()).format(DateTimeFormatter.ofPattern("HH:mm")) + OFFSET.format(offset);
  }
}

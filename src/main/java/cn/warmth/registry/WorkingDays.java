package cn.warmth.registry;

import cn.warmth.calendar.WorkingCalendar;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Working days for the 公示 period, as the working-day calendar counts them: Monday to Friday
 * less public holidays plus the swapped weekend working days (调休) of the State Council's notice;
 * Monday to Friday for a year without a calendar.
 */
@Component
class WorkingDays {
  private final WorkingCalendar calendar;

  WorkingDays(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  /** The n-th working day after start (start itself not counted). */
  LocalDate after(LocalDate start, int n) {
    return calendar.after(start, n);
  }
}

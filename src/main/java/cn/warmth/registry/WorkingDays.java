package cn.warmth.registry;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days for the 公示 period: Monday to Friday. Public holidays and the weekend days the
 * State Council moves are not modelled (decisions.md): the notice may run a day or two longer
 * around a holiday, never shorter.
 */
final class WorkingDays {
  private WorkingDays() {}

  /** The n-th working day after start (start itself not counted). */
  static LocalDate after(LocalDate start, int n) {
    LocalDate d = start;
    int left = n;
    while (left > 0) {
      d = d.plusDays(1);
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return d;
  }
}

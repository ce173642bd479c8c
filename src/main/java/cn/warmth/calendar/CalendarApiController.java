package cn.warmth.calendar;

import cn.warmth.shared.BusinessException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar: any signed-in user reads it, the root ADMIN replaces a year. */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApiController {
  private final WorkingCalendar calendar;

  CalendarApiController(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  @GetMapping
  List<WorkingCalendar.YearView> years() {
    return calendar.years();
  }

  @GetMapping("/{year}")
  WorkingCalendar.YearView year(@PathVariable int year) {
    return calendar.year(year).orElseThrow(BusinessException::notFound);
  }

  @PutMapping("/{year}")
  WorkingCalendar.YearView save(@PathVariable int year, @RequestBody WorkingCalendar.YearInput in) {
    return calendar.save(year, in);
  }
}

package cn.warmth.calendar;

import cn.warmth.shared.BusinessException;
import cn.warmth.shared.FormErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 节假日与调休 for administrators: the years with a calendar (verified or entered by hand), the
 * coming years that fall back to Monday to Friday, and the form for one year (root ADMIN).
 * Lines are "2024-02-10~2024-02-17 春节" (a range) or "2024-02-04 春节" (one day).
 */
@Controller
class CalendarPageController {
  private final WorkingCalendar calendar;
  private final MessageSource messages;
  private final Clock clock;

  CalendarPageController(WorkingCalendar calendar, MessageSource messages, Clock clock) {
    this.calendar = calendar;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/admin/calendar")
  String list(Model model) {
    model.addAttribute("years", calendar.years());
    model.addAttribute("coming", calendar.coming());
    model.addAttribute("canEdit", calendar.canEdit());
    model.addAttribute("nextYear", LocalDate.now(clock).getYear() + 1);
    return "calendar/calendar";
  }

  @GetMapping("/admin/calendar/{year}")
  String form(@PathVariable int year, Model model) {
    var y = calendar.year(year);
    model.addAttribute("year", year);
    model.addAttribute("exists", y.isPresent());
    model.addAttribute("verified", y.map(WorkingCalendar.YearView::verified).orElse(false));
    model.addAttribute("source", y.map(WorkingCalendar.YearView::source).orElse(""));
    model.addAttribute("holidays", y.map(v -> lines(v.holidays())).orElse(""));
    model.addAttribute("workdays", y.map(v -> lines(v.workdays())).orElse(""));
    model.addAttribute("canEdit", calendar.canEdit());
    return "calendar/year";
  }

  @PostMapping("/admin/calendar/{year}")
  String save(@PathVariable int year, @RequestParam(defaultValue = "false") boolean verified,
      @RequestParam(required = false) String source, @RequestParam(required = false) String holidays,
      @RequestParam(required = false) String workdays, Model model, Locale locale, RedirectAttributes redirect) {
    try {
      calendar.save(year, new WorkingCalendar.YearInput(verified, source, parse(holidays), parse(workdays)));
      redirect.addFlashAttribute("successMessage", messages.getMessage("calendar.saved", new Object[] {year}, locale));
      return "redirect:/admin/calendar";
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      model.addAttribute("year", year);
      model.addAttribute("exists", calendar.year(year).isPresent());
      model.addAttribute("verified", verified);
      model.addAttribute("source", source);
      model.addAttribute("holidays", holidays);
      model.addAttribute("workdays", workdays);
      model.addAttribute("canEdit", calendar.canEdit());
      return "calendar/year";
    }
  }

  static String lines(List<WorkingCalendar.Range> ranges) {
    return ranges.stream().map(r -> (r.from().equals(r.to()) ? r.from().toString() : r.from() + "~" + r.to()) + " "
        + r.name()).collect(Collectors.joining("\n"));
  }

  /** "from[~to] name" per line; blank lines skipped; whatever does not parse is reported by the service. */
  static List<WorkingCalendar.RangeInput> parse(String text) {
    List<WorkingCalendar.RangeInput> list = new ArrayList<>();
    if (text == null) {
      return list;
    }
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      String[] dates = parts[0].split("~|～|至", 2);
      list.add(new WorkingCalendar.RangeInput(dates[0], dates.length > 1 ? dates[1] : null,
          parts.length > 1 ? parts[1] : null));
    }
    return list;
  }
}

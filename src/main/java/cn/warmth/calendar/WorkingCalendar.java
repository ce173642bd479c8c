package cn.warmth.calendar;

import cn.warmth.audit.AuditLog;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.FieldProblem;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.Texts;
import cn.warmth.shared.WarmthUser;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working days as the State Council's yearly notice makes them: Monday to Friday, less the public
 * holidays, plus the weekend days swapped into working days (调休). A year without a calendar
 * falls back to Monday to Friday (and the admin page says so). Read from the database on every
 * call (a few rows), so that two nodes never disagree after an edit.
 */
@Service
public class WorkingCalendar {
  /** The longest holiday in the notices is 9 days: a window this much longer than n always suffices. */
  private static final int SLACK_DAYS = 40;

  private final JdbcTemplate jdbc;
  private final Organisations organisations;
  private final AuditLog audit;
  private final Clock clock;

  WorkingCalendar(JdbcTemplate jdbc, Organisations organisations, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.organisations = organisations;
    this.audit = audit;
    this.clock = clock;
  }

  public enum Kind { HOLIDAY, WORKDAY }

  /** One year's calendar: holidays as ranges of one name, swapped working days one by one. */
  public record YearView(int year, boolean verified, String source, String updatedBy, Instant updatedAt,
      List<Range> holidays, List<Range> workdays) {}

  /** Consecutive days of one kind and name (from = to for a single day). */
  public record Range(LocalDate from, LocalDate to, String name) {
    public long days() {
      return to.toEpochDay() - from.toEpochDay() + 1;
    }
  }

  /** A year on the admin page: its calendar, or the fact that it falls back to Monday to Friday. */
  public record YearStatus(int year, Optional<YearView> calendar) {
    public boolean fallback() {
      return calendar.isEmpty();
    }
  }

  // ---------------------------------------------------------------- counting

  @Transactional(readOnly = true)
  public boolean isWorkingDay(LocalDate day) {
    return new Window(day, day).working(day);
  }

  /** The n-th working day after {@code start} (start itself not counted); start for n = 0. */
  @Transactional(readOnly = true)
  public LocalDate after(LocalDate start, int n) {
    LocalDate d = start;
    int left = n;
    while (left > 0) {
      Window w = new Window(d.plusDays(1), d.plusDays(left * 2L + SLACK_DAYS));
      while (left > 0 && d.isBefore(w.to)) {
        d = d.plusDays(1);
        if (w.working(d)) {
          left--;
        }
      }
    }
    return d;
  }

  /** The n-th working day before {@code end} (end itself not counted); end for n = 0. */
  @Transactional(readOnly = true)
  public LocalDate before(LocalDate end, int n) {
    LocalDate d = end;
    int left = n;
    while (left > 0) {
      Window w = new Window(d.minusDays(left * 2L + SLACK_DAYS), d.minusDays(1));
      while (left > 0 && d.isAfter(w.from)) {
        d = d.minusDays(1);
        if (w.working(d)) {
          left--;
        }
      }
    }
    return d;
  }

  /** The calendar rows between two days, read once. */
  private final class Window {
    final LocalDate from;
    final LocalDate to;
    final Map<LocalDate, Kind> days = new HashMap<>();
    final Set<Integer> years = new HashSet<>();

    Window(LocalDate from, LocalDate to) {
      this.from = from;
      this.to = to;
      jdbc.query("select cal_day, kind from calendar_day where cal_day between ? and ?",
          rs -> { days.put(rs.getDate(1).toLocalDate(), Kind.valueOf(rs.getString(2))); },
          Date.valueOf(from), Date.valueOf(to));
      years.addAll(jdbc.queryForList("select cal_year from calendar_year where cal_year between ? and ?", Integer.class,
          from.getYear(), to.getYear()));
    }

    boolean working(LocalDate d) {
      boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (!years.contains(d.getYear())) {
        return !weekend; // no calendar for this year: Monday to Friday
      }
      Kind k = days.get(d);
      return k == Kind.WORKDAY || (k == null && !weekend);
    }
  }

  // ---------------------------------------------------------------- reading for the admin page and the API

  @Transactional(readOnly = true)
  public List<YearView> years() {
    List<YearView> list = new ArrayList<>();
    for (Integer y : jdbc.queryForList("select cal_year from calendar_year order by cal_year", Integer.class)) {
      year(y).ifPresent(list::add);
    }
    return list;
  }

  @Transactional(readOnly = true)
  public Optional<YearView> year(int year) {
    List<Object[]> head = jdbc.query("select verified, source, updated_by, updated_at from calendar_year where cal_year = ?",
        (rs, i) -> new Object[] {rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()}, year);
    if (head.isEmpty()) {
      return Optional.empty();
    }
    List<Range> holidays = new ArrayList<>();
    List<Range> workdays = new ArrayList<>();
    jdbc.query("select cal_day, kind, name from calendar_day where cal_year = ? order by cal_day", rs -> {
      LocalDate d = rs.getDate(1).toLocalDate();
      String name = rs.getString(3);
      if (Kind.valueOf(rs.getString(2)) == Kind.WORKDAY) {
        workdays.add(new Range(d, d, name));
        return;
      }
      Range last = holidays.isEmpty() ? null : holidays.get(holidays.size() - 1);
      if (last != null && last.name().equals(name) && last.to().plusDays(1).equals(d)) {
        holidays.set(holidays.size() - 1, new Range(last.from(), d, name));
      } else {
        holidays.add(new Range(d, d, name));
      }
    }, year);
    Object[] h = head.get(0);
    return Optional.of(new YearView(year, (Boolean) h[0], (String) h[1], (String) h[2], (Instant) h[3], holidays,
        workdays));
  }

  /** This year and the next two, with or without a calendar (the admin page's warning). */
  @Transactional(readOnly = true)
  public List<YearStatus> coming() {
    int now = LocalDate.now(clock).getYear();
    List<YearStatus> list = new ArrayList<>();
    for (int y = now; y <= now + 1; y++) {
      list.add(new YearStatus(y, year(y)));
    }
    return list;
  }

  // ---------------------------------------------------------------- editing (root ADMIN)

  /** A year as entered: holidays as ranges, swapped working days as single days. */
  public record YearInput(Boolean verified, String source, List<RangeInput> holidays, List<RangeInput> workdays) {}

  /** A range or a single day ({@code to} may be blank); dates yyyy-MM-dd. */
  public record RangeInput(String from, String to, String name) {}

  /**
   * Replaces a year's calendar. Root ADMIN only (the calendar is national and province-wide).
   * Every line is checked and every problem reported with its line number; nothing changes
   * unless the whole year is right.
   */
  @Transactional
  public YearView save(int year, YearInput in) {
    requireRootAdmin();
    Problems p = new Problems();
    if (year < 2000 || year > 2100) {
      throw BusinessException.validation(FieldProblem.of("year", "INVALID_YEAR"));
    }
    String source = Texts.trim(in.source());
    if (source != null && !source.isEmpty() && !Texts.isPlain(source, 1, 200)) {
      p.add("source", "TOO_LONG", 200);
    }
    Map<LocalDate, Object[]> days = new TreeMap<>();
    read(in.holidays(), "holidays", Kind.HOLIDAY, year, days, p);
    read(in.workdays(), "workdays", Kind.WORKDAY, year, days, p);
    p.throwIfAny();
    Optional<YearView> before = year(year);
    WarmthUser me = CurrentUser.get();
    jdbc.update("delete from calendar_day where cal_year = ?", year);
    Timestamp now = Timestamp.from(Instant.now(clock));
    boolean verified = Boolean.TRUE.equals(in.verified());
    String src = source == null || source.isEmpty() ? null : source;
    if (before.isPresent()) {
      jdbc.update("update calendar_year set verified = ?, source = ?, updated_by = ?, updated_at = ? where cal_year = ?",
          verified, src, me.username(), now, year);
    } else {
      jdbc.update("insert into calendar_year (cal_year, verified, source, updated_by, updated_at) values (?, ?, ?, ?, ?)",
          year, verified, src, me.username(), now);
    }
    jdbc.batchUpdate("insert into calendar_day (cal_day, cal_year, kind, name) values (?, ?, ?, ?)",
        days.entrySet().stream().map(e -> new Object[] {Date.valueOf(e.getKey()), year, e.getValue()[0].toString(),
            e.getValue()[1]}).toList());
    YearView after = year(year).orElseThrow();
    audit.record("CALENDAR_SAVED", "CALENDAR", String.valueOf(year), null, before.map(WorkingCalendar::describe)
        .orElse(null), describe(after));
    return after;
  }

  private static void read(List<RangeInput> lines, String field, Kind kind, int year, Map<LocalDate, Object[]> days,
      Problems p) {
    if (lines == null) {
      return;
    }
    int row = 0;
    for (RangeInput r : lines) {
      row++;
      Problems line = new Problems();
      LocalDate from = date(r.from(), line);
      LocalDate to = r.to() == null || r.to().isBlank() ? from : date(r.to(), line);
      String name = Texts.trim(r.name());
      if (name == null || name.isEmpty()) {
        line.add(field, "CALENDAR_NAME_REQUIRED");
      } else if (!Texts.isPlain(name, 1, 30)) {
        line.add(field, "TOO_LONG", 30);
      }
      if (from != null && to != null) {
        if (from.getYear() != year || to.getYear() != year) {
          line.add(field, "CALENDAR_OTHER_YEAR", year);
        } else if (to.isBefore(from) || to.toEpochDay() - from.toEpochDay() > 30) {
          line.add(field, "CALENDAR_BAD_RANGE");
        } else if (kind == Kind.WORKDAY && !to.equals(from)) {
          line.add(field, "CALENDAR_WORKDAY_SINGLE");
        } else {
          for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (kind == Kind.WORKDAY && !weekend) {
              line.add(field, "CALENDAR_WORKDAY_NOT_WEEKEND", d.toString());
            } else if (days.putIfAbsent(d, new Object[] {kind, name}) != null) {
              line.add(field, "CALENDAR_DAY_TWICE", d.toString());
            }
          }
        }
      }
      for (FieldProblem f : line.list()) {
        p.add(f.field().equals("date") ? FieldProblem.of(field, f.code(), f.args()).atRow(row) : f.atRow(row));
      }
    }
  }

  private static LocalDate date(String s, Problems line) {
    return cn.warmth.shared.Dates.parse(s, "date", line);
  }

  private void requireRootAdmin() {
    CurrentUser.requireRole(Role.ADMIN);
    WarmthUser me = CurrentUser.get();
    if (organisations.find(me.orgCode()).map(o -> o.parentCode() != null).orElse(true)) {
      throw BusinessException.forbidden("ROOT_ADMIN_ONLY", "error.CALENDAR_ROOT_ADMIN_ONLY");
    }
  }

  /** Whether the signed-in user may edit the calendar (the page shows the form or not). */
  public boolean canEdit() {
    WarmthUser me = CurrentUser.get();
    return me.has(Role.ADMIN) && organisations.find(me.orgCode()).map(o -> o.parentCode() == null).orElse(false);
  }

  private static Map<String, Object> describe(YearView y) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("verified", y.verified());
    m.put("source", y.source());
    m.put("holidays", y.holidays().stream().map(r -> r.from() + "~" + r.to() + " " + r.name()).toList());
    m.put("workdays", y.workdays().stream().map(r -> r.from() + " " + r.name()).toList());
    return m;
  }
}

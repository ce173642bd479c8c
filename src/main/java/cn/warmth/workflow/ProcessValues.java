package cn.warmth.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;

/** Small conversions every process adapter needs for the values it hands to the engine. */
public final class ProcessValues {
  private ProcessValues() {}

  /** Candidate groups as the engine reads them from a plain string variable: comma-separated. */
  public static String groups(Collection<String> groups) {
    return String.join(",", groups);
  }

  /** A timer or due date: the start of a calendar day in the given zone (Beijing for the domain). */
  public static Date startOf(LocalDate day, ZoneId zone) {
    return Date.from(day.atStartOfDay(zone).toInstant());
  }

  /** The number after the prefix of a business key such as {@code FILE-42}, or null if it is not one. */
  public static Long idAfter(String prefix, String businessKey) {
    if (businessKey == null || !businessKey.startsWith(prefix)) {
      return null;
    }
    try {
      return Long.valueOf(businessKey.substring(prefix.length()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

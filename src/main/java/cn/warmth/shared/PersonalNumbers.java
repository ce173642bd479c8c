package cn.warmth.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an ID number (GB 11643: 17 digits and a check character that fits, with a real birth
 * date) inside free text. Free text is stored and shown in clear, so an ID number typed into a
 * reason, note or comment — alone or inside a disability certificate number — would escape the
 * encryption and masking every ID-bearing field gets. Such text is refused with
 * {@code CONTAINS_ID_NUMBER}; the number belongs in the worker's record.
 */
public final class PersonalNumbers {
  private static final Pattern CANDIDATE = Pattern.compile("(?=(\\d{17}[\\dXx]))");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  private PersonalNumbers() {}

  public static boolean containsIdNumber(String text) {
    if (text == null || text.length() < 18) {
      return false;
    }
    Matcher m = CANDIDATE.matcher(text);
    while (m.find()) {
      if (isIdNumber(m.group(1))) {
        return true;
      }
    }
    return false;
  }


  private static boolean isIdNumber(String s) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (s.charAt(i) - '0') * WEIGHTS[i];
    }
    if ("10X98765432".charAt(sum % 11) != Character.toUpperCase(s.charAt(17))) {
      return false;
    }
    try {
      LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
          Integer.parseInt(s.substring(12, 14)));
      return s.charAt(0) >= '1' && s.charAt(0) <= '9';
    } catch (DateTimeException e) {
      return false;
    }
  }
}

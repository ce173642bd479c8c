package cn.warmth.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A 居民身份证号码 (GB 11643-1999): 6-digit region (valid province code first), 8-digit birth date
 * (a real date, not in the future), 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check
 * character. A lower-case x is read as X. Gender and birth date are derived, never typed.
 */
record IdNumber(String value, LocalDate birthDate, Gender gender) {
  static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
      "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
      "65", "71", "81", "82", "83");

  enum Gender { MALE, FEMALE }

  /** The normalised number if valid, else empty. */
  static Optional<IdNumber> parse(String raw, LocalDate today) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.strip().toUpperCase();
    if (!s.matches("\\d{17}[\\dX]")) {
      return Optional.empty();
    }
    if (!PROVINCES.contains(s.substring(0, 2))) {
      return Optional.empty();
    }
    LocalDate birth;
    try {
      birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
          Integer.parseInt(s.substring(12, 14)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    if (birth.isAfter(today) || birth.getYear() < 1900) {
      return Optional.empty();
    }
    if (checkChar(s.substring(0, 17)) != s.charAt(17)) {
      return Optional.empty();
    }
    Gender gender = (s.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    return Optional.of(new IdNumber(s, birth, gender));
  }

  static char checkChar(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /** First 3 and last 4 characters; the rest `*`. */
  String masked() {
    return Masks.id(value);
  }

  /** The last 4 characters (digits, or a final X), as the list search finds them; the masked form shows them too. */
  String last4() {
    return last4(value);
  }

  static String last4(String number) {
    String s = number.strip().toUpperCase();
    return s.substring(s.length() - 4);
  }

  /** Whether a search text is the last 4 characters of an ID number: 4 digits, or 3 and an X. */
  static boolean isLast4(String text) {
    return text != null && text.strip().toUpperCase().matches("\\d{3}[\\dX]");
  }
}

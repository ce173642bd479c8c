package cn.warmth.support;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, unique-per-JVM ID and card numbers for tests, built with the official algorithms. */
public final class TestIds {
  private static final AtomicInteger COUNTER = new AtomicInteger((int) (System.nanoTime() % 1000) * 1000);
  private static final int[] W = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  private TestIds() {}

  /** A new valid ID number (Xi'an region), never the same twice in this JVM. */
  public static String nextId() {
    int n = COUNTER.getAndIncrement();
    LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n / 1000);
    String seq = String.format("%03d", n % 1000);
    return withCheck("610102" + birth.toString().replace("-", "") + seq);
  }

  public static String withCheck(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * W[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  /** A 19-digit card number that passes Luhn. */
  public static String nextCard() {
    String body = "621700" + String.format("%012d", COUNTER.getAndIncrement());
    return body + luhnDigit(body);
  }

  public static char luhnDigit(String body) {
    int sum = 0;
    boolean dbl = true;
    for (int i = body.length() - 1; i >= 0; i--) {
      int d = body.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }
}

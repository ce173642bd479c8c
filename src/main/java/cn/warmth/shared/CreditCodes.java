package cn.warmth.shared;

import java.util.regex.Pattern;

/** 统一社会信用代码 (GB 32100-2015): 18 characters from its alphabet, the last a MOD 31 check character. */
public final class CreditCodes {
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final Pattern CHARS = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

  private CreditCodes() {}

  public static boolean isValid(String code) {
    if (code == null || !CHARS.matcher(code).matches()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31) == code.charAt(17);
  }
}

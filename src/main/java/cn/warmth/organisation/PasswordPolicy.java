package cn.warmth.organisation;

import cn.warmth.shared.Problems;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.passay.DictionaryRule;
import org.passay.EnglishSequenceData;
import org.passay.IllegalSequenceRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RepeatCharacterRegexRule;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;

/**
 * What a new password must be (decisions.md, "Password policy"): at least {@value #MIN_LENGTH}
 * characters, at most {@value #MAX_BYTES} UTF-8 bytes (BCrypt reads no further), not containing
 * the username, not one of the 10,000 most common passwords (shipped list, compared ignoring
 * case), no run of five equal characters and no six-long alphabetical, numerical or keyboard
 * sequence. Checked when a password is set, never at sign-in (existing passwords keep working).
 */
final class PasswordPolicy {
  static final int MIN_LENGTH = 10;
  static final int MAX_BYTES = 72;
  private static final String LIST = "security/common-passwords.txt";
  private static final PasswordValidator RULES = new PasswordValidator(
      new UsernameRule(true, true),
      new DictionaryRule(new WordListDictionary(commonPasswords())),
      new RepeatCharacterRegexRule(5),
      new IllegalSequenceRule(EnglishSequenceData.Alphabetical, 6, false),
      new IllegalSequenceRule(EnglishSequenceData.Numerical, 6, false),
      new IllegalSequenceRule(EnglishSequenceData.USQwerty, 6, false));

  private PasswordPolicy() {}

  /** Adds the password's problems (field {@code password}) to the collector. */
  static void check(String username, String password, Problems problems) {
    if (!problems.require("password", password)) {
      return;
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      problems.add("password", "PASSWORD_TOO_LONG", MAX_BYTES);
      return;
    }
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      problems.add("password", "PASSWORD_TOO_SHORT", MIN_LENGTH);
      return;
    }
    RuleResult result = RULES.validate(new PasswordData(username == null ? "" : username.strip(), password));
    if (result.isValid()) {
      return;
    }
    // One message per password, the most useful first.
    List<String> codes = result.getDetails().stream().map(RuleResultDetail::getErrorCode).toList();
    if (codes.contains(UsernameRule.ERROR_CODE) || codes.contains(UsernameRule.ERROR_CODE_REVERSED)) {
      problems.add("password", "PASSWORD_CONTAINS_USERNAME");
    } else if (codes.contains(DictionaryRule.ERROR_CODE) || codes.contains(DictionaryRule.ERROR_CODE_REVERSED)) {
      problems.add("password", "PASSWORD_TOO_COMMON");
    } else {
      problems.add("password", "PASSWORD_TOO_SIMPLE");
    }
  }

  private static ArrayWordList commonPasswords() {
    List<String> words = new ArrayList<>(10_100);
    var in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST);
    if (in == null) {
      throw new IllegalStateException(LIST + " is missing from the classpath");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          words.add(w.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Case-insensitive list: Passay compares the password ignoring case against it.
    return new ArrayWordList(words.stream().distinct().toArray(String[]::new), false, new ArraysSort());
  }
}

package cn.warmth.disbursement;

import cn.warmth.audit.AuditLog;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Enums;
import cn.warmth.shared.FieldProblem;
import cn.warmth.shared.FormulaGuard;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Texts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bank profiles: the layout of the bank file and of the result file per bank (columns, header
 * line, encoding, delimiter, amount in yuan or fen, how a status reads). Province-wide settings,
 * so only an administrator of the root organisation changes them; every change is audited.
 */
@Service
public class BankProfiles {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
  private static final Pattern BAD_TEXT = Pattern.compile("[\"<>&\\\\]|\\p{Cntrl}");
  static final int MAX_COLUMNS = 30;

  private final BankProfileRepository profiles;
  private final AuditLog audit;
  private final Clock clock;

  BankProfiles(BankProfileRepository profiles, AuditLog audit, Clock clock) {
    this.profiles = profiles;
    this.audit = audit;
    this.clock = clock;
  }

  /** What the form or the API gives for a profile; strings so that every field can be reported. */
  public record ProfileInput(String code, String name, Boolean active, String encoding, String delimiter,
      String amountUnit, Boolean fileHeader, List<BankProfileView.Column> fileColumns, Boolean resultHeader,
      List<BankProfileView.Column> resultColumns, List<String> successValues, List<String> failureValues) {}

  @Transactional(readOnly = true)
  public List<BankProfileView> list() {
    CurrentUser.get();
    return profiles.findAllByOrderBySystemProfileDescNameAsc().stream().map(BankProfileView::of).toList();
  }

  @Transactional(readOnly = true)
  public BankProfileView get(String code) {
    return BankProfileView.of(require(code));
  }

  @Transactional
  public BankProfileView create(ProfileInput in) {
    requireRootAdmin();
    Problems p = new Problems();
    String code = Texts.trim(in.code());
    if (p.require("code", code) && !CODE.matcher(code).matches()) {
      p.add("code", "INVALID_PROFILE_CODE");
    }
    String name = name(in.name(), p);
    BankLayout layout = validate(in, p);
    p.throwIfAny();
    if (profiles.findByCode(code).isPresent()) {
      throw BusinessException.conflict("DUPLICATE_PROFILE");
    }
    BankProfile profile = profiles.save(new BankProfile(code, name, layout, !Boolean.FALSE.equals(in.active()),
        CurrentUser.get().username(), Instant.now(clock)));
    audit.record("BANK_PROFILE_CREATED", "BANK_PROFILE", code, null, null, describe(profile));
    return BankProfileView.of(profile);
  }

  @Transactional
  public BankProfileView update(String code, ProfileInput in) {
    requireRootAdmin();
    BankProfile profile = require(code);
    if (profile.isSystemProfile()) {
      throw BusinessException.conflict("SYSTEM_PROFILE");
    }
    Problems p = new Problems();
    String name = name(in.name(), p);
    BankLayout layout = validate(in, p);
    p.throwIfAny();
    var before = describe(profile);
    profile.change(name, layout, !Boolean.FALSE.equals(in.active()), CurrentUser.get().username(), Instant.now(clock));
    profiles.flush();
    audit.record("BANK_PROFILE_CHANGED", "BANK_PROFILE", profile.getCode(), null, before, describe(profile));
    return BankProfileView.of(profile);
  }

  /** The profile a new batch is built with: the generic one unless another active one is named. */
  @Transactional(readOnly = true)
  BankProfile forBatch(String code) {
    String c = Texts.trim(code);
    return profiles.findByCode(c == null || c.isEmpty() ? BankProfile.GENERIC : c).filter(BankProfile::isActive)
        .orElseThrow(() -> BusinessException.validation(FieldProblem.of("profile", "UNKNOWN_PROFILE", code)));
  }

  /** Names of all profiles by code, for pages that list batches. */
  @Transactional(readOnly = true)
  public Map<String, String> names() {
    Map<String, String> m = new HashMap<>();
    profiles.findAll().forEach(p -> m.put(p.getCode(), p.getName()));
    return m;
  }

  // ---- validation ----

  static BankLayout validate(ProfileInput in, Problems p) {
    BankLayout.Encoding encoding = null;
    if (p.require("encoding", in.encoding())) {
      encoding = BankLayout.Encoding.of(in.encoding());
      if (encoding == null) {
        p.add("encoding", "INVALID_ENCODING", in.encoding());
      }
    }
    BankLayout.Delimiter delimiter = Enums.parse(BankLayout.Delimiter.class, in.delimiter(), "delimiter", p);
    BankLayout.AmountUnit unit = Enums.parse(BankLayout.AmountUnit.class, in.amountUnit(), "amountUnit", p);
    boolean fileHeader = !Boolean.FALSE.equals(in.fileHeader());
    boolean resultHeader = !Boolean.FALSE.equals(in.resultHeader());
    List<BankLayout.Column> file = columns("fileColumns", in.fileColumns(), names(BankLayout.FileField.values()),
        Set.of("NAME", "CARD", "AMOUNT", "REFERENCE"), Set.of(), fileHeader, delimiter, p);
    List<BankLayout.Column> result = columns("resultColumns", in.resultColumns(),
        names(BankLayout.ResultField.values()), Set.of("REFERENCE", "STATUS"), Set.of("IGNORE"), resultHeader,
        delimiter, p);
    List<String> success = statusValues("successValues", in.successValues(), delimiter, p);
    List<String> failure = statusValues("failureValues", in.failureValues(), delimiter, p);
    for (String s : success) {
      if (failure.stream().anyMatch(f -> f.equalsIgnoreCase(s))) {
        p.add("failureValues", "STATUS_VALUES_OVERLAP", s);
      }
    }
    if (!p.isEmpty()) {
      return null;
    }
    return new BankLayout(encoding, delimiter, unit, fileHeader, file, resultHeader, result, success, failure);
  }

  private static Set<String> names(Enum<?>[] values) {
    Set<String> s = new LinkedHashSet<>();
    for (Enum<?> e : values) {
      s.add(e.name());
    }
    return s;
  }

  private static List<BankLayout.Column> columns(String field, List<BankProfileView.Column> in, Set<String> allowed,
      Set<String> required, Set<String> repeatable, boolean header, BankLayout.Delimiter delimiter, Problems p) {
    List<BankLayout.Column> out = new ArrayList<>();
    if (in == null || in.isEmpty()) {
      p.add(field, "REQUIRED");
      return out;
    }
    if (in.size() > MAX_COLUMNS) {
      p.add(field, "TOO_MANY_COLUMNS", MAX_COLUMNS);
      return out;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (BankProfileView.Column c : in) {
      String key = c == null || c.key() == null ? "" : c.key().strip().toUpperCase(Locale.ROOT);
      String label = c == null || c.label() == null ? "" : c.label().strip();
      if (!allowed.contains(key)) {
        p.add(field, "BAD_COLUMN_KEY", key, String.join(", ", allowed));
        continue;
      }
      if (seen.merge(key, 1, Integer::sum) == 2 && !repeatable.contains(key)) {
        p.add(field, "REPEATED_COLUMN", key);
      }
      if (header && (label.isEmpty() || !plainValue(label, 30, delimiter))) {
        p.add(field, "BAD_COLUMN_LABEL", label, key);
      } else if (!header && !label.isEmpty() && !plainValue(label, 30, delimiter)) {
        p.add(field, "BAD_COLUMN_LABEL", label, key);
      }
      out.add(new BankLayout.Column(key, label));
    }
    for (String r : required) {
      if (!seen.containsKey(r)) {
        p.add(field, "MISSING_COLUMN", r);
      }
    }
    return out;
  }

  private static List<String> statusValues(String field, List<String> in, BankLayout.Delimiter delimiter, Problems p) {
    List<String> out = new ArrayList<>();
    if (in != null) {
      for (String v : in) {
        String s = v == null ? "" : v.strip();
        if (s.isEmpty()) {
          continue;
        }
        if (!plainValue(s, 20, delimiter)) {
          p.add(field, "BAD_STATUS_VALUE", s);
        } else if (out.stream().noneMatch(s::equalsIgnoreCase)) {
          out.add(s);
        }
      }
    }
    if (out.isEmpty() && p.list().stream().noneMatch(f -> f.field().equals(field))) {
      p.add(field, "REQUIRED");
    }
    return out;
  }

  /** A label or status word: short, no quotes, markup or control characters, no delimiter, not a formula. */
  private static boolean plainValue(String s, int max, BankLayout.Delimiter delimiter) {
    return s.length() <= max && !BAD_TEXT.matcher(s).find() && s.indexOf(',') < 0
        && (delimiter == null || s.indexOf(delimiter.character) < 0) && !FormulaGuard.triggers(s);
  }

  private static String name(String raw, Problems p) {
    String name = Texts.trim(raw);
    if (p.require("name", name) && !Texts.isPlain(name, 2, 60)) {
      p.add("name", "INVALID_NAME");
    }
    return name;
  }

  private void requireRootAdmin() {
    CurrentUser.requireRootAdmin();
  }

  private BankProfile require(String code) {
    CurrentUser.get();
    return profiles.findByCode(code == null ? "" : code.strip()).orElseThrow(BusinessException::notFound);
  }

  private static Map<String, Object> describe(BankProfile p) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("name", p.getName());
    m.put("active", p.isActive());
    m.put("layout", p.getLayoutJson());
    return m;
  }
}

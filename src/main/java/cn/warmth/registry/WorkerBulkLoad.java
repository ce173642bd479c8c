package cn.warmth.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generated workers for the load harness (called only by the {@code loadgen} module, whose runner
 * exists with the profile {@code loadgen} only):
 * valid, unique 18-digit ID numbers, Luhn-valid bank cards and certificate numbers, encrypted and
 * hashed with the application's own {@link PiiCipher} exactly as {@link Workers#register} stores
 * them, written with JDBC batches (thousands per second instead of one JPA save each). Worker
 * {@code n} is the same person in every run with the same keys: names, numbers and flags are
 * derived from {@code n}.
 */
@Component
public class WorkerBulkLoad {
  private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜"
      + "崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").split("");
  private static final String[] GIVEN = ("建国秀兰小军德华丽娜敏静芳伟强磊洋勇艳杰娟涛明超霞平刚桂英华玉兰志红文斌海燕宏"
      + "鹏飞雪梅俊峰晓东丹丹慧宇佳琪子涵浩然欣怡思远立新振华").split("");
  private static final int BATCH = 2000;

  private final JdbcTemplate jdbc;
  private final PiiCipher cipher;
  private final TransactionTemplate tx;
  private final Clock clock;

  WorkerBulkLoad(JdbcTemplate jdbc, PiiCipher cipher, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.tx = tx;
    this.clock = clock;
  }

  /** Where a generated worker belongs. */
  public record Unit(String code, String path) {}

  /** Worker {@code n}'s facts, as the harness and the case generator need them. */
  public record Facts(long id, String orgCode, String orgPath, EmploymentType employmentType, boolean disabled,
      boolean hasCard) {}

  /**
   * Inserts workers {@code from} to {@code from + count - 1}, worker n at {@code units.get(n % units.size())};
   * returns their facts in order (with the database ids).
   */
  public List<Facts> insert(int from, int count, List<Unit> units) {
    List<Facts> out = new ArrayList<>(count);
    for (int start = from; start < from + count; start += BATCH) {
      int end = Math.min(from + count, start + BATCH);
      List<Object[]> rows = new ArrayList<>(end - start);
      List<Facts> facts = new ArrayList<>(end - start);
      Timestamp now = Timestamp.from(Instant.now(clock));
      for (int n = start; n < end; n++) {
        Unit unit = units.get(n % units.size());
        IdNumber id = IdNumber.parse(idNumber(n), LocalDate.now(clock)).orElseThrow();
        EmploymentType type = n % 10 < 7 ? EmploymentType.ESTABLISHED
            : n % 10 < 9 ? EmploymentType.NON_ESTABLISHED : EmploymentType.NEW_FORM;
        boolean disabled = n % 20 == 3;
        boolean card = n % 10 != 5;
        String cardNo = card ? card(n) : null;
        String cert = disabled ? id.value() + "42" : null;
        rows.add(new Object[] {name(n), cipher.encrypt(Workers.ID_FIELD, id.value()), cipher.hash(id.value()),
            id.masked(), id.gender().name(), java.sql.Date.valueOf(id.birthDate()), unit.code(), unit.path(),
            "139" + String.format("%08d", n % 100_000_000), type.name(), disabled,
            cert == null ? null : cipher.encrypt(Workers.CERT_FIELD, cert), cert == null ? null : Masks.certificate(cert),
            card ? "中国工商银行" : null, card ? cipher.encrypt(Workers.CARD_FIELD, cardNo) : null,
            card ? Masks.card(cardNo) : null, card ? Boolean.TRUE : null, now, now});
        facts.add(new Facts(0, unit.code(), unit.path(), type, disabled, card));
      }
      java.util.Map<String, Long> ids = new java.util.HashMap<>();
      tx.executeWithoutResult(s -> {
        jdbc.batchUpdate("""
            insert into worker (name, id_number_enc, id_number_hash, id_number_masked, gender, birth_date, org_code,
              org_path, phone, employment_type, disabled, disability_cert_enc, disability_cert_masked, bank_name,
              bank_card_enc, bank_card_masked, bank_card_luhn_ok, created_at, updated_at, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
        jdbc.query("select id, id_number_hash from worker where id_number_hash in (" + "?,".repeat(rows.size() - 1) + "?)",
            rs -> {
              ids.put(rs.getString(2), rs.getLong(1));
            }, rows.stream().map(r -> r[2]).toArray());
      });
      for (int i = 0; i < facts.size(); i++) {
        Facts f = facts.get(i);
        out.add(new Facts(ids.get((String) rows.get(i)[2]), f.orgCode(), f.orgPath(), f.employmentType(), f.disabled(),
            f.hasCard()));
      }
    }
    return out;
  }

  /** A valid 居民身份证号码 for worker n: 西安 region, born 1960 onwards, n decides date and sequence. */
  static String idNumber(int n) {
    LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n / 800);
    String first17 = "610113" + birth.toString().replace("-", "") + String.format("%03d", 100 + n % 800);
    return first17 + IdNumber.checkChar(first17);
  }

  static String name(int n) {
    return SURNAMES[n % SURNAMES.length] + GIVEN[(n / SURNAMES.length) % GIVEN.length]
        + (n % 3 == 0 ? "" : GIVEN[(n / 7) % GIVEN.length]);
  }

  /** A 19-digit card number passing Luhn. */
  static String card(int n) {
    String body = "622202" + String.format("%012d", n);
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int d = body.charAt(body.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return body + (10 - sum % 10) % 10;
  }
}

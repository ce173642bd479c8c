package cn.warmth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.TestIds;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IdNumberTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  @Provide
  Arbitrary<String> validIds() {
    Arbitrary<String> region = Arbitraries.of("110101", "310104", "440305", "610102", "610113", "650102", "820000");
    Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 40_000).map(d -> LocalDate.of(1915, 1, 1).plusDays(d))
        .filter(d -> !d.isAfter(TODAY));
    Arbitrary<Integer> seq = Arbitraries.integers().between(0, 999);
    return Combinators.combine(region, birth, seq)
        .as((r, b, s) -> TestIds.withCheck(r + b.toString().replace("-", "") + String.format("%03d", s)));
  }

  @Property
  void generatedValidIdsPassAndDeriveBirthAndGender(@ForAll("validIds") String id) {
    IdNumber parsed = IdNumber.parse(id, TODAY).orElseThrow();
    assertThat(parsed.birthDate().toString().replace("-", "")).isEqualTo(id.substring(6, 14));
    assertThat(parsed.gender()).isEqualTo((id.charAt(16) - '0') % 2 == 1 ? IdNumber.Gender.MALE : IdNumber.Gender.FEMALE);
  }

  /** MOD 11-2 catches every single-character substitution, whatever else it breaks. */
  @Property
  void anySingleCharacterCorruptionFails(@ForAll("validIds") String id, @ForAll @IntRange(min = 0, max = 17) int pos,
      @ForAll @IntRange(min = 1, max = 10) int shift) {
    String alphabet = "0123456789X";
    char original = id.charAt(pos);
    char replaced = alphabet.charAt((alphabet.indexOf(original) + shift) % 11);
    if (pos < 17 && replaced == 'X') {
      replaced = alphabet.charAt((alphabet.indexOf(replaced) + 1) % 11);
    }
    if (replaced == original) {
      return;
    }
    String corrupt = id.substring(0, pos) + replaced + id.substring(pos + 1);
    assertThat(IdNumber.parse(corrupt, TODAY)).as(corrupt).isEmpty();
  }

  @Test
  void examples() {
    String valid = TestIds.withCheck("11010519491231002");
    assertThat(valid).isEqualTo("11010519491231002X");
    assertThat(IdNumber.parse(valid.toLowerCase(), TODAY)).as("lower-case x is read as X").isPresent()
        .get().extracting(IdNumber::value).isEqualTo(valid);
    assertThat(IdNumber.parse(valid, TODAY).get().gender()).isEqualTo(IdNumber.Gender.FEMALE);
    assertThat(IdNumber.parse(" " + valid + " ", TODAY)).isPresent();
    assertThat(IdNumber.parse(TestIds.withCheck("99010519491231002"), TODAY)).as("no province 99").isEmpty();
    assertThat(IdNumber.parse(TestIds.withCheck("11010519490230002"), TODAY)).as("30 February").isEmpty();
    assertThat(IdNumber.parse(TestIds.withCheck("11010520261130002"), TODAY)).as("born tomorrow").isEmpty();
    assertThat(IdNumber.parse(TestIds.withCheck("11010520261129002"), TODAY)).as("born today").isPresent();
    assertThat(IdNumber.parse("1101051949123100", TODAY)).as("too short").isEmpty();
    assertThat(IdNumber.parse("11010519491231002Y", TODAY)).isEmpty();
    assertThat(IdNumber.parse(null, TODAY)).isEmpty();
    assertThat(Masks.id(valid)).isEqualTo("110***********002X");
  }
}

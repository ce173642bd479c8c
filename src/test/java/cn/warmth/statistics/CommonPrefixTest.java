package cn.warmth.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The subtree the reports list's grouped query scans: the deepest path every unit lies below. */
class CommonPrefixTest {
  @Test
  void theDeepestPathAllUnitsShare() {
    assertThat(Statistics.commonPrefix(List.of("/SX/SX-XA/SX-XA-01/"))).isEqualTo("/SX/SX-XA/SX-XA-01/");
    assertThat(Statistics.commonPrefix(List.of("/SX/SX-XA/SX-XA-01/", "/SX/SX-XA/SX-XA-02/"))).isEqualTo("/SX/SX-XA/");
    assertThat(Statistics.commonPrefix(List.of("/SX/SX-XA/SX-XA-01/", "/SX/SX-XA/"))).isEqualTo("/SX/SX-XA/");
    assertThat(Statistics.commonPrefix(List.of("/SX/SX-XA/", "/SX/SX-BJ/SX-BJ-01/"))).isEqualTo("/SX/");
    // A code that begins like its sibling's is not its parent: the prefix stops at a whole path.
    assertThat(Statistics.commonPrefix(List.of("/SX/SX-XA1/", "/SX/SX-XA/"))).isEqualTo("/SX/");
  }
}

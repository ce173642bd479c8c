package cn.warmth;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Feature packages talk only through each other's public, top-level types; no cycles. */
class ModularityTest {
  static final ApplicationModules MODULES = ApplicationModules.of(WarmthApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void writeModuleDocumentation() {
    // Regenerates the module diagrams under target/spring-modulith-docs for docs/architecture.md.
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}

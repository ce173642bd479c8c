package cn.warmth.workflow;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

/**
 * One adapter per process is the only place that talks to the engine's runtime: no other class
 * uses TaskService, RuntimeService, ManagementService or HistoryService. The adapters are the
 * classes named {@code *Workflow} (with their nested process call-backs) in the module owning
 * the process; the {@code workflow} module itself holds what they share (task list, engine user,
 * engine status for administrators).
 */
class WorkflowSeamTest {
  static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("cn.warmth");
  static final List<String> ADAPTERS = List.of("cn.warmth.cases.AidCaseWorkflow", "cn.warmth.registry.FilingWorkflow",
      "cn.warmth.reports.ReportWorkflow", "cn.warmth.reports.DeadlineWorkflow");

  static boolean isAdapter(JavaClass c) {
    String name = c.getName();
    return ADAPTERS.stream().anyMatch(a -> name.equals(a) || name.startsWith(a + "$"));
  }

  @Test
  void onlyTheProcessAdaptersUseTheEnginesServices() {
    noClasses().that(describe("are not process adapters", (JavaClass c) -> !isAdapter(c)))
        .and().resideOutsideOfPackage("cn.warmth.workflow..")
        .should().dependOnClassesThat().belongToAnyOf(TaskService.class, RuntimeService.class, ManagementService.class,
            HistoryService.class)
        .because("process keys, task ids, variables, messages and timers are known in one adapter per process")
        .check(MAIN);
  }

  @Test
  void theAdaptersLiveInTheModuleThatOwnsTheirProcessAndExplainItsTasks() {
    classes().that(describe("are process adapters", (JavaClass c) -> ADAPTERS.contains(c.getName())))
        .should().implement(WorkItemSource.class).check(MAIN);
    assertThat(ADAPTERS).allSatisfy(a -> assertThat(MAIN.contain(a)).as(a).isTrue());
  }

  @Test
  void theInboxKnowsNoProcess() {
    noClasses().that().resideInAPackage("cn.warmth.inbox..")
        .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "cn.warmth.cases..", "cn.warmth.registry..",
            "cn.warmth.reports..")
        .check(MAIN);
  }
}

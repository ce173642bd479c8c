/**
 * The seam between the business modules and the embedded process engine: what every process
 * adapter shares. Each business module owns one adapter per process (e.g. {@code AidCaseWorkflow}),
 * the only class that knows that process's keys, task ids, variables, messages and timers; this
 * module gives them the common parts: the engine-neutral {@link cn.warmth.workflow.EngineTask},
 * the {@link cn.warmth.workflow.WorkItemSource} SPI the inbox consults, the {@link cn.warmth.workflow.Action}
 * names, commands run as the signed-in user ({@link cn.warmth.workflow.EngineUser}) and retried when
 * the job executor collided with them ({@link cn.warmth.workflow.WorkflowCommand}), and engine
 * hygiene (history clean-up window, failed jobs on an admin page).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow seam")
package cn.warmth.workflow;

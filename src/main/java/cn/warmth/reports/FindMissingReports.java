package cn.warmth.reports;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code findMissingReports}: which units still owe their report, for the reminders. */
@Component("findMissingReports")
class FindMissingReports implements JavaDelegate {
  private final Reports reports;

  FindMissingReports(Reports reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ReportProcess.VAR_MISSING,
        reports.missingUnits((String) execution.getVariable(ReportProcess.VAR_CAMPAIGN)));
  }
}

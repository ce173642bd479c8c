package cn.warmth.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code markApproved}: taken only when the approval table asks for no sign-off. */
@Component("approveWithoutSignOff")
class ApproveWithoutSignOff implements JavaDelegate {
  private final AidCases cases;

  ApproveWithoutSignOff(AidCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.approvedWithoutSignOff(((Number) execution.getVariable(CaseProcess.VAR_CASE_ID)).longValue());
  }
}

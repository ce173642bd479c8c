package cn.warmth.registry;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code fileFile}: the file becomes FILED; the yearly review timer is set a year on. */
@Component("fileHardshipFile")
class FileHardshipFile implements JavaDelegate {
  private final HardshipFiles files;

  FileHardshipFile(HardshipFiles files) {
    this.files = files;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long fileId = ((Number) execution.getVariable(FilingProcess.VAR_FILE_ID)).longValue();
    execution.setVariable(FilingProcess.VAR_ANNUAL_REVIEW_AT, files.fileNow(fileId));
  }
}

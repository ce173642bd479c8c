package cn.warmth.approvals;

import cn.warmth.cases.AidCases;
import cn.warmth.cases.CaseView;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.FieldProblem;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.Texts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Many sign-offs at once. Deliberately not transactional: every case goes through
 * {@link AidCases#approve} in its own transaction, so each is checked alone (scope, state,
 * segregation of duties) and one refusal leaves the others approved. Results come back per case.
 */
@Service
public class ApprovalDesk {
  static final int MAX_CASES = 200;

  private final AidCases cases;
  private final MessageSource messages;

  ApprovalDesk(AidCases cases, MessageSource messages) {
    this.cases = cases;
    this.messages = messages;
  }

  /** One case's outcome: APPROVED with the case's new status, or REFUSED with the code and its explanation. */
  public record Outcome(String caseNumber, String outcome, String status, String code, String message)
      implements java.io.Serializable {}

  /**
   * Serializable: the page hands it to the next page as a flash attribute, which lives in the
   * session, and sessions are stored in the database (issue 14).
   */
  public record BulkResult(int approved, int refused, List<Outcome> results) implements java.io.Serializable {
    public BulkResult {
      results = List.copyOf(results); // an immutable JDK list: serializable
    }
  }

  public BulkResult approveAll(String decision, List<String> caseNumbers, String comment, Locale locale) {
    CurrentUser.requireRole(Role.FINANCE, Role.MANAGER);
    if (decision != null && !"APPROVE".equalsIgnoreCase(decision.strip())) {
      throw BusinessException.validation(FieldProblem.of("decision", "BULK_APPROVE_ONLY"));
    }
    Problems p = new Problems();
    Set<String> numbers = new LinkedHashSet<>();
    if (caseNumbers != null) {
      caseNumbers.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).forEach(numbers::add);
    }
    if (numbers.isEmpty()) {
      p.add("caseNumbers", "NOTHING_SELECTED");
    } else if (numbers.size() > MAX_CASES) {
      p.add("caseNumbers", "TOO_MANY_CASES", MAX_CASES);
    }
    String text = Texts.trim(comment);
    if (text != null && text.length() > 500) {
      p.add(FieldProblem.of("comment", "TOO_LONG", 500));
    }
    p.throwIfAny();
    List<Outcome> results = new ArrayList<>();
    int approved = 0;
    for (String n : numbers) {
      try {
        CaseView v = cases.approve(n, "APPROVE", text);
        results.add(new Outcome(n, "APPROVED", v.status().name(), null, null));
        approved++;
      } catch (BusinessException e) {
        results.add(new Outcome(n, "REFUSED", null, e.code(),
            messages.getMessage(e.messageKey(), e.args(), e.code(), locale)));
      } catch (ConcurrencyFailureException | DataIntegrityViolationException
          | org.camunda.bpm.engine.OptimisticLockingException | jakarta.persistence.OptimisticLockException e) {
        // Someone else signed the same case at the same moment: that one transaction lost.
        results.add(new Outcome(n, "REFUSED", null, "CONCURRENT_CHANGE",
            messages.getMessage("error.CONCURRENT_CHANGE", null, locale)));
      }
    }
    return new BulkResult(approved, results.size() - approved, results);
  }
}

package cn.warmth.cases;

import cn.warmth.organisation.Organisations;
import cn.warmth.registry.Workers;
import cn.warmth.shared.CurrentUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cash and goods handed over at visits of a unit between two days (for the 签收表): approved
 * cases (in progress or closed) paid in cash or goods whose visit took place, or is planned, on
 * those days, in the caller's scope.
 */
@Service
public class Handovers {
  private final AidCaseRepository cases;
  private final Workers workers;
  private final Organisations organisations;

  Handovers(AidCaseRepository cases, Workers workers, Organisations organisations) {
    this.cases = cases;
    this.workers = workers;
    this.organisations = organisations;
  }

  @Transactional(readOnly = true)
  public List<CaseView> between(String orgCode, LocalDate from, LocalDate to) {
    String scope = orgCode == null || orgCode.isBlank() ? CurrentUser.get().orgPath()
        : organisations.requireInScope(orgCode).path();
    Specification<AidCase> spec = (root, q, cb) -> cb.and(
        cb.like(root.get("orgPath"), scope + "%"),
        root.get("paymentMethod").in(PaymentMethod.CASH, PaymentMethod.GOODS),
        root.get("status").in(CaseStatus.IN_PROGRESS, CaseStatus.CLOSED),
        cb.between(cb.coalesce(root.<LocalDate>get("visitedOn"), root.<LocalDate>get("visitPlannedDate")), from, to));
    List<AidCase> list = cases.findAll(spec, Sort.by("orgPath", "visitPlannedDate", "caseNumber"));
    Map<Long, String> names = workers.namesOf(list.stream().map(AidCase::getWorkerId).toList());
    return list.stream().map(c -> CaseView.of(c, names.get(c.getWorkerId()), List.of())).toList();
  }
}

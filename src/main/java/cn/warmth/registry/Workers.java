package cn.warmth.registry;

import cn.warmth.audit.AuditLog;
import cn.warmth.organisation.OrgView;
import cn.warmth.organisation.Organisations;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Enums;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.Texts;
import cn.warmth.shared.WarmthUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.SortOrder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The real-name registry: register, correct, find and reveal workers. */
@Service
public class Workers {
  static final String ID_FIELD = "worker.id_number";
  static final String CARD_FIELD = "worker.bank_card";
  static final String CERT_FIELD = "worker.disability_cert";

  private final WorkerRepository workers;
  private final Organisations organisations;
  private final PiiCipher cipher;
  private final AuditLog audit;
  private final Clock clock;

  Workers(WorkerRepository workers, Organisations organisations, PiiCipher cipher, AuditLog audit, Clock clock) {
    this.workers = workers;
    this.organisations = organisations;
    this.cipher = cipher;
    this.audit = audit;
    this.clock = clock;
  }

  /** What a form or request gives to register a worker. Strings, so that every field can be reported. */
  public record WorkerInput(String name, String idNumber, String orgCode, String phone, String employmentType,
      Boolean disabled, String disabilityCertNo, String bankName, String bankCardNumber) {}

  /** A validated worker, ready to save (used by the single form and by the Excel import alike). */
  record ValidWorker(String name, IdNumber id, OrgView org, String phone, EmploymentType type, boolean disabled,
      String certNo, String bankName, String card, boolean luhnOk) {}

  @Transactional
  public WorkerView register(WorkerInput in) {
    CurrentUser.requireRole(Role.OFFICER);
    Problems p = new Problems();
    ValidWorker v = validate(in, p, code -> {
      try {
        return Optional.of(organisations.requireInScope(code));
      } catch (BusinessException e) {
        return Optional.empty();
      }
    });
    p.throwIfAny();
    String hash = cipher.hash(v.id().value());
    if (workers.findByIdNumberHash(hash).isPresent()) {
      // Province-wide: say that the person exists, but nothing about where.
      throw BusinessException.conflict("DUPLICATE_WORKER");
    }
    Worker w = workers.save(build(v, hash));
    audit.record("WORKER_REGISTERED", "WORKER", String.valueOf(w.getId()), w.getOrgPath(), null, describe(w));
    return WorkerView.of(w);
  }

  /** Everything but the identity itself may be corrected. */
  @Transactional
  public WorkerView update(long id, WorkerInput in) {
    CurrentUser.requireRole(Role.OFFICER);
    Worker w = requireWorker(id);
    Problems p = new Problems();
    String name = Texts.trim(in.name());
    if (p.require("name", name) && !Identity.isName(name)) {
      p.add("name", "INVALID_PERSON_NAME");
    }
    String phone = phone(in.phone(), p);
    EmploymentType type = Enums.parse(EmploymentType.class, in.employmentType(), "employmentType", p);
    boolean disabled = Boolean.TRUE.equals(in.disabled());
    String cert = Texts.trim(in.disabilityCertNo());
    if (cert != null && !cert.isEmpty()) {
      certificate(disabled, cert, p);
    }
    if (disabled && (cert == null || cert.isEmpty()) && w.getDisabilityCertEnc() == null) {
      p.add("disabilityCertNo", "REQUIRED");
    }
    p.throwIfAny();
    var before = describe(w);
    // A blank certificate field keeps the number on file (the form never shows it in clear).
    boolean newCert = disabled && cert != null && !cert.isEmpty();
    w.details(name, phone, type, disabled, newCert ? cipher.encrypt(CERT_FIELD, cert) : null,
        newCert ? Masks.certificate(cert) : null, Instant.now(clock));
    audit.record("WORKER_CHANGED", "WORKER", String.valueOf(id), w.getOrgPath(), before, describe(w));
    return WorkerView.of(w);
  }

  @Transactional
  public WorkerView changeBankCard(long id, String bankName, String cardNumber) {
    CurrentUser.requireRole(Role.OFFICER);
    Worker w = requireWorker(id);
    Problems p = new Problems();
    String bank = Texts.trim(bankName);
    if (p.require("bankName", bank) && !Texts.isPlain(bank, 2, 60)) {
      p.add("bankName", "INVALID_BANK_NAME");
    }
    String card = null;
    if (p.require("bankCardNumber", cardNumber)) {
      card = Identity.normaliseCard(cardNumber);
      if (card == null) {
        p.add("bankCardNumber", "INVALID_BANK_CARD");
      }
    }
    p.throwIfAny();
    var before = describe(w);
    w.bankCard(bank, cipher.encrypt(CARD_FIELD, card), Masks.card(card), Identity.luhn(card), Instant.now(clock));
    audit.record("WORKER_BANK_CARD_CHANGED", "WORKER", String.valueOf(id), w.getOrgPath(), before, describe(w));
    return WorkerView.of(w);
  }

  @Transactional(readOnly = true)
  public WorkerView get(long id) {
    return WorkerView.of(requireWorker(id));
  }

  /** By a full ID number (exact, via the keyed hash) or by a name fragment, within scope: the first 100. */
  @Transactional(readOnly = true)
  public List<WorkerView> search(String q) {
    return search(q, new PageParams(0, 100)).items();
  }

  /** One page of {@link #search(String)}, newest first without a query, by name with one, with the total. */
  @Transactional(readOnly = true)
  public Paged<WorkerView> search(String q, PageParams page) {
    return list(q, null, null, page);
  }

  /** The worker list's sort keys: name, unit, when registered. */
  public static final List<String> SORTS = List.of("name", "org", "registered");
  private static final Map<String, String> SORT_PROPERTIES = Map.of("name", "name", "org", "orgPath,name",
      "registered", "id");

  /**
   * The worker list: in the caller's scope (or below {@code org}), matching {@code q} — a full ID
   * number (exact, via the keyed hash), the ID's last 4 characters, or a name fragment — one page
   * in the given order (default: newest first, by name when searching), counted in SQL.
   */
  @Transactional(readOnly = true)
  public Paged<WorkerView> list(String q, String org, SortOrder sort, PageParams page) {
    WarmthUser me = CurrentUser.get();
    String scope = org == null || org.isBlank() ? me.orgPath() : organisations.requireInScope(org.strip()).path();
    String query = q == null ? "" : q.strip();
    SortOrder order = sort != null ? sort : new SortOrder(query.isEmpty() ? "registered" : "name", query.isEmpty());
    Optional<IdNumber> id = IdNumber.parse(query, LocalDate.now(clock));
    if (id.isPresent()) {
      List<WorkerView> one = workers.findByIdNumberHash(cipher.hash(id.get().value()))
          .filter(w -> w.getOrgPath().startsWith(scope)).map(WorkerView::of).stream().toList();
      return Paged.ofBounded(one, page);
    }
    Specification<Worker> spec = matching(query, scope);
    return Paged.of(workers.findAll(spec, page.pageable(order.toSort(SORT_PROPERTIES))).map(WorkerView::of));
  }

  /**
   * Ids of the workers in a scope whose name contains {@code q} or whose ID ends with it (4
   * characters) or who have this full ID number, for other lists' searches (cases). At most
   * {@code limit}; more is refused (400 {@code TOO_MANY_MATCHES}: type more of the name).
   */
  @Transactional(readOnly = true)
  public List<Long> idsMatching(String q, String scopePath, int limit) {
    String query = q == null ? "" : q.strip();
    Optional<IdNumber> id = IdNumber.parse(query, LocalDate.now(clock));
    if (id.isPresent()) {
      return workers.findByIdNumberHash(cipher.hash(id.get().value())).filter(w -> w.getOrgPath().startsWith(scopePath))
          .map(Worker::getId).stream().toList();
    }
    var found = workers.findAll(matching(query, scopePath), PageRequest.of(0, limit + 1, Sort.by("id")));
    if (found.getNumberOfElements() > limit) {
      throw BusinessException.validation(cn.warmth.shared.FieldProblem.of("q", "TOO_MANY_MATCHES", limit));
    }
    return found.getContent().stream().map(Worker::getId).toList();
  }

  /** In scope, and a name fragment or the ID's last 4 characters (blank: everyone in scope). */
  static Specification<Worker> matching(String query, String scope) {
    return (root, q, cb) -> {
      var where = cb.like(root.get("orgPath"), scope + "%");
      if (query.isEmpty()) {
        return where;
      }
      if (IdNumber.isLast4(query)) {
        return cb.and(where, cb.equal(root.get("idLast4"), query.toUpperCase()));
      }
      return cb.and(where, cb.like(root.get("name"), "%" + Texts.likeEscaped(query) + "%", '\\'));
    };
  }

  public record Revealed(String idNumber, String bankCardNumber, String disabilityCertNo) {}

  /** The audited reveal of full numbers, for OFFICER and FINANCE in scope. */
  @Transactional
  public Revealed reveal(long id) {
    CurrentUser.requireRole(Role.OFFICER, Role.FINANCE);
    Worker w = requireWorker(id);
    audit.record("WORKER_PII_REVEALED", "WORKER", String.valueOf(id), w.getOrgPath(), null,
        Map.of("idNumber", w.getIdNumberMasked(), "bankCard", String.valueOf(w.getBankCardMasked()),
            "disabilityCertNo", String.valueOf(w.getDisabilityCertMasked())));
    return new Revealed(cipher.decrypt(ID_FIELD, w.getIdNumberEnc()), cipher.decrypt(CARD_FIELD, w.getBankCardEnc()),
        cipher.decrypt(CERT_FIELD, w.getDisabilityCertEnc()));
  }

  /** Facts other modules need about a worker in the caller's scope (404 outside it). */
  @Transactional(readOnly = true)
  public WorkerFacts facts(long id) {
    Worker w = requireWorker(id);
    return new WorkerFacts(w.getId(), w.getName(), w.getOrgCode(), w.getOrgPath(), w.getEmploymentType(),
        w.isDisabled(), w.getBankCardEnc() != null, w.getBankName(), w.getBankCardMasked());
  }

  /**
   * Current names of workers, in one query, for lists of cases the caller may already see
   * (cases keep the worker's id, not a copy of the name that would go stale when corrected).
   */
  @Transactional(readOnly = true)
  public Map<Long, String> namesOf(java.util.Collection<Long> workerIds) {
    Map<Long, String> names = new java.util.HashMap<>();
    if (!workerIds.isEmpty()) {
      workers.findAllById(new java.util.HashSet<>(workerIds)).forEach(w -> names.put(w.getId(), w.getName()));
    }
    return names;
  }

  /**
   * The worker's current name, bank and full card number, for the bank file, with the keyed hash
   * of the three ({@link #payeeFingerprint}) that tells later whether they changed.
   */
  public record BankDetails(String name, String bankName, String cardNumber, String payeeFingerprint) {}

  /**
   * The bank file's details for many workers in one query (the one export that carries full card
   * numbers; the caller audits). Workers outside the caller's scope are refused as not found.
   */
  @Transactional(readOnly = true)
  public Map<Long, BankDetails> bankDetailsForBankFile(java.util.Collection<Long> workerIds) {
    WarmthUser me = CurrentUser.get();
    Map<Long, BankDetails> details = new java.util.HashMap<>();
    for (Worker w : workers.findAllById(workerIds)) {
      if (!me.covers(w.getOrgPath())) {
        throw BusinessException.notFound();
      }
      String card = cipher.decrypt(CARD_FIELD, w.getBankCardEnc());
      details.put(w.getId(), new BankDetails(w.getName(), w.getBankName(), card, fingerprint(w.getName(), w.getBankName(), card)));
    }
    if (details.size() != new java.util.HashSet<>(workerIds).size()) {
      throw BusinessException.notFound();
    }
    return details;
  }

  /**
   * A keyed hash (HMAC) of the payee as the bank sees it: name, bank and card number. It reveals
   * nothing, and differs as soon as any of the three is corrected: a failed bank payment is only
   * sent again unchanged with an explicit reason (see {@code AidCases.retryPayment}).
   */
  @Transactional(readOnly = true)
  public String payeeFingerprint(long workerId) {
    Worker w = requireWorker(workerId);
    return fingerprint(w.getName(), w.getBankName(), cipher.decrypt(CARD_FIELD, w.getBankCardEnc()));
  }

  /** Whether the worker's card number fails the Luhn check (a warning, never a refusal). */
  @Transactional(readOnly = true)
  public boolean cardChecksumWarning(long workerId) {
    return Boolean.FALSE.equals(requireWorker(workerId).getBankCardLuhnOk());
  }

  private String fingerprint(String name, String bank, String card) {
    return cipher.hash("payee\u0000" + name + "\u0000" + bank + "\u0000" + card);
  }

  // ---- shared by the form and the import ----

  ValidWorker validate(WorkerInput in, Problems p, java.util.function.Function<String, Optional<OrgView>> orgLookup) {
    String name = Texts.trim(in.name());
    if (p.require("name", name) && !Identity.isName(name)) {
      p.add("name", "INVALID_PERSON_NAME");
    }
    IdNumber id = null;
    if (p.require("idNumber", in.idNumber())) {
      id = IdNumber.parse(in.idNumber(), LocalDate.now(clock)).orElse(null);
      if (id == null) {
        p.add("idNumber", "INVALID_ID_NUMBER");
      }
    }
    OrgView org = null;
    if (p.require("orgCode", Texts.trim(in.orgCode()))) {
      org = orgLookup.apply(in.orgCode().strip()).orElse(null);
      if (org == null) {
        p.add("orgCode", "UNKNOWN_ORG");
      }
    }
    String phone = phone(in.phone(), p);
    EmploymentType type = Enums.parse(EmploymentType.class, in.employmentType(), "employmentType", p);
    boolean disabled = Boolean.TRUE.equals(in.disabled());
    String cert = Texts.trim(in.disabilityCertNo());
    certificate(disabled, cert, p);
    String bank = Texts.trim(in.bankName());
    String card = null;
    boolean luhn = true;
    boolean hasCard = in.bankCardNumber() != null && !in.bankCardNumber().isBlank();
    if (hasCard) {
      card = Identity.normaliseCard(in.bankCardNumber());
      if (card == null) {
        p.add("bankCardNumber", "INVALID_BANK_CARD");
      } else {
        luhn = Identity.luhn(card);
      }
      if (p.require("bankName", bank) && !Texts.isPlain(bank, 2, 60)) {
        p.add("bankName", "INVALID_BANK_NAME");
      }
    } else if (bank != null && !bank.isEmpty()) {
      p.add("bankCardNumber", "REQUIRED");
    }
    return new ValidWorker(name, id, org, phone, type, disabled, cert, hasCard ? bank : null, card, luhn);
  }

  Worker build(ValidWorker v, String hash) {
    Instant now = Instant.now(clock);
    Worker w = new Worker(v.name(), v.id(), cipher.encrypt(ID_FIELD, v.id().value()), hash, v.org().code(),
        v.org().path(), now);
    boolean cert = v.disabled() && v.certNo() != null;
    w.details(v.name(), v.phone(), v.type(), v.disabled(), cert ? cipher.encrypt(CERT_FIELD, v.certNo()) : null,
        cert ? Masks.certificate(v.certNo()) : null, now);
    if (v.card() != null) {
      w.bankCard(v.bankName(), cipher.encrypt(CARD_FIELD, v.card()), Masks.card(v.card()), v.luhnOk(), now);
    }
    return w;
  }

  String hash(String idNumber) {
    return cipher.hash(idNumber);
  }

  /** Workers by id in one query (for a page of another list of this module). */
  List<Worker> all(java.util.Collection<Long> ids) {
    return ids.isEmpty() ? List.of() : workers.findAllById(new java.util.HashSet<>(ids));
  }

  Worker requireWorker(long id) {
    WarmthUser me = CurrentUser.get();
    return workers.findById(id).filter(w -> me.covers(w.getOrgPath())).orElseThrow(BusinessException::notFound);
  }

  private static String phone(String raw, Problems p) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String phone = Identity.normalisePhone(raw);
    if (phone == null) {
      p.add("phone", "INVALID_PHONE");
    }
    return phone;
  }

  private static void certificate(boolean disabled, String cert, Problems p) {
    if (disabled && (cert == null || cert.isEmpty())) {
      p.add("disabilityCertNo", "REQUIRED");
    } else if (disabled && !Texts.isPlain(cert, 4, 40)) {
      p.add("disabilityCertNo", "INVALID_CERT_NO");
    }
  }

  static Map<String, Object> describe(Worker w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", w.getName());
    m.put("idNumber", w.getIdNumberMasked());
    m.put("org", w.getOrgCode());
    m.put("phone", w.getPhone() == null ? null : Masks.card(w.getPhone()));
    m.put("employmentType", String.valueOf(w.getEmploymentType()));
    m.put("disabled", w.isDisabled());
    m.put("disabilityCertNo", w.getDisabilityCertMasked());
    m.put("bankName", w.getBankName());
    m.put("bankCard", w.getBankCardMasked());
    return m;
  }
}

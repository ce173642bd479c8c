package cn.warmth.registry;

import cn.warmth.organisation.Organisations;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.FormErrors;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.Pager;
import cn.warmth.shared.SortOrder;
import cn.warmth.shared.Role;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Officers' pages for the real-name registry. */
@Controller
class WorkerPageController {
  private final Workers workers;
  private final HardshipFiles files;
  private final Organisations organisations;
  private final MessageSource messages;

  WorkerPageController(Workers workers, HardshipFiles files, Organisations organisations, MessageSource messages) {
    this.workers = workers;
    this.files = files;
    this.organisations = organisations;
    this.messages = messages;
  }

  /** Form backing object: the same fields as the API request. */
  static class WorkerForm {
    public String name;
    public String idNumber;
    public String orgCode;
    public String phone;
    public String employmentType = "ESTABLISHED";
    public boolean disabled;
    public String disabilityCertNo;
    public String bankName;
    public String bankCardNumber;

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String v) { idNumber = v; }
    public String getOrgCode() { return orgCode; }
    public void setOrgCode(String v) { orgCode = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getEmploymentType() { return employmentType; }
    public void setEmploymentType(String v) { employmentType = v; }
    public boolean isDisabled() { return disabled; }
    public void setDisabled(boolean v) { disabled = v; }
    public String getDisabilityCertNo() { return disabilityCertNo; }
    public void setDisabilityCertNo(String v) { disabilityCertNo = v; }
    public String getBankName() { return bankName; }
    public void setBankName(String v) { bankName = v; }
    public String getBankCardNumber() { return bankCardNumber; }
    public void setBankCardNumber(String v) { bankCardNumber = v; }

    Workers.WorkerInput input() {
      return new Workers.WorkerInput(name, idNumber, orgCode, phone, employmentType, disabled, disabilityCertNo,
          bankName, bankCardNumber);
    }
  }

  /** The worker list: search by name, full ID or its last 4; a unit filter; sorted; one page with the total. */
  @GetMapping("/workers")
  String search(@RequestParam(required = false) String q, @RequestParam(required = false) String org,
      @RequestParam(required = false) String sort, PageParams page, Model model) {
    boolean searching = q != null && !q.isBlank();
    SortOrder order = SortOrder.parse(sort, searching ? "name" : "-registered", Workers.SORTS);
    Paged<WorkerView> rows = workers.list(q, org, order, page);
    model.addAttribute("workers", rows.items());
    model.addAttribute("pager", Pager.of(rows, page, order));
    model.addAttribute("orgs", organisations.inScope());
    model.addAttribute("q", q);
    return "registry/workers";
  }

  @GetMapping("/workers/new")
  String newForm(Model model) {
    CurrentUser.requireRole(Role.OFFICER); // a form only officers can submit: 403 for the others
    if (!model.containsAttribute("form")) {
      WorkerForm form = new WorkerForm();
      form.orgCode = CurrentUser.get().orgCode();
      model.addAttribute("form", form);
    }
    model.addAttribute("orgs", organisations.inScope());
    model.addAttribute("types", EmploymentType.values());
    return "registry/worker-form";
  }

  @PostMapping("/workers/new")
  String register(@ModelAttribute("form") WorkerForm form, Model model, Locale locale, RedirectAttributes redirect) {
    try {
      WorkerView w = workers.register(form.input());
      redirect.addFlashAttribute("successMessage", messages.getMessage("worker.registered", new Object[] {w.name()}, locale));
      if (!w.warnings().isEmpty()) {
        redirect.addFlashAttribute("warningMessage", messages.getMessage("warning.BANK_CARD_CHECKSUM", null, locale));
      }
      return "redirect:/workers/" + w.id();
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      return newForm(model);
    }
  }

  @GetMapping("/workers/{id}")
  String view(@PathVariable long id, Model model) {
    model.addAttribute("worker", workers.get(id));
    model.addAttribute("files", files.ofWorker(id));
    model.addAttribute("canReveal", CurrentUser.get().has(Role.OFFICER) || CurrentUser.get().has(Role.FINANCE));
    return "registry/worker";
  }

  /** The audited reveal: full numbers shown on this one page view. */
  @PostMapping("/workers/{id}/reveal")
  String reveal(@PathVariable long id, Model model) {
    model.addAttribute("revealed", workers.reveal(id));
    return view(id, model);
  }

  @GetMapping("/workers/{id}/edit")
  String editForm(@PathVariable long id, Model model) {
    CurrentUser.requireRole(Role.OFFICER);
    WorkerView w = workers.get(id);
    if (!model.containsAttribute("form")) {
      WorkerForm form = new WorkerForm();
      form.name = w.name();
      form.phone = w.phone();
      form.employmentType = w.employmentType().name();
      form.disabled = w.disabled();
      // Never put the certificate number in clear into the form: blank keeps the one on file.
      model.addAttribute("form", form);
    }
    model.addAttribute("worker", w);
    model.addAttribute("types", EmploymentType.values());
    return "registry/worker-edit";
  }

  @PostMapping("/workers/{id}/edit")
  String edit(@PathVariable long id, @ModelAttribute("form") WorkerForm form, Model model, Locale locale,
      RedirectAttributes redirect) {
    try {
      workers.update(id, form.input());
      redirect.addFlashAttribute("successMessage", messages.getMessage("saved", null, locale));
      return "redirect:/workers/" + id;
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      return editForm(id, model);
    }
  }

  @PostMapping("/workers/{id}/bank-card")
  String bankCard(@PathVariable long id, @RequestParam String bankName, @RequestParam String bankCardNumber,
      Model model, Locale locale, RedirectAttributes redirect) {
    try {
      WorkerView w = workers.changeBankCard(id, bankName, bankCardNumber);
      redirect.addFlashAttribute("successMessage", messages.getMessage("worker.cardChanged", null, locale));
      if (!w.warnings().isEmpty()) {
        redirect.addFlashAttribute("warningMessage", messages.getMessage("warning.BANK_CARD_CHECKSUM", null, locale));
      }
      return "redirect:/workers/" + id;
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      // The bank's name comes back; the card number is typed again (it is never echoed into a page).
      FormErrors.keepInput(model, "bankCard", java.util.Map.of("bankName", bankName == null ? "" : bankName));
      return view(id, model);
    }
  }
}

package cn.warmth.disbursement;

import cn.warmth.shared.BusinessException;
import cn.warmth.shared.FormErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page for bank profiles (银行文件格式): list, new (or a copy), edit. */
@Controller
class BankProfilePageController {
  private final BankProfiles profiles;
  private final MessageSource messages;

  BankProfilePageController(BankProfiles profiles, MessageSource messages) {
    this.profiles = profiles;
    this.messages = messages;
  }

  /** The form: columns as "KEY=表头" lines, status words separated by commas. */
  public static class ProfileForm {
    private String code;
    private String name;
    private boolean active = true;
    private String encoding = "UTF-8";
    private String delimiter = "COMMA";
    private String amountUnit = "YUAN";
    private boolean fileHeader = true;
    private String fileColumns = "";
    private boolean resultHeader = true;
    private String resultColumns = "";
    private String successValues = "";
    private String failureValues = "";

    static ProfileForm of(BankProfileView v, boolean copy) {
      ProfileForm f = new ProfileForm();
      f.code = copy ? "" : v.code();
      f.name = copy ? v.name() + "（副本）" : v.name();
      f.active = v.active();
      f.encoding = v.encoding();
      f.delimiter = v.delimiter();
      f.amountUnit = v.amountUnit();
      f.fileHeader = v.fileHeader();
      f.fileColumns = lines(v.fileColumns());
      f.resultHeader = v.resultHeader();
      f.resultColumns = lines(v.resultColumns());
      f.successValues = String.join(",", v.successValues());
      f.failureValues = String.join(",", v.failureValues());
      return f;
    }

    private static String lines(List<BankProfileView.Column> columns) {
      return columns.stream().map(c -> c.key() + (c.label().isEmpty() ? "" : "=" + c.label()))
          .collect(Collectors.joining("\n"));
    }

    BankProfiles.ProfileInput input() {
      return new BankProfiles.ProfileInput(code, name, active, encoding, delimiter, amountUnit, fileHeader,
          columns(fileColumns), resultHeader, columns(resultColumns), words(successValues), words(failureValues));
    }

    private static List<BankProfileView.Column> columns(String text) {
      List<BankProfileView.Column> out = new ArrayList<>();
      for (String line : (text == null ? "" : text).split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        int i = line.indexOf('=');
        out.add(i < 0 ? new BankProfileView.Column(line.strip(), "")
            : new BankProfileView.Column(line.substring(0, i).strip(), line.substring(i + 1).strip()));
      }
      return out;
    }

    private static List<String> words(String text) {
      return Arrays.stream((text == null ? "" : text).split("[,，、;；\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public boolean isActive() { return active; }
    public void setActive(boolean v) { active = v; }
    public String getEncoding() { return encoding; }
    public void setEncoding(String v) { encoding = v; }
    public String getDelimiter() { return delimiter; }
    public void setDelimiter(String v) { delimiter = v; }
    public String getAmountUnit() { return amountUnit; }
    public void setAmountUnit(String v) { amountUnit = v; }
    public boolean isFileHeader() { return fileHeader; }
    public void setFileHeader(boolean v) { fileHeader = v; }
    public String getFileColumns() { return fileColumns; }
    public void setFileColumns(String v) { fileColumns = v; }
    public boolean isResultHeader() { return resultHeader; }
    public void setResultHeader(boolean v) { resultHeader = v; }
    public String getResultColumns() { return resultColumns; }
    public void setResultColumns(String v) { resultColumns = v; }
    public String getSuccessValues() { return successValues; }
    public void setSuccessValues(String v) { successValues = v; }
    public String getFailureValues() { return failureValues; }
    public void setFailureValues(String v) { failureValues = v; }
  }

  @GetMapping("/admin/bank-profiles")
  String list(Model model) {
    model.addAttribute("profiles", profiles.list());
    return "disbursement/bank-profiles";
  }

  @GetMapping("/admin/bank-profiles/new")
  String newForm(@RequestParam(required = false) String copy, Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", ProfileForm.of(profiles.get(copy == null || copy.isBlank() ? BankProfile.GENERIC : copy),
          true));
    }
    return form(null, model);
  }

  @PostMapping("/admin/bank-profiles/new")
  String create(@ModelAttribute("form") ProfileForm form, Model model, Locale locale, RedirectAttributes redirect) {
    try {
      BankProfileView v = profiles.create(form.input());
      redirect.addFlashAttribute("successMessage", messages.getMessage("profile.saved", new Object[] {v.name()}, locale));
      return "redirect:/admin/bank-profiles";
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      return form(null, model);
    }
  }

  @GetMapping("/admin/bank-profiles/{code}")
  String editForm(@PathVariable String code, Model model) {
    BankProfileView v = profiles.get(code);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", ProfileForm.of(v, false));
    }
    return form(v, model);
  }

  @PostMapping("/admin/bank-profiles/{code}")
  String update(@PathVariable String code, @ModelAttribute("form") ProfileForm form, Model model, Locale locale,
      RedirectAttributes redirect) {
    try {
      BankProfileView v = profiles.update(code, form.input());
      redirect.addFlashAttribute("successMessage", messages.getMessage("profile.saved", new Object[] {v.name()}, locale));
      return "redirect:/admin/bank-profiles";
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      return form(profiles.get(code), model);
    }
  }

  private String form(BankProfileView existing, Model model) {
    model.addAttribute("existing", existing);
    model.addAttribute("encodings", Arrays.stream(BankLayout.Encoding.values()).map(BankLayout.Encoding::label).toList());
    model.addAttribute("delimiters", BankLayout.Delimiter.values());
    model.addAttribute("units", BankLayout.AmountUnit.values());
    return "disbursement/bank-profile-form";
  }
}

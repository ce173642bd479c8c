package cn.warmth.disbursement;

import cn.warmth.cases.FundSource;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.FormErrors;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.Pager;
import cn.warmth.shared.SortOrder;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Finance's pages: batches per fund source and bank profile, the bank file download, the result upload. */
@Controller
class PaymentBatchPageController {
  private final PaymentBatches batches;
  private final BankProfiles profiles;
  private final MessageSource messages;

  PaymentBatchPageController(PaymentBatches batches, BankProfiles profiles, MessageSource messages) {
    this.batches = batches;
    this.profiles = profiles;
    this.messages = messages;
  }

  /** A refused row of a result file as the page lists it. */
  record ShownError(Integer line, String field, String value, String message) {}

  /** The column as the bank's file names it (the profile's header label), or the whole row or file. */
  private String column(String field, BankProfileView profile, Locale locale) {
    return profile.resultColumns().stream().filter(c -> c.key().equalsIgnoreCase(field)).map(BankProfileView.Column::label)
        .filter(l -> !l.isEmpty()).findFirst()
        .orElseGet(() -> messages.getMessage("bankResult.field." + field, null, field, locale));
  }

  /** The batches in scope (filter by status and fund source, sorted, one page with the total) and the build form. */
  @GetMapping("/payment-batches")
  String list(@RequestParam(required = false) String status, @RequestParam(required = false) String source,
      @RequestParam(required = false) String sort, PageParams page, Model model) {
    SortOrder order = SortOrder.parse(sort, "-created", PaymentBatches.SORTS);
    Paged<BatchView> rows = batches.summaries(status, source, order, page);
    model.addAttribute("batches", rows.items());
    model.addAttribute("pager", Pager.of(rows, page, order));
    model.addAttribute("statuses", BatchStatus.values());
    model.addAttribute("queued", batches.queuedBySource());
    model.addAttribute("sources", FundSource.values());
    model.addAttribute("profiles", profiles.list().stream().filter(BankProfileView::active).toList());
    model.addAttribute("profileNames", profiles.names());
    return "disbursement/batches";
  }

  @PostMapping("/payment-batches")
  String build(@RequestParam(required = false) String orgCode, @RequestParam(required = false) String fundSource,
      @RequestParam(required = false) String profile, Model model, Locale locale, RedirectAttributes redirect) {
    try {
      BatchView b = batches.build(orgCode, fundSource, profile);
      if (b.alsoBuilt().isEmpty()) {
        redirect.addFlashAttribute("successMessage", messages.getMessage("batch.created",
            new Object[] {b.id(), b.count(), b.totalYuan()}, locale));
        return "redirect:/payment-batches/" + b.id();
      }
      List<Long> ids = new java.util.ArrayList<>(List.of(b.id()));
      ids.addAll(b.alsoBuilt());
      redirect.addFlashAttribute("successMessage", messages.getMessage("batch.createdPerSource",
          new Object[] {ids.size(), String.join("、", ids.stream().map(String::valueOf).toList())}, locale));
      return "redirect:/payment-batches";
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      return list(null, null, null, PageParams.first(), model);
    }
  }

  /** A batch: totals, the bank file and result forms, and its payments one page at a time. */
  @GetMapping("/payment-batches/{id}")
  String view(@PathVariable long id, PageParams page, Model model) {
    BatchView b = batches.get(id);
    model.addAttribute("b", b);
    Paged<BatchView.Item> items = batches.items(id, page);
    model.addAttribute("items", items.items());
    model.addAttribute("pager", Pager.of(items, page, null));
    model.addAttribute("profile", profiles.get(b.profile()));
    return "disbursement/batch";
  }

  @GetMapping("/payment-batches/{id}/bank-file")
  ResponseEntity<byte[]> bankFile(@PathVariable long id) {
    return batches.bankFile(id, PaymentBatches.Format.CSV).response();
  }

  @GetMapping("/payment-batches/{id}/bank-file.xlsx")
  ResponseEntity<byte[]> bankFileXlsx(@PathVariable long id) {
    return batches.bankFile(id, PaymentBatches.Format.XLSX).response();
  }

  @PostMapping("/payment-batches/{id}/bank-result")
  String result(@PathVariable long id, @RequestParam("file") MultipartFile file, Model model, Locale locale,
      RedirectAttributes redirect) throws IOException {
    try {
      var r = batches.importResult(id, file.getBytes());
      redirect.addFlashAttribute("successMessage", messages.getMessage(
          r.failed() > 0 ? "batch.resultImportedWithFailures" : "batch.resultImported",
          new Object[] {r.succeeded(), r.failed(), r.applied(), r.encoding()}, locale));
      return "redirect:/payment-batches/" + id;
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      if (e instanceof ResultFile.Refused refused) {
        BankProfileView profile = profiles.get(batches.get(id).profile());
        model.addAttribute("resultErrors", refused.rows().stream().map(r -> new ShownError(r.line(),
            column(r.field(), profile, locale), r.value(),
            messages.getMessage(r.messageKey(), r.messageArgs(), r.code(), locale))).toList());
        if (refused.errorsNotListed() > 0) {
          model.addAttribute("resultErrorsNotListed", messages.getMessage("bankResult.TOO_MANY_ERRORS",
              new Object[] {refused.errorsNotListed(), ResultFile.MAX_ERRORS}, locale));
        }
      }
      return view(id, PageParams.first(), model);
    }
  }
}

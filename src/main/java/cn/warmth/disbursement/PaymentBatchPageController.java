package cn.warmth.disbursement;

import cn.warmth.shared.BusinessException;
import cn.warmth.shared.FormErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

/** Finance's pages: batches, the bank file download, the result upload. */
@Controller
class PaymentBatchPageController {
  private final PaymentBatches batches;
  private final MessageSource messages;

  PaymentBatchPageController(PaymentBatches batches, MessageSource messages) {
    this.batches = batches;
    this.messages = messages;
  }

  @GetMapping("/payment-batches")
  String list(Model model) {
    model.addAttribute("batches", batches.list());
    return "disbursement/batches";
  }

  @PostMapping("/payment-batches")
  String build(@RequestParam(required = false) String orgCode, Model model, Locale locale, RedirectAttributes redirect) {
    try {
      BatchView b = batches.build(orgCode);
      redirect.addFlashAttribute("successMessage", messages.getMessage("batch.created",
          new Object[] {b.id(), b.count(), b.totalYuan()}, locale));
      return "redirect:/payment-batches/" + b.id();
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      return list(model);
    }
  }

  @GetMapping("/payment-batches/{id}")
  String view(@PathVariable long id, Model model) {
    model.addAttribute("b", batches.get(id));
    return "disbursement/batch";
  }

  @GetMapping("/payment-batches/{id}/bank-file")
  ResponseEntity<byte[]> bankFile(@PathVariable long id) {
    return BankFiles.csv(id, batches.bankFile(id, "CSV"));
  }

  @GetMapping("/payment-batches/{id}/bank-file.xlsx")
  ResponseEntity<byte[]> bankFileXlsx(@PathVariable long id) {
    return BankFiles.xlsx(id, batches.bankFile(id, "XLSX"));
  }

  @PostMapping("/payment-batches/{id}/bank-result")
  String result(@PathVariable long id, @RequestParam("file") MultipartFile file, Model model, Locale locale,
      RedirectAttributes redirect) throws IOException {
    try {
      var r = batches.importResult(id, new String(file.getBytes(), StandardCharsets.UTF_8));
      redirect.addFlashAttribute("successMessage", messages.getMessage(
          r.failed() > 0 ? "batch.resultImportedWithFailures" : "batch.resultImported",
          new Object[] {r.succeeded(), r.failed(), r.applied()}, locale));
      return "redirect:/payment-batches/" + id;
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      model.addAttribute("resultErrors", e.errors());
      return view(id, model);
    }
  }
}

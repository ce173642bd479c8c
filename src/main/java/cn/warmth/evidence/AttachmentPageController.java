package cn.warmth.evidence;

import cn.warmth.shared.BusinessException;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The upload forms of the evidence panel (on the file and case pages) and the downloads for a
 * signed-in browser. After an upload, or a refusal of the file itself, the browser goes back to the
 * record's page with the message; a record out of scope (404) or a role that may not (403) is the
 * error page.
 */
@Controller
class AttachmentPageController {
  private final Evidence evidence;
  private final MessageSource messages;

  AttachmentPageController(Evidence evidence, MessageSource messages) {
    this.evidence = evidence;
    this.messages = messages;
  }

  @PostMapping("/hardship-files/{id}/attachments")
  String onFile(@PathVariable String id, @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String kind, Locale locale, RedirectAttributes redirect) throws IOException {
    return upload(OwnerType.FILE, id, kind, file, "/hardship-files/" + id, locale, redirect);
  }

  @PostMapping("/cases/{caseNumber}/attachments")
  String onCase(@PathVariable String caseNumber, @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String kind, Locale locale, RedirectAttributes redirect) throws IOException {
    return upload(OwnerType.CASE, caseNumber, kind, file, "/cases/" + caseNumber, locale, redirect);
  }

  @PostMapping("/cases/{caseNumber}/visit/attachments")
  String onVisit(@PathVariable String caseNumber, @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String kind, Locale locale, RedirectAttributes redirect) throws IOException {
    return upload(OwnerType.VISIT, caseNumber, kind, file, "/cases/" + caseNumber, locale, redirect);
  }

  @GetMapping("/attachments/{id}")
  ResponseEntity<byte[]> download(@PathVariable long id) {
    return AttachmentApiController.send(evidence.download(id), true);
  }

  @GetMapping("/attachments/{id}/thumbnail")
  ResponseEntity<byte[]> thumbnail(@PathVariable long id) {
    return AttachmentApiController.send(evidence.thumbnail(id), false);
  }

  private String upload(OwnerType type, String key, String kind, MultipartFile file, String back, Locale locale,
      RedirectAttributes redirect) throws IOException {
    try {
      AttachmentView a = evidence.upload(type, key, kind, AttachmentApiController.upload(file));
      redirect.addFlashAttribute("successMessage", messages.getMessage("evidence.uploaded", new Object[] {a.name()},
          locale));
    } catch (BusinessException e) {
      if (e.status().value() == 404 || e.status().value() == 403) {
        throw e; // out of scope, or a role that may not: the error page with that status
      }
      String detail = e.errors().stream().filter(f -> !f.messageKey().equals(e.messageKey()))
          .map(f -> messages.getMessage(f.messageKey(), f.args(), f.code(), locale)).reduce((x, y) -> x + " " + y)
          .orElse("");
      redirect.addFlashAttribute("errorMessage", messages.getMessage(e.messageKey(), e.args(), e.code(), locale)
          + (detail.isEmpty() ? "" : " " + detail));
    }
    return "redirect:" + back + "#evidence";
  }
}

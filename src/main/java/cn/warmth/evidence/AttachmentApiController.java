package cn.warmth.evidence;

import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** api.md "Attachments (evidence)": multipart {@code file} and {@code kind}; the stored copy by id. */
@RestController
class AttachmentApiController {
  private final Evidence evidence;

  AttachmentApiController(Evidence evidence) {
    this.evidence = evidence;
  }

  @PostMapping(path = "/api/v1/hardship-files/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  AttachmentView onFile(@PathVariable String id, @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String kind) throws IOException {
    return evidence.upload(OwnerType.FILE, id, kind, upload(file));
  }

  @PostMapping(path = "/api/v1/cases/{caseNumber}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  AttachmentView onCase(@PathVariable String caseNumber, @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String kind) throws IOException {
    return evidence.upload(OwnerType.CASE, caseNumber, kind, upload(file));
  }

  @PostMapping(path = "/api/v1/cases/{caseNumber}/visit/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  AttachmentView onVisit(@PathVariable String caseNumber, @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String kind) throws IOException {
    return evidence.upload(OwnerType.VISIT, caseNumber, kind, upload(file));
  }

  @GetMapping("/api/v1/attachments/{id}")
  ResponseEntity<byte[]> download(@PathVariable long id) {
    return send(evidence.download(id), true);
  }

  @GetMapping("/api/v1/attachments/{id}/thumbnail")
  ResponseEntity<byte[]> thumbnail(@PathVariable long id) {
    return send(evidence.thumbnail(id), false);
  }

  static Evidence.Upload upload(MultipartFile file) throws IOException {
    return file == null ? null : new Evidence.Upload(file.getOriginalFilename(), file.getBytes());
  }

  /** The bytes with their sniffed type; images and PDFs open in the browser, HEIC is saved. */
  static ResponseEntity<byte[]> send(Evidence.Download d, boolean named) {
    boolean inline = !d.contentType().equals("image/heic");
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.parseMediaType(d.contentType()));
    if (named) {
      h.setContentDisposition((inline ? ContentDisposition.inline() : ContentDisposition.attachment())
          .filename(d.name(), java.nio.charset.StandardCharsets.UTF_8).build());
    }
    h.setCacheControl("private, no-store");
    return new ResponseEntity<>(d.content(), h, HttpStatus.OK);
  }
}

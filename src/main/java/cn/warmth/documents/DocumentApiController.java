package cn.warmth.documents;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The printable documents as PDFs for scripts and other union systems (same content as the pages). */
@RestController
class DocumentApiController {
  private final Paper paper;
  private final PdfDocuments pdf;

  DocumentApiController(Paper paper, PdfDocuments pdf) {
    this.paper = paper;
    this.pdf = pdf;
  }

  /** 慰问金/慰问品签收表: cash and goods handed over at a unit's visits from {@code from} to {@code to} (default today). */
  @GetMapping("/api/v1/documents/receipts.pdf")
  ResponseEntity<byte[]> receipts(@RequestParam(required = false) String org, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Paper.ReceiptSheet s = paper.receipts(org, from, to);
    return DocumentController.pdf("签收表-" + s.from(), pdf.receipts(s));
  }

  @GetMapping("/api/v1/payment-batches/{id}/roster.pdf")
  ResponseEntity<byte[]> roster(@PathVariable long id) {
    return DocumentController.pdf("发放花名册-批次" + id, pdf.roster(paper.roster(id)));
  }

  @GetMapping("/api/v1/hardship-files/{id}/sheet.pdf")
  ResponseEntity<byte[]> file(@PathVariable long id) {
    return DocumentController.pdf("困难职工档案-" + id, pdf.file(paper.file(id)));
  }

  @GetMapping("/api/v1/statistics/official.pdf")
  ResponseEntity<byte[]> statistics(@RequestParam(required = false) String campaign,
      @RequestParam(required = false) String org, @RequestParam(defaultValue = "2") int decimals) {
    Paper.StatSheet s = paper.statistics(campaign, org, decimals);
    return DocumentController.pdf("送温暖统计表-" + s.sheet().campaignCode(), pdf.statistics(s));
  }
}

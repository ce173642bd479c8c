package cn.warmth.documents;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The printable documents in the browser: each as a print view (A4, Chromium's print dialog)
 * and as a PDF download. The same PDFs are in the API ({@link DocumentApiController}).
 */
@Controller
class DocumentController {
  private final Paper paper;
  private final PdfDocuments pdf;

  DocumentController(Paper paper, PdfDocuments pdf) {
    this.paper = paper;
    this.pdf = pdf;
  }

  @GetMapping("/documents/receipts")
  String receipts(@RequestParam(required = false) String org, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Model model) {
    model.addAttribute("s", paper.receipts(org, from, to));
    return "documents/receipts";
  }

  @GetMapping("/documents/receipts.pdf")
  ResponseEntity<byte[]> receiptsPdf(@RequestParam(required = false) String org,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    Paper.ReceiptSheet s = paper.receipts(org, from, to);
    return pdf("签收表-" + s.orgName() + "-" + s.from() + (s.from().equals(s.to()) ? "" : "至" + s.to()), pdf.receipts(s));
  }

  @GetMapping("/payment-batches/{id}/roster")
  String roster(@PathVariable long id, Model model) {
    model.addAttribute("s", paper.roster(id));
    return "documents/roster";
  }

  @GetMapping("/payment-batches/{id}/roster.pdf")
  ResponseEntity<byte[]> rosterPdf(@PathVariable long id) {
    return pdf("发放花名册-批次" + id, pdf.roster(paper.roster(id)));
  }

  @GetMapping("/hardship-files/{id}/sheet")
  String file(@PathVariable long id, Model model) {
    model.addAttribute("s", paper.file(id));
    return "documents/file";
  }

  @GetMapping("/hardship-files/{id}/sheet.pdf")
  ResponseEntity<byte[]> filePdf(@PathVariable long id) {
    return pdf("困难职工档案-" + id, pdf.file(paper.file(id)));
  }

  /** The 统计表 print view: the same sheet as the PDF, on one A4 landscape page. */
  @GetMapping("/statistics/print")
  String statistics(@RequestParam(required = false) String campaign, @RequestParam(required = false) String org,
      @RequestParam(defaultValue = "2") int decimals, Model model) {
    model.addAttribute("s", paper.statistics(campaign, org, decimals));
    return "documents/statistics";
  }

  @GetMapping("/statistics/official.pdf")
  ResponseEntity<byte[]> statisticsPdf(@RequestParam(required = false) String campaign,
      @RequestParam(required = false) String org, @RequestParam(defaultValue = "2") int decimals) {
    Paper.StatSheet s = paper.statistics(campaign, org, decimals);
    return pdf(s.sheet().orgName() + "-" + s.sheet().campaignCode() + "-送温暖统计表", pdf.statistics(s));
  }

  /** A PDF download with its Chinese file name (RFC 6266 filename*). */
  static ResponseEntity<byte[]> pdf(String name, byte[] bytes) {
    String encoded = URLEncoder.encode(name + ".pdf", StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + encoded)
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .contentType(MediaType.APPLICATION_PDF)
        .body(bytes);
  }
}

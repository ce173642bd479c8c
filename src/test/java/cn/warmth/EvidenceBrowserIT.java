package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Browser;
import cn.warmth.support.MutableClock;
import cn.warmth.support.BrowserTest;
import cn.warmth.support.PostgresTest;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An officer on a phone (390×844) photographs the signed receipt at the visit, uploads it on the
 * case page and confirms the hand-over; back at the desk the 签收表 of the day is printed on A4.
 */
@PostgresTest
class EvidenceBrowserIT extends BrowserTest {
  @Autowired
  MutableClock clock;

  @Test
  void aReceiptPhotoUploadedOnAPhoneAndTheReceiptSheetPrintedOnA4() throws Exception {
    Scenario s = new Scenario(port);
    LocalDate today = LocalDate.now(clock); // the server's "today" (other tests move it)
    s.admin.post("/api/v1/campaigns", Map.of("code", s.p + "-PH", "name", "2026年元旦春节送温暖", "startDate",
        today.minusDays(5).toString(), "endDate", today.plusDays(20).toString(), "reportDeadline",
        today.plusDays(25).toString()));
    long worker = s.worker("刘桂英", TestIds.nextId(), null);
    String n = s.as("officer").post("/api/v1/cases", Map.of("campaignCode", s.p + "-PH", "workerId", worker,
        "category", "C1", "fundSource", "B3", "paymentMethod", "CASH", "amountYuan", "800", "reason", "春节慰问",
        "visit", Map.of("plannedDate", today.toString(), "location", "职工家中", "visitors", "工会主席、经办人")))
        .json().path("caseNumber").asText();
    assertThat(n).isNotBlank();
    assertThat(s.as("finance").post("/api/v1/cases/" + n + "/approval", Map.of("decision", "APPROVE")).status()).isEqualTo(200);
    Path photo = Files.createTempFile("IMG_", ".jpg");
    try (InputStream in = getClass().getResourceAsStream("/evidence/gps.jpg")) {
      Files.write(photo, in.readAllBytes());
    }

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.get(url("/login"));
    driver.findElement(By.id("username")).sendKeys(s.name("officer"));
    driver.findElement(By.id("password")).sendKeys(Scenario.PW);
    driver.findElement(By.id("login-submit")).click();
    driver.findElement(By.cssSelector("#current-user, #login-error"));
    driver.get(url("/cases/" + n));
    new Select(driver.findElement(By.id("kind-VISIT"))).selectByValue("SIGNED_RECEIPT");
    driver.findElement(By.id("file-VISIT")).sendKeys(photo.toString());
    click("#upload-VISIT");
    assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).contains("已上传");
    assertThat(driver.findElement(By.id("evidence-visit")).getText()).contains("签收单", "拍摄于 2024-02-08 10:30");
    // The preview fits the phone's width and the upload controls stack.
    Number thumbWidth = (Number) driver.executeScript(
        "return document.querySelector('#evidence-visit img.evidence-thumb').getBoundingClientRect().width");
    assertThat(thumbWidth.intValue()).isBetween(60, 80);
    Number pageWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth");
    assertThat(pageWidth.intValue()).isLessThanOrEqualTo(390);
    Browser.screenshot(driver, "evidence-phone-receipt");

    click("#receiptSigned");
    click("#record-visit");
    assertThat(driver.findElement(By.id("payment")).getText()).contains("已发放");

    // The 签收表 of the day: the print view, then Chromium's own print to A4.
    driver.manage().window().setSize(new Dimension(1000, 1200));
    driver.get(url("/visits"));
    click("#receipts-today");
    assertThat(driver.findElement(By.id("receipt-lines")).getText()).contains("刘桂英", n, "800.00");
    Browser.screenshot(driver, "receipt-sheet-print-view");
    PrintOptions a4 = new PrintOptions();
    a4.setPageSize(new PageSize(29.7, 21.0));
    byte[] pdf = Base64.getDecoder().decode(driver.print(a4).getContent());
    Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(Path.of("target", "screenshots", "receipt-sheet-printed.pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      assertThat(doc.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f); // A4: 595 × 842 pt
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("慰问金（品）签收表", "刘桂英", "领取人签字", "制表人").doesNotContain("打印", "下载 PDF");
    }
  }
}

package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Api;
import cn.warmth.support.Browser;
import cn.warmth.support.Flows;
import cn.warmth.support.MutableClock;
import cn.warmth.support.BrowserTest;
import cn.warmth.support.PostgresTest;
import cn.warmth.support.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11 in Chromium: an officer records a visit on a phone (390×844) and at a desk (1366×768)
 * with a date in the future — what was typed stays, the message sits under the date; the officer's
 * pages at phone width (labels on every field, no sideways scrolling, no word broken into one
 * character per line; screenshots under target/screenshots); the 统计表 print view printed by
 * Chromium is one A4 landscape page without the screen's buttons.
 */
@PostgresTest
class PhoneBrowserIT extends BrowserTest {
  static final int PHONE = 390;

  @Autowired
  MutableClock clock;
  Scenario s;
  Flows flows;
  LocalDate today;

  @BeforeEach
  void start() {
    s = new Scenario(port);
    today = LocalDate.now(clock); // the server's "today" (other tests move it)
    flows = new Flows(s, today);
    contact(s.city, "王联系", "029-87228992");
    contact(s.school, "孙立新", "029-88888888");
  }

  void contact(String org, String name, String phone) {
    Api.Res r = s.admin.put("/api/v1/orgs/" + org + "/contact", Map.of("contactName", name, "contactPhone", phone));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  void login(String role, int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    signIn(s.name(role), Scenario.PW);
  }

  Map<?, ?> rect(WebElement e) {
    return (Map<?, ?>) driver.executeScript("var r = arguments[0].getBoundingClientRect();"
        + "return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};", e);
  }

  static double n(Map<?, ?> rect, String key) {
    return ((Number) rect.get(key)).doubleValue();
  }

  String approvedCase() {
    String n = flows.openCase("CASH", "800", 0);
    flows.approveOk("finance", n);
    return n;
  }

  @ParameterizedTest
  @ValueSource(ints = {PHONE, 1366})
  void aVisitDatedTomorrowKeepsTheNotesAndSaysSoUnderTheDate(int width) {
    String n = approvedCase();
    login("officer", width, width == PHONE ? 844 : 768);
    driver.get(url("/cases/" + n));
    String tomorrow = today.plusDays(1).toString();
    // The native date picker sets the field's value; so does this.
    driver.executeScript("document.getElementById('visitedOn').value = arguments[0]", tomorrow);
    driver.findElement(By.id("visit-notes")).sendKeys("家中老人卧床，已送米面油");
    click("#receiptSigned");
    // The field's max (today) makes Chromium refuse to send the form at all; browsers without
    // that check (and hand-typed dates on some phones) reach the server, whose answer is tested here.
    driver.executeScript("document.getElementById('visit-form').noValidate = true");
    click("#record-visit");

    WebElement date = driver.findElement(By.id("visitedOn"));
    assertThat(date.getDomProperty("value")).isEqualTo(tomorrow);
    assertThat(driver.findElement(By.id("visit-notes")).getDomProperty("value")).isEqualTo("家中老人卧床，已送米面油");
    assertThat(driver.findElement(By.id("receiptSigned")).isSelected()).isTrue();
    WebElement error = driver.findElement(By.cssSelector("#visit-form [data-field=visitedOn]"));
    assertThat(error.getText()).isEqualTo("日期不能晚于今天。");
    // Right under the date field, in its column: below its bottom, level with its left edge.
    Map<?, ?> d = rect(date);
    Map<?, ?> e = rect(error);
    assertThat(n(e, "top")).isBetween(n(d, "bottom") - 1, n(d, "bottom") + 12);
    assertThat(n(e, "left")).isBetween(n(d, "left") - 2, n(d, "left") + 2);
    // Every field of the form has a visible label; nothing scrolls sideways.
    assertThat(unlabelledFields("#visit-form")).isEmpty();
    assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth")).intValue())
        .isLessThanOrEqualTo(width);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", date);
    Browser.screenshot(driver, "visit-error-" + width);

    // Corrected, the visit is recorded with what was typed.
    driver.executeScript("document.getElementById('visitedOn').value = arguments[0]", today.toString());
    click("#record-visit");
    assertThat(driver.findElement(By.id("visit")).getText()).contains("已走访", "家中老人卧床，已送米面油");
    assertThat(driver.findElement(By.id("payment")).getText()).contains("已发放");
  }

  @Test
  void theOfficersPagesOnAPhone() {
    String n = approvedCase();
    long file = flows.submitFile();
    long worker = s.as("officer").get("/api/v1/hardship-files/" + file).json().path("workerId").asLong();
    login("officer", PHONE, 844);
    Map<String, String> pages = new java.util.LinkedHashMap<>();
    pages.put("inbox", "/");
    pages.put("case", "/cases/" + n);
    pages.put("visits", "/visits");
    pages.put("worker", "/workers/" + worker);
    pages.put("file", "/hardship-files/" + file);
    pages.put("case-form", "/cases/new?workerId=" + worker);
    pages.put("cases", "/cases?campaign=" + flows.campaign);
    pages.put("activities", "/activities?campaign=" + flows.campaign);
    for (var page : pages.entrySet()) {
      driver.get(url(page.getValue()));
      driver.findElement(By.id("current-user"));
      assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth")).intValue())
          .as(page.getKey() + " scrolls sideways").isLessThanOrEqualTo(PHONE);
      assertThat(unlabelledFields("main form:not([method=get])")).as(page.getKey() + ": fields without a label").isEmpty();
      assertThat(brokenWords()).as(page.getKey() + ": words one character per line").isEmpty();
      fullPageScreenshot("phone-" + page.getKey());
    }
    // The inbox is a list of cards: the task's unit and worker labelled, the unit on one line.
    driver.get(url("/"));
    WebElement unit = driver.findElement(By.cssSelector("#tasks td[data-label]"));
    assertThat((String) driver.executeScript("return getComputedStyle(arguments[0], '::before').content", unit))
        .isEqualTo("\"单位\"");
    // The week: one day per line, each name on one line.
    driver.get(url("/visits"));
    assertThat(driver.findElements(By.cssSelector("#week .day"))).hasSize(7);
    List<WebElement> days = driver.findElements(By.cssSelector("#week .day"));
    assertThat(n(rect(days.get(1)), "top")).isGreaterThan(n(rect(days.get(0)), "bottom") - 1);
  }

  @Test
  void theActivityFormShowsTheChosenKindsFieldsAndKeepsThemOnAnError() {
    login("officer", PHONE, 844);
    driver.get(url("/activities?campaign=" + flows.campaign));
    Select kind = new Select(driver.findElement(By.id("activity-kind")));
    kind.selectByValue("ENTERPRISE_VISIT");
    assertThat(driver.findElement(By.id("activity-enterprise")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("activity-amount")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("activity-count")).isDisplayed()).isFalse();
    kind.selectByValue("WAGE_RECOVERY");
    assertThat(driver.findElement(By.id("activity-enterprise")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("activity-amount")).isDisplayed()).isTrue();
    driver.executeScript("document.getElementById('activity-date').value = arguments[0]", today.plusDays(2).toString());
    driver.findElement(By.id("activity-count")).sendKeys("3");
    driver.findElement(By.id("activity-amount")).sendKeys("4200");
    driver.findElement(By.id("activity-note")).sendKeys("为三名农民工追回工资");
    click("#save-activity");

    assertThat(new Select(driver.findElement(By.id("activity-kind"))).getFirstSelectedOption().getDomProperty("value"))
        .isEqualTo("WAGE_RECOVERY");
    assertThat(driver.findElement(By.id("activity-count")).getDomProperty("value")).isEqualTo("3");
    assertThat(driver.findElement(By.id("activity-amount")).getDomProperty("value")).isEqualTo("4200");
    assertThat(driver.findElement(By.id("activity-note")).getDomProperty("value")).isEqualTo("为三名农民工追回工资");
    assertThat(driver.findElement(By.id("activity-enterprise")).isDisplayed()).isFalse();
    WebElement error = driver.findElement(By.cssSelector("#activity-form [data-field=date]"));
    Map<?, ?> d = rect(driver.findElement(By.id("activity-date")));
    assertThat(n(rect(error), "top")).isBetween(n(d, "bottom") - 1, n(d, "bottom") + 12);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", error);
    Browser.screenshot(driver, "phone-activity-error");
  }

  @Test
  void theStatisticsPrintViewIsOneA4LandscapePageWithoutTheScreensButtons() throws Exception {
    String n = approvedCase();
    flows.visit("officer", n, true);
    flows.close("officer", n);
    login("citymanager", 1366, 900);
    driver.get(url("/statistics?campaign=" + flows.campaign + "&org=" + s.city));
    assertThat(driver.findElement(By.id("stat-preparer")).getText()).isEqualTo("王联系");
    assertThat(driver.findElement(By.id("stat-phone")).getText()).isEqualTo("029-87228992");
    click("#stat-print");
    assertThat(driver.findElement(By.id("stat-sheet")).getText()).contains("附件", "填报人:王联系", "电话:029-87228992");
    assertThat(driver.findElement(By.id("print")).isDisplayed()).isTrue();
    Browser.screenshot(driver, "statistics-print-view");

    PrintOptions a4 = new PrintOptions();
    a4.setPageSize(new PageSize(29.7, 21.0));
    a4.setOrientation(PrintOptions.Orientation.LANDSCAPE);
    byte[] pdf = Base64.getDecoder().decode(driver.print(a4).getContent());
    Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(Path.of("target", "screenshots", "statistics-printed.pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      assertThat(doc.getPage(0).getMediaBox().getWidth()).isBetween(840f, 844f); // A4 landscape: 842 × 595 pt
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("附件", "送温暖统计表", "王联系", "029-87228992", "重大灾害期间坚守抗灾一线的职工", "K2")
          .doesNotContain("打印", "返回", "下载 PDF");
    }

    // The 公示名单 for the notice board prints without its picker too.
    driver.get(url("/public-list?campaign=" + flows.campaign + "&org=" + s.city));
    Browser.screenshot(driver, "public-list");
    PrintOptions portrait = new PrintOptions();
    portrait.setPageSize(new PageSize(29.7, 21.0));
    try (PDDocument doc = Loader.loadPDF(Base64.getDecoder().decode(driver.print(portrait).getContent()))) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      assertThat(new PDFTextStripper().getText(doc)).contains("慰问名单公示", "困难职工建档公示", "王联系")
          .doesNotContain("打印", "返回");
    }
  }

  /** Visible fields (inputs, selects, text areas) in the matching forms with no label of their own. */
  @SuppressWarnings("unchecked")
  List<String> unlabelledFields(String forms) {
    return (List<String>) driver.executeScript("""
        var out = [];
        document.querySelectorAll(arguments[0]).forEach(function (form) {
          form.querySelectorAll('input, select, textarea').forEach(function (f) {
            if (f.type === 'hidden' || f.type === 'submit' || f.offsetParent === null) { return; }
            var label = f.id && document.querySelector('label[for="' + f.id + '"]');
            if (!(label && label.offsetParent !== null) && !f.closest('label')) { out.push(form.id + ' ' + (f.name || f.id)); }
          });
        });
        return out;""", forms);
  }

  /** Visible texts of two or more Chinese characters laid out one character per line (narrower than two characters). */
  @SuppressWarnings("unchecked")
  List<String> brokenWords() {
    return (List<String>) driver.executeScript("""
        var out = [];
        document.querySelectorAll('main td, main th, main dt, main dd, main a, main .badge, main label, main span')
          .forEach(function (e) {
            var t = (e.innerText || '').trim();
            if (e.offsetParent === null || !/^[\\u4e00-\\u9fff]{2,}/.test(t)) { return; }
            var size = parseFloat(getComputedStyle(e).fontSize);
            var r = e.getBoundingClientRect();
            if (r.width > 0 && r.width < 1.9 * size && r.height > 1.9 * size) { out.push(t.substring(0, 12)); }
          });
        return out;""");
  }

  /** A screenshot of the whole page at the phone's width (the window grows to the page's height). */
  void fullPageScreenshot(String name) {
    Dimension before = driver.manage().window().getSize();
    long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
    driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(Math.max(height + 120, 844), 5000)));
    Browser.screenshot(driver, name);
    driver.manage().window().setSize(before);
  }
}

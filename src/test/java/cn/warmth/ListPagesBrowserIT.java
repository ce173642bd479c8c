package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Browser;
import cn.warmth.support.Flows;
import cn.warmth.support.MutableClock;
import cn.warmth.support.BrowserTest;
import cn.warmth.support.PostgresTest;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lists and error pages in a real browser, on a desktop (1366×768) and a phone (390×844): the
 * total above the list, the pager moving through the pages with the filter kept, and another
 * unit's case as the 404 page in the application's layout. Screenshots go to target/screenshots.
 */
@PostgresTest
class ListPagesBrowserIT extends BrowserTest {
  static final List<Dimension> SIZES = List.of(new Dimension(1366, 768), new Dimension(390, 844));
  @Autowired
  MutableClock clock;

  void login(String username) {
    driver.manage().deleteAllCookies();
    signIn(username, Scenario.PW);
  }

  String text(String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  @Test
  void theListsShowTheirTotalAndPageWithTheirFilterOnADesktopAndAPhone() {
    Scenario s = new Scenario(port);
    for (int i = 0; i < 55; i++) {
      s.worker("浏览" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10) + "子丑寅卯辰巳".charAt(i / 10), TestIds.nextId(), null);
    }
    Flows f = new Flows(s, LocalDate.now(clock));
    f.submitFile();
    login(s.name("officer"));
    for (Dimension size : SIZES) {
      driver.manage().window().setSize(size);
      String w = String.valueOf(size.getWidth());
      driver.get(url("/workers?org=" + s.school));
      assertThat(text(".list-total")).isEqualTo("共 56 条");
      assertThat(driver.findElements(By.cssSelector("#workers tbody tr"))).hasSize(50);
      Browser.screenshot(driver, "lists-workers-" + w);
      driver.executeScript("document.querySelector('.pager-next').click()");
      driver.findElement(By.cssSelector(".pager-prev[href]"));
      assertThat(driver.getCurrentUrl()).contains("org=" + s.school, "page=1");
      assertThat(driver.findElements(By.cssSelector("#workers tbody tr"))).hasSize(6);
      assertThat(text(".list-total")).isEqualTo("共 56 条");
      Browser.screenshot(driver, "lists-workers-page2-" + w);

      // The 困难档案 list: a status tab, with its total.
      driver.get(url("/hardship-files"));
      driver.executeScript("document.querySelector('#file-status-tabs [data-status=PENDING_REVIEW]').click()");
      driver.findElement(By.cssSelector("#file-status-tabs .active[data-status=PENDING_REVIEW]"));
      assertThat(text(".list-total")).isEqualTo("共 1 条");
      assertThat(text("#files")).contains("档案职工", "待审核");
      Browser.screenshot(driver, "lists-files-" + w);
    }

    // The city manager's inbox: the file's review (offered to the school and every unit above it),
    // its total, the kinds with their counts, and the unit filter kept when a kind is chosen.
    login(s.name("citymanager"));
    for (Dimension size : SIZES) {
      driver.manage().window().setSize(size);
      String w = String.valueOf(size.getWidth());
      driver.get(url("/?org=" + s.school));
      assertThat(text(".list-total")).isEqualTo("共 1 条");
      assertThat(text("#tasks")).contains("审核困难档案", "档**工");
      driver.executeScript("document.querySelector('#task-kinds [data-kind]').click()");
      driver.findElement(By.cssSelector("#task-kinds .text-bg-dark[data-kind]"));
      assertThat(driver.getCurrentUrl()).contains("org=" + s.school, "kind=");
      assertThat(text(".list-total")).isEqualTo("共 1 条");
      Browser.screenshot(driver, "lists-inbox-" + w);
    }
  }

  @Test
  void anotherUnitsCaseIsThe404PageInTheLayoutOnADesktopAndAPhone() {
    Scenario s = new Scenario(port);
    String c = new Flows(s, LocalDate.now(clock)).openCase("CASH", "500", 3);
    Scenario other = new Scenario(port);
    login(other.name("officer"));
    for (Dimension size : SIZES) {
      driver.manage().window().setSize(size);
      driver.get(url("/cases/" + c));
      assertThat(driver.getTitle()).isEqualTo("出错了");
      assertThat(text("#error-page")).contains("找不到该页面或记录").doesNotContain(c);
      assertThat(driver.findElement(By.cssSelector(".navbar-brand")).isDisplayed()).isTrue();
      Browser.screenshot(driver, "error-404-" + size.getWidth());
      driver.get(url("/visits?week=2026-13-45"));
      assertThat(text("#error-reasons")).contains("参数 week：");
      Browser.screenshot(driver, "error-400-" + size.getWidth());
    }
  }
}

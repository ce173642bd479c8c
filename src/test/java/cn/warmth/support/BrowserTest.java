package cn.warmth.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test shares: a fresh headless Chromium per test on the running server, its
 * addresses, the sign-in form, and a click that does not depend on the element being in view.
 */
public abstract class BrowserTest {
  @LocalServerPort
  protected int port;
  protected ChromeDriver driver;

  @BeforeEach
  void openBrowser() {
    driver = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  /**
   * Signs in with the form and waits for the page after it (home, or the login page with its
   * message): navigating on at once would abort the sign-in.
   */
  protected void signIn(String username, String password) {
    driver.get(url("/login"));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
    driver.findElement(By.cssSelector("#current-user, #login-error, #login-locked"));
  }

  /** A scripted click: the element may be below the fold of the headless window. */
  protected void click(String css) {
    driver.executeScript("document.querySelector(arguments[0]).click()", css);
  }
}

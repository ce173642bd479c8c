package cn.warmth.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Selenium with explicit paths (Selenium would otherwise try
 * to download a driver, which fails offline). Without Chromium the test is skipped with a hint,
 * except on CI (CI=true), where a missing browser fails the build.
 */
public final class Browser {
  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String DRIVER = "/usr/bin/chromedriver";

  private Browser() {}

  public static ChromeDriver start() {
    if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
      String hint = "Chromium not found: install it with `apt-get install -y chromium chromium-driver` to run browser tests.";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(hint);
      }
      Assumptions.abort(hint);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1000", "--lang=zh-CN");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    return driver;
  }

  /** Keeps a screenshot under target/screenshots for a human to look at. */
  public static void screenshot(ChromeDriver driver, String name) {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    File dir = new File("target/screenshots");
    dir.mkdirs();
    shot.renameTo(new File(dir, name + ".png"));
  }
}

package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.Browser;
import cn.warmth.support.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person in a real browser: signs in, sees the home page, and an administrator the tree. */
@PostgresTest
class BrowserIT {
  @LocalServerPort
  int port;
  ChromeDriver driver;

  @BeforeEach
  void start() {
    driver = Browser.start();
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  void login(String username, String password) {
    driver.get(url("/login"));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
  }

  @Test
  void adminLogsInAndSeesHomeAndTheOrganisationTree() {
    login("admin", "admin-secret-1");
    assertThat(driver.getTitle()).isEqualTo("我的待办");
    assertThat(driver.findElement(By.id("my-org")).getText()).contains("陕西省教科文卫体工会");
    assertThat(driver.findElement(By.id("my-roles")).getText()).contains("系统管理员");
    assertThat(driver.findElement(By.id("no-tasks")).getText()).isEqualTo("暂无待办事项。");
    Browser.screenshot(driver, "home");

    driver.get(url("/admin/orgs"));
    assertThat(driver.findElement(By.id("org-tree")).getText()).contains("陕西省教科文卫体工会");
    Browser.screenshot(driver, "orgs");
  }

  @Test
  void wrongPasswordStaysOnLoginWithAChineseMessage() {
    login("admin", "wrong-password");
    assertThat(driver.findElement(By.id("login-error")).getText()).contains("用户名或密码错误");
  }
}

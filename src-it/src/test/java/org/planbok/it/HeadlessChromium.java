package org.planbok.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (Selenium never downloads a
 * driver or a browser here: the network is closed). A fresh profile per browser; the flags keep
 * Chromium from calling out, which the closed network would refuse.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private final ChromeDriver driver;
  private final Path profile;
  private final Path screenshots;

  private HeadlessChromium(ChromeDriver driver, Path profile, Path screenshots) {
    this.driver = driver;
    this.profile = profile;
    this.screenshots = screenshots;
  }

  /**
   * A browser, or the test skipped when chromedriver is missing on a developer's machine. In CI
   * (the CI variable set) the test runs, and fails if .ci/run did not install Chromium.
   */
  static HeadlessChromium start() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMEDRIVER) || System.getenv("CI") != null,
        "browser test skipped: no "
            + CHROMEDRIVER
            + " (apt-get install -y chromium chromium-driver)");
    Path profile = Files.createTempDirectory("planbok-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        // The console's cookie is Secure by default; Chromium keeps Secure cookies from loopback
        // (a potentially trustworthy origin), and this says so explicitly for the tests' Node 1.
        "--unsafely-treat-insecure-origin-as-secure="
            + System.getProperty("planbok.it.node1", "http://127.0.0.1:8080"),
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    Path screenshots =
        Files.createDirectories(
            Path.of(System.getProperty("planbok.it.screenshots", "target/screenshots")));
    return new HeadlessChromium(new ChromeDriver(service, options), profile, screenshots);
  }

  ChromeDriver driver() {
    return driver;
  }

  WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  /** Text of an element, also when it is not displayed. */
  String text(String id) {
    return byId(id).getAttribute("textContent").strip();
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /**
   * Saves a screenshot of the viewport as target/screenshots/{name}.png, scrolled to an element.
   */
  Path screenshot(String name, String scrollToId) throws IOException {
    if (scrollToId != null) {
      script("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", scrollToId);
    }
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Path target = screenshots.resolve(name + ".png");
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}

package io.github.gradproof.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Debian Chromium, driven by Debian's chromedriver, shared by the tests of a class.
 *
 * <p>Both binaries are named explicitly, so Selenium Manager never looks for (or downloads) a
 * driver. Without them the tests are skipped with a message, except under {@code CI=true}, where a
 * missing browser fails the build.
 */
public final class Browser implements AutoCloseable {

  /** Debian's Chromium (package {@code chromium}); system property {@code gradproof.chromium} overrides. */
  public static final Path CHROMIUM = Path.of(System.getProperty("gradproof.chromium", "/usr/bin/chromium"));
  /** Debian's ChromeDriver (package {@code chromium-driver}); {@code gradproof.chromedriver} overrides. */
  public static final Path CHROMEDRIVER =
      Path.of(System.getProperty("gradproof.chromedriver", "/usr/bin/chromedriver"));
  /** Desktop viewport used unless a test emulates another. */
  public static final int DESKTOP_WIDTH = 1280;
  /** Desktop viewport height. */
  public static final int DESKTOP_HEIGHT = 900;

  private static boolean skipReported;

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  private static Browser shared;

  /**
   * The browser shared by every test class of this run, started on first use and closed when the
   * test JVM exits; skips (or, under {@code CI=true}, fails) the calling test without Chromium.
   * Tests reset what they change (media emulation, viewport) after themselves.
   */
  public static synchronized Browser shared() {
    if (shared == null) {
      Browser browser = start();
      Runtime.getRuntime().addShutdownHook(new Thread(browser::close, "gradproof-browser-close"));
      shared = browser;
    }
    return shared;
  }

  /**
   * Starts the browser, or skips the calling test when Chromium is not installed (fails instead
   * when the environment variable {@code CI} is {@code true}).
   */
  public static Browser start() {
    requireInstalled();
    Path profile;
    try {
      profile = Files.createTempDirectory("gradproof-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT,
        "--force-device-scale-factor=1", "--hide-scrollbars", "--lang=en");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.SEVERE);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .withSilent(true)
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return new Browser(driver, profile);
  }

  private static void requireInstalled() {
    String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString()
        : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER.toString() : null;
    if (missing == null) {
      return;
    }
    String reason = "browser tests need " + missing + " (Debian packages chromium and chromium-driver: "
        + "apt-get install chromium chromium-driver)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(reason + "; CI=true, so a missing browser is a failure, not a skip");
    }
    if (!skipReported) {
      skipReported = true;
      System.err.println("[gradproof] SKIPPED: " + reason);
    }
    Assumptions.abort(reason);
  }

  /** The underlying driver. */
  public ChromeDriver driver() {
    return driver;
  }

  /** Opens a page of the generated site through {@code file://} and clears earlier console output. */
  public void open(Path page) {
    driver.manage().logs().get(LogType.BROWSER);
    driver.get(page.toUri().toString());
  }

  /**
   * Gives the open page's document the keyboard focus before a test presses keys. The shared
   * headless window can be without it: CI once saw the first Tab of two skip-link tests in a row
   * land on no element of the page, while the same tests passed alone and in other runs. Key
   * presses then test the window, not the page. Fails if the document has no focus within two
   * seconds.
   */
  public void focusDocument() {
    driver.switchTo().window(driver.getWindowHandle());
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (!Boolean.TRUE.equals(js("window.focus(); return document.hasFocus();"))) {
      if (System.nanoTime() > deadline) {
        fail("the page's document did not get the keyboard focus within 2 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted while waiting for the page's focus");
      }
    }
  }

  /** Runs a script in the page and returns its result. */
  @SuppressWarnings("unchecked")
  public <T> T js(String script, Object... args) {
    return (T) ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Console messages at SEVERE since the last {@link #open(Path)} or call. */
  public List<String> severeConsoleMessages() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Emulates a CSS media type ({@code ""} for the default, {@code "print"}) and a colour scheme. */
  public void emulateMedia(String media, String colorScheme) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media,
        "features", List.of(Map.of("name", "prefers-color-scheme", "value", colorScheme))));
  }

  /** Back to the screen media type and the light scheme. */
  public void resetMedia() {
    emulateMedia("", "light");
  }

  /** Emulates a phone viewport of the given CSS width (the page's meta viewport applies). */
  public void emulatePhone(int width, int height) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", 1, "mobile", true));
  }

  /** Back to the desktop viewport. */
  public void resetViewport() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  /** Writes a PNG of the page's top-left {@code width} × {@code height} CSS pixels, beyond the viewport. */
  public void screenshotFullPage(Path file, int width, int height) {
    Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
    Map<String, Object> result = driver.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, Base64.getDecoder().decode((String) result.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints the current page to PDF as Chromium's print dialog would (backgrounds off) and returns it. */
  public byte[] printToPdf() {
    return printToPdf(8.5, 11);
  }

  /**
   * Prints the current page to PDF on paper of the given size in inches, with Chromium's default
   * 0.4 in margins and backgrounds off, and returns it.
   */
  public byte[] printToPdf(double paperWidth, double paperHeight) {
    Map<String, Object> result = driver.executeCdpCommand("Page.printToPDF", Map.of("printBackground", false,
        "paperWidth", paperWidth, "paperHeight", paperHeight));
    return Base64.getDecoder().decode((String) result.get("data"));
  }

  /** Counts the pages of a PDF written by Chromium (its page objects are not compressed). */
  public static int pdfPages(byte[] pdf) {
    String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
    return (int) java.util.regex.Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(text).results().count();
  }

  /**
   * For each page of a PDF written by Chromium, whether it paints any text: its content stream
   * (one per page, Flate-compressed) holds a text-showing operator {@code Tj} or {@code TJ}.
   */
  public static List<Boolean> pdfPagesWithText(byte[] pdf) {
    String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher contents = java.util.regex.Pattern.compile("/Contents\\s+(\\d+)\\s+0\\s+R").matcher(text);
    List<Boolean> pages = new java.util.ArrayList<>();
    while (contents.find()) {
      java.util.regex.Matcher object = java.util.regex.Pattern.compile("(?m)^" + contents.group(1)
          + " 0 obj\\s*(<<[^>]*>>)\\s*stream\\r?\\n").matcher(text);
      if (!object.find()) {
        throw new IllegalStateException("PDF content stream " + contents.group(1) + " not found");
      }
      java.util.regex.Matcher length = java.util.regex.Pattern.compile("/Length\\s+(\\d+)").matcher(object.group(1));
      if (!length.find()) {
        throw new IllegalStateException("PDF content stream " + contents.group(1) + " has no direct /Length");
      }
      int start = object.end();
      byte[] stream = java.util.Arrays.copyOfRange(pdf, start, start + Integer.parseInt(length.group(1)));
      byte[] plain = object.group(1).contains("/FlateDecode") ? inflate(stream) : stream;
      String drawn = new String(plain, java.nio.charset.StandardCharsets.ISO_8859_1);
      pages.add(java.util.regex.Pattern.compile("(?<![A-Za-z])T[jJ](?![A-Za-z])").matcher(drawn).find());
    }
    if (pages.size() != pdfPages(pdf)) {
      throw new IllegalStateException(pages.size() + " content streams for " + pdfPages(pdf) + " pages");
    }
    return pages;
  }

  private static byte[] inflate(byte[] data) {
    java.util.zip.Inflater inflater = new java.util.zip.Inflater();
    inflater.setInput(data);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        out.write(buffer, 0, n);
      }
    } catch (java.util.zip.DataFormatException e) {
      throw new IllegalStateException("PDF content stream is not Flate data", e);
    } finally {
      inflater.end();
    }
    return out.toByteArray();
  }

  /**
   * What Chromium's accessibility tree says of an element (its name, description, role), as a
   * screen reader would be told: {@code Accessibility.getPartialAXTree} of its DOM node. The
   * element needs an {@code id}.
   */
  public Map<String, Object> accessibilityNode(WebElement element) {
    Map<String, Object> remote = driver.executeCdpCommand("Runtime.evaluate", Map.of("expression",
        "document.getElementById('" + element.getDomAttribute("id") + "')"));
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) remote.get("result");
    Map<String, Object> node = driver.executeCdpCommand("DOM.describeNode", Map.of("objectId", object.get("objectId")));
    @SuppressWarnings("unchecked")
    Map<String, Object> described = (Map<String, Object>) node.get("node");
    return driver.executeCdpCommand("Accessibility.getPartialAXTree",
        Map.of("backendNodeId", described.get("backendNodeId"), "fetchRelatives", false));
  }

  /**
   * The fonts Chromium drew the text of every element matching {@code selector} with: each font
   * family's name and how many glyphs it drew ({@code CSS.getPlatformFontsForNode}), summed over
   * the elements, so that a fallback font the stylesheet never named shows up too.
   */
  public Map<String, Integer> platformFonts(String selector) {
    driver.executeCdpCommand("DOM.enable", Map.of());
    driver.executeCdpCommand("CSS.enable", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) driver.executeCdpCommand("DOM.getDocument", Map.of("depth", 0))
        .get("root");
    @SuppressWarnings("unchecked")
    List<Number> nodes = (List<Number>) driver.executeCdpCommand("DOM.querySelectorAll",
        Map.of("nodeId", root.get("nodeId"), "selector", selector)).get("nodeIds");
    Map<String, Integer> fonts = new java.util.TreeMap<>();
    for (Number node : nodes) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> used = (List<Map<String, Object>>) driver.executeCdpCommand(
          "CSS.getPlatformFontsForNode", Map.of("nodeId", node)).get("fonts");
      for (Map<String, Object> font : used) {
        fonts.merge((String) font.get("familyName"), ((Number) font.get("glyphCount")).intValue(), Integer::sum);
      }
    }
    return fonts;
  }

  /** Opens every {@code details} element of the page. */
  public void openAllDetails() {
    js("document.querySelectorAll('details').forEach(d => d.open = true);");
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temporary profile is harmless
    }
  }
}

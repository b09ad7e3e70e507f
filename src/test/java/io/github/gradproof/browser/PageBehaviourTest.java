package io.github.gradproof.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.browser.Contrast.Rgba;
import io.github.gradproof.diag.Plural;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The generated pages in headless Chromium, opened from disk: answers start collapsed and open by
 * mouse and keyboard, the language switcher keeps the page, tables and plots are really laid
 * out, nothing logs an error, a phone needs no sideways scrolling, both colour schemes keep
 * text readable, and printing shows the answers. Screenshots go to {@code target/screenshots/}.
 */
class PageBehaviourTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final int PHONE_WIDTH = 390;
  private static final int PHONE_HEIGHT = 844;
  private static final double MIN_CONTRAST = 4.5;

  private static Browser browser;

  @BeforeAll
  static void generateSite() {
    TestSite.root();
  }

  /** The shared browser, fetched by each test so that without Chromium every test reports itself skipped. */
  @BeforeEach
  void startBrowser() {
    browser = Browser.shared();
  }


  @AfterEach
  void reset() {
    if (browser == null) {
      return;
    }
    browser.resetMedia();
    browser.resetViewport();
  }

  static List<String> languages() {
    return TestSite.languages();
  }

  static List<Path> pages() {
    return TestSite.htmlPages();
  }

  private List<WebElement> answers() {
    List<WebElement> answers = browser.driver().findElements(By.cssSelector("details.answer"));
    assertFalse(answers.isEmpty(), "the phase page has answers");
    return answers;
  }

  /** The body an answer's {@code details} discloses: the element right after it. */
  private static WebElement answerBody(WebElement details) {
    return details.findElement(By.xpath("following-sibling::*[1][contains(concat(' ', @class, ' '), ' answer-body ')]"));
  }

  private static boolean isOpen(WebElement details) {
    return details.getDomProperty("open").equals("true");
  }

  /** Width and height of an element's border box, in CSS pixels. */
  private Map<String, Number> size(WebElement element) {
    return browser.js("const r = arguments[0].getBoundingClientRect(); return {w: r.width, h: r.height};", element);
  }

  /**
   * Whether an element is rendered with a non-zero box. {@code checkVisibility()} is false inside
   * a closed {@code details}, whose content Chromium keeps laid out but skips
   * ({@code content-visibility: hidden}), so geometry alone would not tell.
   */
  private boolean hasArea(WebElement element) {
    Map<String, Number> size = size(element);
    boolean visible = browser.js("return arguments[0].checkVisibility();", element);
    return visible && size.get("w").doubleValue() > 0 && size.get("h").doubleValue() > 0;
  }

  @ParameterizedTest
  @MethodSource("languages")
  void everyAnswerIsCollapsedAtLoad(String language) {
    browser.open(TestSite.phasePage(language));
    for (WebElement details : answers()) {
      assertFalse(isOpen(details), "answer starts closed");
      assertFalse(hasArea(answerBody(details)), "closed answer takes no space");
      assertTrue(details.findElement(By.tagName("summary")).isDisplayed(), "its summary is visible");
    }
  }

  @ParameterizedTest
  @MethodSource("languages")
  void clickingASummaryRevealsItsAnswer(String language) {
    browser.open(TestSite.phasePage(language));
    for (WebElement details : answers()) {
      details.findElement(By.tagName("summary")).click();
      assertTrue(isOpen(details), "click opens the answer");
      WebElement body = answerBody(details);
      assertTrue(body.isDisplayed() && hasArea(body), "the opened answer is shown");
    }
  }

  @ParameterizedTest
  @MethodSource("languages")
  void enterOnAFocusedSummaryRevealsItsAnswer(String language) {
    browser.open(TestSite.phasePage(language));
    browser.focusDocument();
    for (WebElement details : answers()) {
      WebElement summary = details.findElement(By.tagName("summary"));
      browser.js("arguments[0].focus();", summary);
      assertEquals(summary, browser.driver().switchTo().activeElement(), "the summary takes keyboard focus");
      new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
      assertTrue(isOpen(details), "Enter opens the answer");
      assertTrue(hasArea(answerBody(details)), "the opened answer is shown");
      new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
      assertFalse(isOpen(details), "Enter again closes it");
    }
  }

  @Test
  void keyboardUserReachesTheFirstAnswerByTabbing() {
    browser.open(TestSite.phasePage(languages().get(0)));
    browser.focusDocument();
    WebElement first = answers().get(0).findElement(By.tagName("summary"));
    List<String> path = new ArrayList<>();
    for (int presses = 0; presses < 100; presses++) {
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
      path.add(browser.js("const e = document.activeElement; return e.tagName + '.' + e.className;"));
      if (browser.driver().switchTo().activeElement().equals(first)) {
        return;
      }
    }
    throw new AssertionError("100 Tab presses never reached the first answer's summary: " + path);
  }

  @ParameterizedTest
  @MethodSource("pages")
  void skipLinkIsFirstAndMovesFocusToTheContent(Path page) {
    browser.open(page);
    browser.focusDocument();
    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    WebElement skip = browser.driver().switchTo().activeElement();
    assertEquals("skip-link", skip.getDomAttribute("class"), () -> "the first Tab stop is the skip link; focus is on "
        + browser.js("const e = document.activeElement; return e.tagName + (e.id ? '#' + e.id : '')"
            + " + ', document focused: ' + document.hasFocus();"));
    assertTrue(hasArea(skip) && skip.getRect().getX() >= 0, "the focused skip link is on screen");
    new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
    assertEquals("main", browser.driver().switchTo().activeElement().getDomAttribute("id"), "focus lands on main");
  }

  @Test
  void switcherLandsOnTheSamePageInTheOtherLanguageAndBack() {
    List<String> languages = languages();
    String from = languages.get(0);
    String to = languages.get(1);
    for (Path page : List.of(TestSite.phasePage(from), TestSite.root().resolve(from).resolve("index.html"))) {
      browser.open(page);
      followSwitcher(to, page.getFileName().toString());
      followSwitcher(from, page.getFileName().toString());
    }
  }

  private void followSwitcher(String language, String fileName) {
    browser.driver().findElement(By.cssSelector("a.lang-switch")).click();
    String expected = "/" + language + "/" + fileName;
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(expected));
    assertEquals(language, browser.driver().findElement(By.tagName("html")).getDomAttribute("lang"));
  }

  @ParameterizedTest
  @MethodSource("languages")
  void verificationTableAndPlotHaveSizeOnceOpened(String language) {
    browser.open(TestSite.phasePage(language));
    List<WebElement> tables = browser.driver().findElements(By.cssSelector("table.proof-table"));
    List<WebElement> plots = browser.driver().findElements(By.cssSelector("figure.plot svg"));
    assertFalse(tables.isEmpty(), "the page has verification tables");
    assertFalse(plots.isEmpty(), "the page has a convergence plot");
    assertFalse(hasArea(plots.get(0)), "the plot is hidden while its answer is closed");
    for (WebElement details : answers()) {
      details.findElement(By.tagName("summary")).click();
    }
    for (WebElement table : tables) {
      assertTrue(hasArea(table), "verification table laid out: " + size(table));
      assertTrue(table.findElements(By.cssSelector("tbody tr")).size() > 0, "table has rows");
    }
    for (WebElement plot : plots) {
      Map<String, Number> size = size(plot);
      assertTrue(size.get("w").doubleValue() > 100 && size.get("h").doubleValue() > 60, "plot laid out: " + size);
    }
  }

  @ParameterizedTest
  @MethodSource("pages")
  void noConsoleErrors(Path page) {
    browser.open(page);
    browser.openAllDetails();
    List<String> errors = browser.severeConsoleMessages();
    assertTrue(errors.isEmpty(), TestSite.name(page) + " logged: " + errors);
  }

  static List<Path> readerPages() {
    return TestSite.readerPages();
  }

  /**
   * At a phone's width, with every answer and detail open, the page does not scroll sideways and
   * no element reaches past the viewport's right edge, not even inside a scrolling box, save one:
   * a claim's math wider than any phone (MathML does not break lines) scrolls inside its own cell,
   * which stays on screen, so the verdict under it does too.
   */
  @ParameterizedTest
  @MethodSource("readerPages")
  void phoneWidthHasNoHorizontalScroll(Path page) {
    browser.emulatePhone(PHONE_WIDTH, PHONE_HEIGHT);
    TestSite.open(browser, page);
    browser.openAllDetails();
    Map<String, Number> widths = browser.js("const e = document.documentElement;"
        + " return {scroll: e.scrollWidth, client: e.clientWidth, inner: window.innerWidth};");
    assertEquals(PHONE_WIDTH, widths.get("inner").intValue(), "the emulated viewport is a phone's");
    assertTrue(widths.get("scroll").intValue() <= widths.get("client").intValue(),
        TestSite.name(page) + " scrolls sideways at " + PHONE_WIDTH + " px: " + widths + "; widest: " + pastTheEdge());
    assertEquals(List.of(), pastTheEdge(), TestSite.name(page) + ": elements past the right edge at " + PHONE_WIDTH + " px");
  }

  /**
   * Every rendered element whose box ends right of the viewport (0.5 px allowed for rounding), but
   * for the math inside a claim's cell that scrolls and is itself on screen.
   */
  private List<String> pastTheEdge() {
    return browser.js("""
        const width = document.documentElement.clientWidth;
        const out = [];
        for (const e of document.querySelectorAll('body *')) {
          const cell = e.closest('td.claim');
          if (cell && cell !== e && getComputedStyle(cell).overflowX === 'auto'
              && cell.getBoundingClientRect().right <= width + 0.5) continue;
          const r = e.getBoundingClientRect();
          if (r.width > 0 && r.height > 0 && r.right > width + 0.5 && e.checkVisibility())
            out.push(e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className ? '.' + e.className : '')
              + ' "' + e.textContent.trim().slice(0, 30) + '" right=' + Math.round(r.right) + ' of ' + width);
        }
        return out;""");
  }

  @ParameterizedTest
  @MethodSource("languages")
  void bothColourSchemesKeepTextContrast(String language) {
    for (String scheme : List.of("light", "dark")) {
      browser.emulateMedia("", scheme);
      browser.open(TestSite.phasePage(language));
      browser.openAllDetails();
      Rgba page = Rgba.parse(browser.js("return getComputedStyle(document.body).backgroundColor;"));
      if (scheme.equals("dark")) {
        assertTrue(page.luminance() < 0.05, "dark scheme took effect: body background " + page);
      } else {
        assertTrue(page.luminance() > 0.9, "light scheme: body background " + page);
      }
      List<String> failures = new ArrayList<>();
      double lowest = Double.POSITIVE_INFINITY;
      String lowestWhat = "";
      List<Map<String, Object>> samples = browser.js(CONTRAST_SAMPLES);
      assertTrue(samples.size() >= 10, "sampled text of body, headings, tables and plot: " + samples.size());
      for (Map<String, Object> sample : samples) {
        @SuppressWarnings("unchecked")
        List<String> backgrounds = (List<String>) sample.get("backgrounds");
        Rgba background = Contrast.effectiveBackground(backgrounds, page);
        Rgba text = Rgba.parse((String) sample.get("color")).over(background);
        double ratio = Contrast.ratio(text, background);
        if (ratio < lowest) {
          lowest = ratio;
          lowestWhat = (String) sample.get("what");
        }
        if (ratio < MIN_CONTRAST) {
          failures.add(String.format(java.util.Locale.ROOT, "%s: %s on %s = %.2f", sample.get("what"), text,
              background, ratio));
        }
      }
      System.out.printf(java.util.Locale.ROOT, "[contrast] %s %s: %d samples, lowest %.2f (%s)%n", language, scheme,
          samples.size(), lowest, lowestWhat);
      assertTrue(failures.isEmpty(), language + " " + scheme + ": contrast below " + MIN_CONTRAST + ": " + failures);
    }
  }

  /**
   * For the first element matching each selector with text: its text colour (SVG fill for plot
   * labels) and the background colours from it up to the root.
   */
  private static final String CONTRAST_SAMPLES = """
      const selectors = ['body', 'h1', 'h2', '.summary p', 'p.source', 'p.source code', '.kind', 'a.lang-switch',
        '.crumbs a', '.crumbs [aria-current]', '.toc a', '.prompt', '.choices li', 'details.answer > summary',
        '.answer-body p', '.verification h3', '.proof-summary', '.proof-note', '.keyed-mark',
        'table.proof-table thead th', 'table.proof-table tbody th', 'table.proof-table td.claim',
        'tr.verdict-holds .verdict-name', 'tr.verdict-false .verdict-name', 'tr.verdict-not-checkable .verdict-name',
        'tr.verdict-false .reason', 'tr.verdict-false .reason code', 'details.proof-details > summary', '.verify-note',
        '.proof-sizes', 'table.technical-table th', 'table.technical-table td', 'table.technical-table td code',
        '.agrees-no', 'figure.plot figcaption', 'figure.plot text', '.site-footer p'];
      const out = [];
      for (const s of selectors) {
        const e = document.querySelector(s);
        if (!e || !e.textContent.trim()) continue;
        const style = getComputedStyle(e);
        const color = e instanceof SVGElement ? style.fill : style.color;
        const backgrounds = [];
        for (let n = e; n; n = n.parentElement) backgrounds.push(getComputedStyle(n).backgroundColor);
        out.push({what: s, color: color, backgrounds: backgrounds});
      }
      return out;""";

  @ParameterizedTest
  @MethodSource("languages")
  void printingShowsTheAnswersWithoutClicking(String language) {
    browser.emulateMedia("print", "light");
    browser.open(TestSite.phasePage(language));
    for (WebElement details : answers()) {
      assertFalse(isOpen(details), "printing does not need the answer opened");
      WebElement body = answerBody(details);
      assertTrue(hasArea(body), "answer printed: " + size(body));
      assertFalse(details.findElement(By.tagName("summary")).isDisplayed(), "the 'show answer' control is not printed");
    }
    for (WebElement table : browser.driver().findElements(By.cssSelector("table.proof-table"))) {
      assertTrue(hasArea(table), "verification table printed");
    }
  }

  @ParameterizedTest
  @MethodSource("languages")
  void printedPdfCarriesTheAnswers(String language) {
    browser.open(TestSite.phasePage(language));
    int withAnswers = Browser.pdfPages(browser.printToPdf());
    browser.js("const s = document.createElement('style');"
        + " s.textContent = '.answer-body { display: none !important }';"
        + " document.head.appendChild(s);");
    int withoutAnswers = Browser.pdfPages(browser.printToPdf());
    System.out.println("[print] " + language + ": " + Plural.count(withAnswers, "PDF page") + " with answers, "
        + withoutAnswers + " without");
    assertTrue(withoutAnswers >= 1, "the PDF has pages: " + withoutAnswers);
    assertTrue(withAnswers > withoutAnswers,
        "printing adds the answers' pages: " + withAnswers + " pages with, " + withoutAnswers + " without");
  }

  @Test
  void screenshotsOfBothLanguages() throws IOException {
    List<Path> written = new ArrayList<>(DocScreenshots.shoot(browser, TestSite.root(),
        TestSite.phasePage(languages().get(0)).getFileName().toString().replace(".html", ""), SCREENSHOTS, languages()));
    for (String language : languages()) {
      Path page = TestSite.phasePage(language);
      browser.emulateMedia("", "dark");
      browser.open(page);
      browser.openAllDetails();
      written.add(shoot(language + "-phase-dark.png"));
      browser.emulateMedia("print", "light");
      browser.open(page);
      written.add(shoot(language + "-phase-print.png"));
      browser.resetMedia();
      browser.open(TestSite.root().resolve(language).resolve("index.html"));
      written.add(shoot(language + "-index-light.png"));
    }
    browser.open(TestSite.root().resolve("index.html"));
    written.add(shoot("root-light.png"));
    for (Path file : written) {
      byte[] png = Files.readAllBytes(file);
      assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', file + " is a PNG");
    }
  }

  private Path shoot(String name) {
    Map<String, Number> extent = browser.js("const e = document.documentElement;"
        + " return {w: e.scrollWidth, h: e.scrollHeight};");
    Path file = SCREENSHOTS.resolve(name);
    browser.screenshotFullPage(file, extent.get("w").intValue(), extent.get("h").intValue());
    return file;
  }
}

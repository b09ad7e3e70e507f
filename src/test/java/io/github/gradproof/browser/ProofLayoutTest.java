package io.github.gradproof.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.Plural;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The compact proof as laid out by Chromium: at a phone's 390 px and a desktop's 1280 px every
 * cell of every proof table (choice, claim, verdict with its reason) is on screen without
 * scrolling, and so is every cell of the technical details once opened; the tables keep their
 * table semantics when the phone layout restacks them; the plot's labels are readable on a
 * phone; and printing fits every table to the paper, never leaving a page to the footer alone.
 */
class ProofLayoutTest {

  private static final int PHONE_HEIGHT = 844;
  /** The printable width of a Letter page with Chromium's default 0.4 in margins, in CSS pixels. */
  private static final int LETTER_PRINTABLE = (int) Math.floor((8.5 - 2 * 0.4) * 96);
  /** The same for A4 (210 mm). */
  private static final int A4_PRINTABLE = (int) Math.floor((210 / 25.4 - 2 * 0.4) * 96);
  private static final double MIN_LABEL_PX = 12;

  private static Browser browser;

  /** The shared browser, fetched by each test so that without Chromium every test reports itself skipped. */
  @BeforeEach
  void startBrowser() {
    TestSite.root();
    browser = Browser.shared();
  }

  @AfterEach
  void reset() {
    if (browser != null) {
      browser.resetMedia();
      browser.resetViewport();
    }
  }

  static Stream<Arguments> widthsAndLanguages() {
    List<Arguments> cases = new ArrayList<>();
    for (int width : DocScreenshots.WIDTHS) {
      for (String language : TestSite.languages()) {
        cases.add(Arguments.of(width, language));
      }
    }
    return cases.stream();
  }

  static List<String> languages() {
    return TestSite.languages();
  }

  /** Every cell of the tables matching {@code selector} that is not wholly inside the viewport, or is empty. */
  private List<String> cellsOffScreen(String selector) {
    return browser.js("""
        const width = document.documentElement.clientWidth;
        const out = [];
        for (const table of document.querySelectorAll(arguments[0])) {
          const id = table.closest('section.question').id;
          const scroller = table.closest('.table-scroll');
          if (scroller && scroller.scrollWidth > scroller.clientWidth) out.push(id + ': the table scrolls sideways');
          for (const cell of table.querySelectorAll('th, td')) {
            if (cell.closest('thead')) continue;
            const r = cell.getBoundingClientRect();
            if (r.width <= 0 || r.height <= 0 || r.left < 0 || r.right > width + 0.5)
              out.push(id + ': ' + cell.className + ' "' + cell.textContent.trim().slice(0, 30) + '" at '
                + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + width);
          }
        }
        return out;""", selector);
  }

  @ParameterizedTest(name = "{1} at {0} px")
  @MethodSource("widthsAndLanguages")
  void everyColumnOfTheProofIsOnScreen(int width, String language) {
    browser.emulatePhone(width, PHONE_HEIGHT);
    browser.open(TestSite.phasePage(language));
    browser.js("document.querySelectorAll('details.answer').forEach(d => d.open = true);");
    List<WebElement> tables = browser.driver().findElements(By.cssSelector("table.proof-table"));
    assertFalse(tables.isEmpty());
    for (WebElement table : tables) {
      assertEquals(3, table.findElements(By.cssSelector("thead th")).size(), "choice, claim, verdict");
      assertFalse(table.findElement(By.cssSelector("td.verdict")).getText().isBlank(), "a verdict is shown");
    }
    assertEquals(List.of(), cellsOffScreen("table.proof-table"));
    for (WebElement details : browser.driver().findElements(By.cssSelector("details.proof-details"))) {
      assertFalse(details.getDomProperty("open").equals("true"), "the technical figures start one click deeper");
      assertFalse(details.findElement(By.cssSelector("table.technical-table")).isDisplayed());
      details.findElement(By.tagName("summary")).click();
      assertTrue(details.findElement(By.cssSelector("table.technical-table")).isDisplayed(), "opened by a click");
    }
    assertEquals(List.of(), cellsOffScreen("table.technical-table"));
  }

  /** The roles Chromium's accessibility tree gives the cells of the first proof and technical tables. */
  private List<String> roles(String selector) {
    Map<String, Object> tree = browser.driver().executeCdpCommand("Accessibility.getFullAXTree", Map.of());
    List<String> cells = browser.js("return [...document.querySelector(arguments[0]).querySelectorAll('th, td')]"
        + ".map(c => c.textContent.trim());", selector);
    List<String> roles = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> nodes = (List<Map<String, Object>>) tree.get("nodes");
    for (Map<String, Object> node : nodes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> role = (Map<String, Object>) node.get("role");
      String value = role == null ? "" : String.valueOf(role.get("value"));
      if (List.of("cell", "gridcell", "rowheader", "columnheader").contains(value)) {
        roles.add(value);
      }
    }
    assertFalse(cells.isEmpty(), selector);
    return roles;
  }

  @ParameterizedTest(name = "at {0} px")
  @MethodSource("io.github.gradproof.browser.DocScreenshots#widths")
  void thePhoneLayoutKeepsTableSemantics(int width) {
    browser.emulatePhone(width, PHONE_HEIGHT);
    browser.open(TestSite.phasePage(languages().get(0)));
    browser.openAllDetails();
    List<String> roles = roles("table.proof-table");
    assertTrue(roles.contains("columnheader") && roles.contains("cell") && roles.contains("rowheader"),
        "screen readers still get a table with headers at " + width + " px: " + roles);
  }

  @ParameterizedTest
  @MethodSource("languages")
  void thePlotIsReadableOnAPhoneAndNamesTheStepAsTheTextDoes(String language) {
    browser.emulatePhone(DocScreenshots.WIDTHS.get(0), PHONE_HEIGHT);
    browser.open(TestSite.phasePage(language));
    browser.openAllDetails();
    List<Map<String, Object>> labels = browser.js("""
        return [...document.querySelectorAll('figure.plot svg text')].map(t => ({
          text: t.textContent,
          px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(t.getScreenCTM().a, t.getScreenCTM().b)}));""");
    assertFalse(labels.isEmpty(), "the fixture has a plot");
    for (Map<String, Object> label : labels) {
      double px = ((Number) label.get("px")).doubleValue();
      assertTrue(px >= MIN_LABEL_PX, "plot label rendered at " + px + " px on a phone: " + label.get("text"));
    }
    assertTrue(labels.stream().anyMatch(l -> String.valueOf(l.get("text")).contains("ε")),
        "the step is called ε, as in the questions' text: " + labels);
  }

  @ParameterizedTest(name = "{0} on {1} px of paper")
  @MethodSource("printWidths")
  void printingFitsEveryTableToThePage(String language, int printable) {
    browser.emulatePhone(printable, 1000);
    browser.emulateMedia("print", "light");
    browser.open(TestSite.phasePage(language));
    assertEquals(List.of(), cellsOffScreen("table.proof-table"));
    Map<String, Number> widths = browser.js("const e = document.documentElement;"
        + " return {scroll: e.scrollWidth, client: e.clientWidth};");
    assertTrue(widths.get("scroll").intValue() <= widths.get("client").intValue(), "nothing wider than the paper: "
        + widths);
  }

  static Stream<Arguments> printWidths() {
    List<Arguments> cases = new ArrayList<>();
    for (String language : TestSite.languages()) {
      cases.add(Arguments.of(language, LETTER_PRINTABLE));
      cases.add(Arguments.of(language, A4_PRINTABLE));
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("languages")
  void theFooterNeverTakesAPageOfItsOwn(String language) {
    browser.open(TestSite.phasePage(language));
    int pages = Browser.pdfPages(browser.printToPdf());
    browser.js("document.querySelector('.site-footer').style.display = 'none';");
    int withoutFooter = Browser.pdfPages(browser.printToPdf());
    System.out.println("[print] " + language + ": " + Plural.count(pages, "page") + ", " + withoutFooter
        + " without the footer");
    assertEquals(withoutFooter, pages, "the footer shares the last page with the last answer");
  }
}

package io.github.gradproof.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.CourseFixture;
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

  /**
   * Every body cell of the tables matching {@code selector} whose content reaches past its
   * padding: a label such as "respuesta" running into its column's border, or past it.
   */
  private List<String> textOutsideItsCell(String selector) {
    return browser.js("""
        const out = [];
        for (const table of document.querySelectorAll(arguments[0])) {
          for (const cell of table.querySelectorAll('tbody th, tbody td')) {
            const box = cell.getBoundingClientRect(), style = getComputedStyle(cell);
            const left = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
            const right = box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
            const range = document.createRange();
            range.selectNodeContents(cell);
            for (const r of range.getClientRects()) {
              if (r.width > 0 && (r.left < left - 0.5 || r.right > right + 0.5)) {
                out.push(table.closest('section.question').id + ': "' + cell.textContent.trim().slice(0, 30) + '" spans '
                  + Math.round(r.left) + '..' + Math.round(r.right) + ', its cell holds ' + Math.round(left) + '..'
                  + Math.round(right));
                break;
              }
            }
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
    assertEquals(List.of(), textOutsideItsCell("table.proof-table"), "every label and claim stays inside its cell");
    for (WebElement details : browser.driver().findElements(By.cssSelector("details.proof-details"))) {
      assertFalse(details.getDomProperty("open").equals("true"), "the technical figures start one click deeper");
      assertFalse(details.findElement(By.cssSelector("table.technical-table")).isDisplayed());
      details.findElement(By.tagName("summary")).click();
      assertTrue(details.findElement(By.cssSelector("table.technical-table")).isDisplayed(), "opened by a click");
    }
    assertEquals(List.of(), cellsOffScreen("table.technical-table"));
  }

  /**
   * The outside tester's long reason (r5): beside a claim too wide for the page (the table then
   * scrolls), a false verdict's reason quoting long code keeps a verdict column of 20rem, its code
   * wraps inside the cell, and the row stays a few lines tall instead of a column of single words.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("languages")
  void aLongReasonBesideALongClaimReadsInLines(String language) {
    browser.emulatePhone(Browser.DESKTOP_WIDTH, PHONE_HEIGHT);
    browser.open(TestSite.phasePage(language));
    browser.openAllDetails();
    String code = "(2 * a[:, :, :, None, :, None] * ones((1, 1, 1, 2, 1, 2))).reshape(2, 3, 2 * P, 2 * Q) / 4";
    Map<String, Object> row = browser.js("""
        const row = document.querySelector('table.proof-table tr.verdict-false');
        const wide = document.createElement('span');
        wide.style.display = 'inline-block';
        wide.style.width = '1500px';
        wide.textContent = 'claim';
        row.querySelector('td.claim').replaceChildren(wide);
        const reason = row.querySelector('td.verdict .reason');
        reason.replaceChildren();
        for (let i = 0; i < 2; i++) {
          const c = document.createElement('code');
          c.textContent = arguments[0];
          reason.append(c, ' has shape (2, 3, 2*P, 2*Q) = (2, 3, 6, 4) and ');
        }
        const verdict = row.querySelector('td.verdict').getBoundingClientRect();
        const lines = parseFloat(getComputedStyle(reason).lineHeight);
        return {id: row.closest('section.question').id, width: verdict.width, height: verdict.height, lines: lines,
          rem: parseFloat(getComputedStyle(document.documentElement).fontSize)};""", code);
    double width = ((Number) row.get("width")).doubleValue();
    double rem = ((Number) row.get("rem")).doubleValue();
    assertTrue(width >= 20 * rem - 0.5, "the verdict column is " + width + " px wide: " + row);
    assertTrue(((Number) row.get("height")).doubleValue() < 12 * ((Number) row.get("lines")).doubleValue(),
        "the reason reads in lines, not a column of words: " + row);
    assertEquals(List.of(), textOutsideItsCell("table.proof-table"), "the long code wraps inside its cell");
  }

  /** The widths of the outside review's wide claim: a phone (375 and 390 px) and a desktop. */
  static Stream<Arguments> wideClaimWidthsAndLanguages() {
    List<Arguments> cases = new ArrayList<>();
    for (int width : List.of(375, 390, Browser.DESKTOP_WIDTH)) {
      for (String language : TestSite.languages()) {
        cases.add(Arguments.of(width, language));
      }
    }
    return cases.stream();
  }

  /**
   * The outside review's wide claim: a batched softmax cross-entropy gradient written out is about
   * 1,600 px of math ({@code CourseFixture.WIDE_CLAIMS_PAGE}). Beside it, every verdict (its name
   * and its reason) lies wholly inside the viewport without the reader scrolling anything, at a
   * desktop's width and on a phone; the claim keeps its whole width (it scrolls in the table's
   * region, never squeezed or cut), and the page itself never scrolls sideways.
   */
  @ParameterizedTest(name = "{1} at {0} px")
  @MethodSource("wideClaimWidthsAndLanguages")
  void theVerdictBesideAVeryWideClaimIsOnScreen(int width, String language) {
    browser.emulatePhone(width, PHONE_HEIGHT);
    browser.open(TestSite.root().resolve(language).resolve(CourseFixture.WIDE_CLAIMS_PAGE + ".html"));
    browser.js("document.querySelectorAll('details.answer').forEach(d => d.open = true);");
    List<Map<String, Object>> rows = browser.js("""
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('table.proof-table tbody tr')].map(row => {
          const v = row.querySelector('td.verdict').getBoundingClientRect();
          const name = row.querySelector('.verdict-name').getBoundingClientRect();
          const math = row.querySelector('td.claim math').getBoundingClientRect();
          return {verdict: row.querySelector('td.verdict').textContent.trim().slice(0, 40),
            left: v.left, right: v.right, nameLeft: name.left, nameRight: name.right, width: width,
            math: math.width, page: document.documentElement.scrollWidth};
        });""");
    assertEquals(2, rows.size(), "the fixture's two wide claims");
    for (Map<String, Object> row : rows) {
      double viewport = edge(row, "width");
      assertTrue(edge(row, "math") >= 1500, "the fixture's claim is about 1,600 px of math: " + row);
      assertTrue(edge(row, "left") >= 0 && edge(row, "right") <= viewport + 0.5,
          "the verdict cell lies inside the " + width + "-px viewport: " + row);
      assertTrue(edge(row, "nameLeft") >= 0 && edge(row, "nameRight") <= viewport + 0.5,
          "the verdict's name is on screen: " + row);
      assertTrue(edge(row, "page") <= viewport, "the page does not scroll sideways: " + row);
    }
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

  /**
   * The plot at a phone's and a desktop's width: every label renders at {@value #MIN_LABEL_PX} px
   * or more, lies wholly inside the drawing (nothing clipped at its edges) and overlaps no other
   * label, and the step is called ε as in the questions' text.
   */
  @ParameterizedTest(name = "{1} at {0} px")
  @MethodSource("widthsAndLanguages")
  void thePlotIsReadableAndNamesTheStepAsTheTextDoes(int width, String language) {
    browser.emulatePhone(width, PHONE_HEIGHT);
    browser.open(TestSite.phasePage(language));
    browser.openAllDetails();
    List<Map<String, Object>> labels = browser.js("""
        return [...document.querySelectorAll('figure.plot svg text')].map(t => {
          const m = t.getScreenCTM(), r = t.getBoundingClientRect(), s = t.ownerSVGElement.getBoundingClientRect();
          return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
            inside: r.left >= s.left && r.top >= s.top && r.right <= s.right && r.bottom <= s.bottom,
            left: r.left, right: r.right, top: r.top, bottom: r.bottom};
        });""");
    assertFalse(labels.isEmpty(), "the fixture has a plot");
    for (Map<String, Object> label : labels) {
      double px = ((Number) label.get("px")).doubleValue();
      assertTrue(px >= MIN_LABEL_PX, "plot label rendered at " + px + " px at " + width + " px: " + label.get("text"));
      assertEquals(Boolean.TRUE, label.get("inside"), "plot label clipped at the drawing's edge: " + label);
      for (Map<String, Object> other : labels) {
        if (other != label) {
          assertFalse(overlap(label, other), "plot labels overlap: " + label + " and " + other);
        }
      }
    }
    assertTrue(labels.stream().anyMatch(l -> String.valueOf(l.get("text")).contains("ε")),
        "the step is called ε, as in the questions' text: " + labels);
  }

  private static boolean overlap(Map<String, Object> a, Map<String, Object> b) {
    return edge(a, "left") < edge(b, "right") && edge(b, "left") < edge(a, "right")
        && edge(a, "top") < edge(b, "bottom") && edge(b, "top") < edge(a, "bottom");
  }

  private static double edge(Map<String, Object> box, String side) {
    return ((Number) box.get(side)).doubleValue();
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

  /** Letter and A4, in inches, as Chromium's print dialog offers them. */
  private static final Map<String, double[]> PAPERS = Map.of("Letter", new double[] {8.5, 11},
      "A4", new double[] {210 / 25.4, 297 / 25.4});

  static Stream<Arguments> phasePagesAndPapers() {
    List<Arguments> cases = new ArrayList<>();
    for (String language : TestSite.languages()) {
      for (java.nio.file.Path page : TestSite.phasePages(language)) {
        for (String paper : List.of("Letter", "A4")) {
          cases.add(Arguments.of(TestSite.name(page), paper));
        }
      }
    }
    return cases.stream();
  }

  /**
   * On paper the footer heads the first page, right above the title, so the last page always
   * holds the end of the last answer: a page with only the footer cannot occur. Checked on the
   * print layout, and in Chromium's PDF of the page on Letter and A4 paper.
   */
  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("phasePagesAndPapers")
  void theFooterNeverTakesAPageOfItsOwn(String page, String paper) {
    browser.emulateMedia("print", "light");
    browser.open(TestSite.root().resolve(page));
    Map<String, Number> boxes = browser.js("const f = document.querySelector('.site-footer').getBoundingClientRect();"
        + " const h = document.querySelector('h1').getBoundingClientRect(); const m = document.querySelector('main');"
        + " return {footerBottom: f.bottom, footerHeight: f.height, titleTop: h.top, mainBottom: m.getBoundingClientRect().bottom};");
    System.out.println("[print] " + page + " on " + paper + ": " + boxes);
    assertTrue(boxes.get("footerHeight").doubleValue() > 0, "the footer is printed: " + boxes);
    assertTrue(boxes.get("footerBottom").doubleValue() <= boxes.get("titleTop").doubleValue(),
        "the footer heads the printed page, above the title: " + boxes);
    browser.resetMedia();
    double[] size = PAPERS.get(paper);
    // The footer laid out but not painted: every page must still paint text of its own.
    browser.js("document.querySelector('.site-footer').style.visibility = 'hidden';");
    List<Boolean> text = Browser.pdfPagesWithText(browser.printToPdf(size[0], size[1]));
    System.out.println("[print] " + page + " on " + paper + ": " + Plural.count(text.size(), "page"));
    assertFalse(text.contains(false), "a printed page holds nothing but the footer: pages with other text " + text);
  }

  @org.junit.jupiter.api.Test
  void aPageHoldingOnlyTheFooterIsFound() {
    // The test above can fail: a footer pushed onto a page of its own leaves that page without text.
    browser.open(TestSite.phasePage(languages().get(0)));
    browser.js("const s = document.createElement('style');"
        + " s.textContent = '@media print { .site-footer { position: static; break-before: page; } }';"
        + " document.head.appendChild(s); document.querySelector('.site-footer').style.visibility = 'hidden';");
    List<Boolean> text = Browser.pdfPagesWithText(browser.printToPdf());
    assertTrue(text.size() >= 2 && text.get(0) && !text.get(text.size() - 1), "pages with text: " + text);
  }
}

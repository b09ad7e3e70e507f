package io.github.gradproof.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.CourseFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * axe-core on every page of the generated site in Chromium (root, indexes, phase pages with every
 * question kind, the published variant's 404 page, in every language): zero moderate, serious or
 * critical violations, with answers closed and open, in the light and the dark colour scheme.
 * Minor findings are printed.
 */
class AccessibilityTest {

  private static Browser browser;
  private static Axe axe;

  @BeforeAll
  static void generateSite() {
    TestSite.root();
    axe = Axe.load();
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
  }

  /** Every page with answers closed and open, and every page open in the dark scheme. */
  static Stream<Arguments> views() {
    List<Arguments> views = new ArrayList<>();
    for (Path page : TestSite.readerPages()) {
      views.add(Arguments.of(page, false, "light"));
      views.add(Arguments.of(page, true, "light"));
      views.add(Arguments.of(page, true, "dark"));
    }
    return views.stream();
  }

  @ParameterizedTest(name = "{0} answers open={1} {2}")
  @MethodSource("views")
  void noModerateSeriousOrCriticalViolations(Path page, boolean answersOpen, String scheme) {
    browser.emulateMedia("", scheme);
    TestSite.open(browser, page);
    if (answersOpen) {
      browser.openAllDetails();
    }
    List<Axe.Violation> violations = axe.run(browser);
    String view = TestSite.name(page) + (answersOpen ? " (answers open, " : " (answers closed, ") + scheme + ")";
    for (Axe.Violation v : violations) {
      System.out.println("[axe " + axe.version() + "] " + view + ": " + v);
    }
    List<Axe.Violation> blocking = violations.stream().filter(Axe.Violation::blocking).toList();
    assertTrue(blocking.isEmpty(), view + ": " + blocking.size() + " moderate, serious or critical violations:\n"
        + String.join("\n", blocking.stream().map(Object::toString).toList()));
  }

  /**
   * On a phone, a claim wider than the screen scrolls inside its cell: that scrolling box must be
   * reachable from the keyboard too (axe's scrollable-region-focusable among the rest).
   */
  @Test
  void aClaimScrollingInsideItsCellOnAPhoneIsAccessible() {
    browser.emulatePhone(375, 844);
    try {
      TestSite.open(browser, TestSite.root().resolve("en").resolve(CourseFixture.WIDE_CLAIMS_PAGE + ".html"));
      browser.openAllDetails();
      Boolean scrolls = browser.js("const c = document.querySelector('td.claim');"
          + " return c.scrollWidth > c.clientWidth;");
      assertTrue(scrolls, "the fixture's claim is wider than the phone's cell");
      List<Axe.Violation> blocking = axe.run(browser).stream().filter(Axe.Violation::blocking).toList();
      assertTrue(blocking.isEmpty(), String.join("\n", blocking.stream().map(Object::toString).toList()));
    } finally {
      browser.resetViewport();
    }
  }

  @Test
  void axeFindsAProblemWhenThereIsOne() {
    // The test above can fail: an image without alternative text is a critical violation.
    List<Axe.Violation> violations = violationsOnTheIndexAfter("const i = document.createElement('img');"
        + " i.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; document.querySelector('main').appendChild(i);");
    assertFalse(violations.stream().filter(Axe.Violation::blocking).toList().isEmpty(), violations.toString());
  }

  @Test
  void aModerateViolationFailsToo() {
    // Two regions of the same name are a moderate violation (landmark-unique), and it blocks.
    List<Axe.Violation> violations = violationsOnTheIndexAfter("for (let i = 0; i < 2; i++) {"
        + " const s = document.createElement('section'); s.setAttribute('aria-label', 'Twice'); s.textContent = 'x';"
        + " document.querySelector('main').appendChild(s); }");
    assertTrue(violations.stream().anyMatch(v -> v.id().equals("landmark-unique") && v.impact().equals("moderate")
        && v.blocking()), violations.toString());
  }

  /** axe's findings on the root index page once {@code script} has changed it. */
  private static List<Axe.Violation> violationsOnTheIndexAfter(String script) {
    browser.open(TestSite.root().resolve("index.html"));
    browser.js(script);
    return axe.run(browser);
  }
}

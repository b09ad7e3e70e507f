package io.github.gradproof.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * axe-core on every page of the generated site in Chromium: zero serious or critical violations,
 * with answers closed and open, in the light and the dark colour scheme. Lesser findings are
 * printed.
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
    for (Path page : TestSite.htmlPages()) {
      views.add(Arguments.of(page, false, "light"));
      views.add(Arguments.of(page, true, "light"));
      views.add(Arguments.of(page, true, "dark"));
    }
    return views.stream();
  }

  @ParameterizedTest(name = "{0} answers open={1} {2}")
  @MethodSource("views")
  void noSeriousOrCriticalViolations(Path page, boolean answersOpen, String scheme) {
    browser.emulateMedia("", scheme);
    browser.open(page);
    if (answersOpen) {
      browser.openAllDetails();
    }
    List<Axe.Violation> violations = axe.run(browser);
    String view = TestSite.name(page) + (answersOpen ? " (answers open, " : " (answers closed, ") + scheme + ")";
    for (Axe.Violation v : violations) {
      System.out.println("[axe " + axe.version() + "] " + view + ": " + v);
    }
    List<Axe.Violation> blocking = violations.stream().filter(Axe.Violation::blocking).toList();
    assertTrue(blocking.isEmpty(), view + ": " + blocking.size() + " serious or critical violations:\n"
        + String.join("\n", blocking.stream().map(Object::toString).toList()));
  }

  @Test
  void axeFindsAProblemWhenThereIsOne() {
    // The test above can fail: an image without alternative text is a critical violation.
    browser.open(TestSite.root().resolve("index.html"));
    browser.js("const i = document.createElement('img'); i.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';"
        + " document.querySelector('main').appendChild(i);");
    List<Axe.Violation> violations = axe.run(browser);
    assertFalse(violations.stream().filter(Axe.Violation::blocking).toList().isEmpty(), violations.toString());
  }
}

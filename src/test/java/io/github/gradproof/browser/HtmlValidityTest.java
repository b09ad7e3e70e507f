package io.github.gradproof.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.claim.CaseFile;
import io.github.gradproof.claim.CheckedLine;
import io.github.gradproof.render.MathMl;
import io.github.gradproof.diag.Plural;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every page and every stylesheet of the generated site passes the W3C Nu Html Checker with zero
 * errors, HTML and CSS alike. Warnings are printed, not failed. Needs no browser, so it runs
 * everywhere.
 */
class HtmlValidityTest {

  private static NuHtmlChecker checker;

  @BeforeAll
  static void setUp() throws Exception {
    TestSite.root();
    checker = new NuHtmlChecker();
  }

  /** The pages of the site, and of the same site published at a base URL (with its 404 page). */
  static List<Path> pages() {
    List<Path> pages = new java.util.ArrayList<>(TestSite.htmlPages());
    pages.addAll(TestSite.webPages());
    return pages;
  }

  @Test
  void theSiteHasEveryKindOfPage() {
    // root, one index per language, at least one phase page per language
    assertTrue(TestSite.htmlPages().size() >= 1 + 2 * TestSite.languages().size(), "pages: " + pages());
    assertTrue(TestSite.webPages().stream().anyMatch(p -> p.endsWith("404.html")), "pages: " + pages());
  }

  @ParameterizedTest
  @MethodSource("pages")
  void pageHasNoNuCheckerErrors(Path page) throws Exception {
    assertNoErrors(TestSite.name(page), checker.checkHtml(page.toFile()));
  }

  @Test
  void checkerReportsAnInvalidPage() throws Exception {
    // The test above can fail: a page with a duplicate id and a stray end tag is an error.
    Path bad = java.nio.file.Files.createTempFile("gradproof-invalid-", ".html");
    try {
      java.nio.file.Files.writeString(bad, "<!DOCTYPE html><html lang=\"en\"><title>x</title>"
          + "<p id=\"a\">one</p><p id=\"a\">two</div>");
      List<NuHtmlChecker.Message> messages = checker.checkHtml(bad.toFile());
      assertTrue(messages.stream().filter(NuHtmlChecker.Message::error).count() >= 2, messages.toString());
    } finally {
      java.nio.file.Files.deleteIfExists(bad);
    }
  }

  /**
   * Every notation the renderer has (the MathML of every case of {@code claim/parse.txt}: each
   * function, reduction form, product, index and mask) is valid in an HTML page, not only the
   * ones the test site happens to use.
   */
  @Test
  void everyClaimNotationIsValidMathMl() throws Exception {
    StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Claim notations</title></head><body><table><tbody>\n");
    int cases = 0;
    for (CaseFile.Case c : CaseFile.read("/claim/parse.txt")) {
      CheckedLine line = CaseFile.check(c, new java.util.ArrayList<>());
      page.append("<tr><td>").append(MathMl.render(line)).append("</td></tr>\n");
      cases++;
    }
    page.append("</tbody></table></body></html>\n");
    Path file = java.nio.file.Files.createTempFile("gradproof-notations-", ".html");
    try {
      java.nio.file.Files.writeString(file, page);
      assertNoErrors("claim notations (" + cases + " claims)", checker.checkHtml(file.toFile()));
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  /** Every stylesheet of the site and of its published variant. */
  static List<Path> stylesheets() {
    List<Path> sheets = new java.util.ArrayList<>();
    for (Path root : List.of(TestSite.root(), TestSite.webRoot())) {
      try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(root)) {
        files.filter(f -> f.toString().endsWith(".css")).sorted().forEach(sheets::add);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return sheets;
  }

  @Test
  void theSiteHasAStylesheet() {
    assertTrue(stylesheets().stream().anyMatch(p -> p.endsWith("assets/style.css")), "stylesheets: " + stylesheets());
  }

  /** CSS errors fail like HTML errors: no selector, property or value the checker does not know. */
  @ParameterizedTest
  @MethodSource("stylesheets")
  void stylesheetHasNoNuCheckerErrors(Path sheet) throws Exception {
    assertNoErrors(TestSite.name(sheet), checker.checkCss(sheet.toFile()));
  }

  @Test
  void checkerReportsAnInvalidStylesheet() throws Exception {
    // The test above can fail: an unknown pseudo-element and an unknown property are errors.
    Path bad = java.nio.file.Files.createTempFile("gradproof-invalid-", ".css");
    try {
      java.nio.file.Files.writeString(bad, "details::no-such-part { display: block; }\np { colour: red; }\n");
      List<NuHtmlChecker.Message> messages = checker.checkCss(bad.toFile());
      assertTrue(messages.stream().filter(NuHtmlChecker.Message::error).count() >= 2, messages.toString());
    } finally {
      java.nio.file.Files.deleteIfExists(bad);
    }
  }

  /** Prints the checker's messages on {@code name} and fails on any error among them. */
  private static void assertNoErrors(String name, List<NuHtmlChecker.Message> messages) {
    report(name, messages);
    List<NuHtmlChecker.Message> errors = messages.stream().filter(NuHtmlChecker.Message::error).toList();
    assertTrue(errors.isEmpty(), name + ": " + errors.size() + " Nu checker errors:\n"
        + String.join("\n", errors.stream().map(Object::toString).toList()));
  }

  private static void report(String name, List<NuHtmlChecker.Message> messages) {
    long errors = messages.stream().filter(NuHtmlChecker.Message::error).count();
    System.out.println("[nu-checker] " + name + ": " + Plural.count(errors, "error") + ", "
        + Plural.count(messages.size() - errors, "warning"));
    for (NuHtmlChecker.Message message : messages) {
      if (!message.error()) {
        System.out.println("[nu-checker] " + name + ":" + message);
      }
    }
  }
}

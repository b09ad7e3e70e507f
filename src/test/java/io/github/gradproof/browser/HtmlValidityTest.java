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
 * Every page of the generated site passes the W3C Nu Html Checker with zero errors. Warnings are
 * printed, not failed. Needs no browser, so it runs everywhere.
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
    List<NuHtmlChecker.Message> messages = checker.checkHtml(page.toFile());
    report(TestSite.name(page), messages);
    List<NuHtmlChecker.Message> errors = messages.stream().filter(NuHtmlChecker.Message::error).toList();
    assertTrue(errors.isEmpty(), TestSite.name(page) + ": " + errors.size() + " Nu checker errors:\n"
        + String.join("\n", errors.stream().map(Object::toString).toList()));
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
      List<NuHtmlChecker.Message> messages = checker.checkHtml(file.toFile());
      report("claim notations (" + cases + " claims)", messages);
      List<NuHtmlChecker.Message> errors = messages.stream().filter(NuHtmlChecker.Message::error).toList();
      assertTrue(errors.isEmpty(), errors.size() + " Nu checker errors in the claims' MathML:\n"
          + String.join("\n", errors.stream().map(Object::toString).toList()));
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  /**
   * CSS the checker's grammar predates but browsers ship: {@code ::details-content} (Chromium 131,
   * Safari 18.4, Firefox 143) is what makes printed pages show the collapsed answers.
   */
  private static final List<String> NEWER_THAN_CHECKER = List.of("“::details-content”");

  @Test
  void stylesheetHasNoNuCheckerErrors() throws Exception {
    List<NuHtmlChecker.Message> messages =
        checker.checkCss(TestSite.root().resolve("assets/style.css").toFile());
    report("assets/style.css", messages);
    List<NuHtmlChecker.Message> errors = messages.stream().filter(NuHtmlChecker.Message::error)
        .filter(m -> NEWER_THAN_CHECKER.stream().noneMatch(m.text()::contains)).toList();
    messages.stream().filter(m -> m.error() && !errors.contains(m))
        .forEach(m -> System.out.println("[nu-checker] assets/style.css:" + m + " (allowed: newer than the checker)"));
    assertTrue(errors.isEmpty(), "assets/style.css: " + errors);
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

package io.github.gradproof.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The claims' MathML as Chromium draws it: every glyph of the math (letters, digits and operators)
 * comes from a font the text around it uses or from a sans-serif math font of the stylesheet's
 * math stack — never from a serif math font picked by fallback — and the math is set at the size
 * of the text around it.
 */
class MathFontTest {

  /** The sans-serif math fonts the stylesheet names before the text's own fonts. */
  private static final Set<String> SANS_MATH_FONTS = Set.of("Noto Sans Math", "Fira Math");

  private static Browser browser;

  @BeforeEach
  void startBrowser() {
    TestSite.root();
    browser = Browser.shared();
  }

  static List<String> languages() {
    return TestSite.languages();
  }

  @ParameterizedTest
  @MethodSource("languages")
  void mathIsDrawnInTheTextsTypefaceAtItsSize(String language) {
    browser.open(TestSite.phasePage(language));
    browser.openAllDetails();
    Map<String, Integer> text = browser.platformFonts(".prompt p, .choices label, .proof-summary, td.verdict");
    Map<String, Integer> math = browser.platformFonts("td.claim math mi, td.claim math mn, td.claim math mo");
    System.out.println("[math fonts] " + language + ": text " + text + ", math " + math);
    assertFalse(math.isEmpty(), "the page has claims drawn as math");
    Set<String> allowed = new TreeSet<>(text.keySet());
    allowed.addAll(SANS_MATH_FONTS);
    Set<String> foreign = new TreeSet<>(math.keySet());
    foreign.removeAll(allowed);
    assertEquals(Set.of(), foreign, "math glyphs drawn in fonts the text does not use: " + math + "; text: " + text);
    List<String> sizes = browser.js("""
        return [...document.querySelectorAll('td.claim math')].flatMap(m => {
          const cell = parseFloat(getComputedStyle(m.closest('td')).fontSize);
          return [...m.querySelectorAll('mi, mn, mo')].filter(t => !t.closest('msub > :not(:first-child),'
              + ' msup > :not(:first-child), msubsup > :not(:first-child), munder > :not(:first-child),'
              + ' mover > :not(:first-child), munderover > :not(:first-child)'))
            .map(t => [t.textContent, parseFloat(getComputedStyle(t).fontSize), cell])
            .filter(([, size, cell]) => Math.abs(size - cell) > 0.01)
            .map(([token, size, cell]) => token + ' at ' + size + ' px in a cell of ' + cell + ' px');
        });""");
    assertEquals(List.of(), sizes, "math tokens not at the size of their text (scripts excepted)");
  }
}

package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Phrase#fill} finds exactly the placeholders the regular expression {@code \{(\w+)}} finds
 * (its scan replaced that expression), and code values keep their kind through the fill.
 */
class PhraseTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  private static final Map<String, Phrase> VALUES = Map.of("a", Phrase.text("A"), "b_1", Phrase.code("x @ y"),
      "n", Phrase.number("1e-3"));

  /** The fill as the regular expression did it, in plain text. */
  private static String reference(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (m.find()) {
      Phrase value = VALUES.get(m.group(1));
      out.append(template, from, m.start()).append(value == null ? m.group() : value.plain());
      from = m.end();
    }
    return out.append(template.substring(from)).toString();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "{a} and {b_1}|A and x @ y", "{{a}|{A", "{a}}|A}", "{}|{}", "{a b}|{a b}", "{é}|{é}", "{missing}|{missing}",
      "{a}{n}{a}|A1e-3A", "no braces|no braces", "{a|{a", "x {n}|x 1e-3", "\"{ a}\"|{ a}"})
  void fillsThePlaceholdersTheExpressionFound(String template, String expected) {
    assertEquals(expected, Phrase.fill(template, VALUES).plain());
    assertEquals(reference(template), Phrase.fill(template, VALUES).plain());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"see {b_1} here|see <code>x @ y</code> here",
      "{n} & {a}|<span class=\"nowrap\">1e-3</span> &amp; A"})
  void valuesKeepTheirKind(String template, String html) {
    assertEquals(html, Phrase.fill(template, VALUES).html());
  }

  @Provide
  Arbitrary<String> templates() {
    return Arbitraries.strings().withChars("{}ab_1n é").ofMaxLength(16);
  }

  @Property(tries = 3000)
  void agreesWithTheExpressionOnAnyTemplate(@ForAll("templates") String template) {
    assertEquals(reference(template), Phrase.fill(template, VALUES).plain(), template);
  }
}

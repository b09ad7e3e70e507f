package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.gradproof.claim.CaseFile;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.Line;
import io.github.gradproof.diag.Diagnostic;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.InputSource;

/**
 * The MathML of every line in {@code src/test/resources/claim/parse.txt}: each case's
 * {@code claim:} or {@code forward:} line, parsed in its {@code @scope:}, must render exactly as
 * its {@code mathml:} says, as well-formed XML.
 */
class MathMlTest {

  static Stream<CaseFile.Case> cases() throws IOException {
    return CaseFile.read("/claim/parse.txt").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersAsExpected(CaseFile.Case c) {
    List<Diagnostic> sink = new ArrayList<>();
    Line line = CaseFile.parse(c, sink);
    assertNotNull(line, () -> c + ": " + sink);
    String mathMl = MathMl.render(line);
    assertEquals(c.fields().get("mathml"), mathMl, c.toString());
    assertWellFormed(mathMl);
  }

  @Test
  void aCallWhoseArgumentsDoNotBindIsWrittenAsCalled() {
    // Only a line that is parsed but never checked (verify: false without a setup) can have one.
    Line line = Claims.parseOnly(CaseFile.text("dx = sum(x, 0, True, 1, 2)"), new ArrayList<>());
    assertEquals("<math><mi>dx</mi><mo>=</mo><mrow><mi>sum</mi><mo>\u2061</mo><mrow><mo>(</mo><mi>x</mi>"
        + "<mo>,</mo><mn>0</mn><mo>,</mo><mi>True</mi><mo>,</mo><mn>1</mn><mo>,</mo><mn>2</mn><mo>)</mo></mrow>"
        + "</mrow></math>", MathMl.render(line));
  }

  @Test
  void anUnknownFunctionIsWrittenAsCalled() {
    Line line = Claims.parseOnly(CaseFile.text("dx = wiggle(x, beta=2)"), new ArrayList<>());
    assertEquals("<math><mi>dx</mi><mo>=</mo><mrow><mi>wiggle</mi><mo>\u2061</mo><mrow><mo>(</mo><mi>x</mi>"
        + "<mo>,</mo><mi>beta</mi><mo>=</mo><mn>2</mn><mo>)</mo></mrow></mrow></math>", MathMl.render(line));
  }

  @Test
  void aMethodNoFunctionHasIsWrittenAsCalled() {
    Line line = Claims.parseOnly(CaseFile.text("dx = x.wiggle(1) + x.sum(1, 2, 3, 4)"), new ArrayList<>());
    assertEquals("<math><mi>dx</mi><mo>=</mo><mrow><mi>x</mi><mo>.</mo><mi>wiggle</mi><mrow><mo>(</mo><mn>1</mn><mo>)</mo>"
        + "</mrow></mrow><mo>+</mo><mrow><mi>sum</mi><mo>\u2061</mo><mrow><mo>(</mo><mi>x</mi><mo>,</mo><mn>1</mn><mo>,</mo>"
        + "<mn>2</mn><mo>,</mo><mn>3</mn><mo>,</mo><mn>4</mn><mo>)</mo></mrow></mrow></math>", MathMl.render(line));
  }

  @Test
  void aSingleExpressionIsOneMathElement() {
    Line line = Claims.parseOnly(CaseFile.text("dx = 2 * x"), new ArrayList<>());
    assertEquals("<math><mn>2</mn><mo>⊙</mo><mi>x</mi></math>",
        MathMl.render(((Line.GradientClaim) line).value()));
  }

  /** The MathML is well-formed XML (every element closed, text escaped). */
  static void assertWellFormed(String xml) {
    try {
      DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed: " + xml, e);
    }
  }
}

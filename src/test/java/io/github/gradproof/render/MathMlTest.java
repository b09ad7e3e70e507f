package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.claim.CaseFile;
import io.github.gradproof.claim.CheckedLine;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.Functions;
import io.github.gradproof.claim.Line;
import io.github.gradproof.diag.Diagnostic;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.InputSource;

/**
 * The MathML of every line in {@code src/test/resources/claim/parse.txt}: each case's
 * {@code claim:} or {@code forward:} line, checked in its {@code @scope:} (shapes included, so the
 * renderer knows scalars from arrays and a reduction's rank), must render exactly as its
 * {@code mathml:} says, as well-formed XML. Lines that were only parsed are written from their
 * syntax alone; the cases below pin what that can and cannot tell.
 */
class MathMlTest {

  private static final String MATH = "<math displaystyle=\"true\">";

  static Stream<CaseFile.Case> cases() throws IOException {
    return CaseFile.read("/claim/parse.txt").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersAsExpected(CaseFile.Case c) {
    List<Diagnostic> sink = new ArrayList<>();
    CheckedLine line = CaseFile.check(c, sink);
    assertNotNull(line, () -> c + ": " + sink);
    String mathMl = MathMl.render(line);
    assertEquals(c.fields().get("mathml"), mathMl, c.toString());
    assertWellFormed(mathMl);
  }

  @Test
  void everyFunctionOfTheRegistryHasACase() throws IOException {
    List<String> lines = cases().map(c -> c.fields().getOrDefault("claim", c.fields().get("forward"))).toList();
    for (String name : Functions.names()) {
      Pattern call = Pattern.compile("(^|[^A-Za-z0-9_])" + Pattern.quote(name) + "\\(");
      assertTrue(lines.stream().anyMatch(l -> call.matcher(l).find()), "no case in parse.txt calls " + name);
    }
  }

  /** What a line that was only parsed shows: a number is a scalar, a name's type and rank are unknown. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // a number is a coefficient; two names of unknown type multiply elementwise
      "dx = 2 * x * y | <mi mathvariant=\"normal\">dx</mi><mo>=</mo><mn>2</mn><mo>\u2062</mo><mi>x</mi><mo>⊙</mo><mi>y</mi>",
      // an integer literal is a subscript; a name might be an array, so it stays in brackets
      "dx = x[0] + x[i] | <mi mathvariant=\"normal\">dx</mi><mo>=</mo><msub><mi>x</mi><mrow><mn>0</mn></mrow></msub><mo>+</mo>"
          + "<mrow><mi>x</mi><mrow><mo>[</mo><mi>i</mi><mo>]</mo></mrow></mrow>",
      // without the rank, an axis cannot be indexed: as called; every axis is the bare operator
      "dx = sum(x, axis=1) + sum(x) | <mi mathvariant=\"normal\">dx</mi><mo>=</mo><mrow><mi mathvariant=\"normal\">sum</mi>"
          + "<mo>\u2061</mo><mrow><mo>(</mo><mi>x</mi><mo>,</mo><mi mathvariant=\"normal\">axis</mi><mo lspace=\"0\" rspace=\"0\">=</mo><mn>1</mn>"
          + "<mo>)</mo></mrow></mrow><mo>+</mo><mrow><mo>∑</mo><mi>x</mi></mrow>",
      // keepdims over every axis of an unknown rank cannot be written as an index: as called
      "dx = mean(x, keepdims=True) | <mi mathvariant=\"normal\">dx</mi><mo>=</mo><mrow><mi mathvariant=\"normal\">mean</mi>"
          + "<mo>\u2061</mo><mrow><mo>(</mo><mi>x</mi><mo>,</mo><mi mathvariant=\"normal\">keepdims</mi><mo lspace=\"0\" rspace=\"0\">=</mo>"
          + "<mi mathvariant=\"normal\">True</mi><mo>)</mo></mrow></mrow>",
  })
  void aLineWithoutFactsIsWrittenFromItsSyntax(String source, String expected) {
    Line line = Claims.parseOnly(CaseFile.text(source), new ArrayList<>());
    assertEquals(MATH + expected + "</math>", MathMl.render(line));
  }

  @Test
  void aCallWhoseArgumentsDoNotBindIsWrittenAsCalled() {
    // Only a line that is parsed but never checked (verify: false without a setup) can have one.
    Line line = Claims.parseOnly(CaseFile.text("dx = sum(x, 0, True, 1, 2)"), new ArrayList<>());
    assertEquals(MATH + "<mi mathvariant=\"normal\">dx</mi><mo>=</mo><mrow><mi mathvariant=\"normal\">sum</mi><mo>\u2061</mo>"
        + "<mrow><mo>(</mo><mi>x</mi><mo>,</mo><mn>0</mn><mo>,</mo><mi mathvariant=\"normal\">True</mi><mo>,</mo><mn>1</mn>"
        + "<mo>,</mo><mn>2</mn><mo>)</mo></mrow></mrow></math>", MathMl.render(line));
  }

  @Test
  void anUnknownFunctionIsWrittenAsCalled() {
    Line line = Claims.parseOnly(CaseFile.text("dx = wiggle(x, beta=2)"), new ArrayList<>());
    assertEquals(MATH + "<mi mathvariant=\"normal\">dx</mi><mo>=</mo><mrow><mi mathvariant=\"normal\">wiggle</mi><mo>\u2061</mo>"
        + "<mrow><mo>(</mo><mi>x</mi><mo>,</mo><mi mathvariant=\"normal\">beta</mi><mo lspace=\"0\" rspace=\"0\">=</mo><mn>2</mn><mo>)</mo></mrow>"
        + "</mrow></math>", MathMl.render(line));
  }

  @Test
  void aMethodNoFunctionHasIsWrittenAsCalled() {
    Line line = Claims.parseOnly(CaseFile.text("dx = x.wiggle(1) + x.sum(1, 2, 3, 4)"), new ArrayList<>());
    assertEquals(MATH + "<mi mathvariant=\"normal\">dx</mi><mo>=</mo><mrow><mi>x</mi><mo>.</mo>"
        + "<mi mathvariant=\"normal\">wiggle</mi><mrow><mo>(</mo><mn>1</mn><mo>)</mo></mrow></mrow><mo>+</mo><mrow>"
        + "<mi mathvariant=\"normal\">sum</mi><mo>\u2061</mo><mrow><mo>(</mo><mi>x</mi><mo>,</mo><mn>1</mn><mo>,</mo>"
        + "<mn>2</mn><mo>,</mo><mn>3</mn><mo>,</mo><mn>4</mn><mo>)</mo></mrow></mrow></math>", MathMl.render(line));
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

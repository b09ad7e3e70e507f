package io.github.gradproof.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.QuizLoad;
import io.github.gradproof.CourseFixture;
import io.github.gradproof.diag.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model of a numeric question as loaded: what is asked and where, the tolerance, the number of
 * variants, the ranges of hand-sized inputs, and every placeholder of the explanation located at
 * its own line and column, in every scalar style.
 */
class NumericQuestionTest {

  private static final String SHOWN = "n.yaml";

  @TempDir Path tmp;

  private static SourceLocation at(int line, int column) {
    return new SourceLocation(SHOWN, line, column);
  }

  private Phase fixture() {
    return QuizLoad.phase(CourseFixture.NUMERIC, SHOWN);
  }

  @Test
  void theFixturesFirstQuestionReadsAsWritten() {
    Question q = fixture().questions().get(0);
    assertEquals(QuestionKind.NUMERIC, q.kind());
    NumericSpec n = q.numeric();
    assertEquals("dA[0, 1]", n.ask().source());
    assertEquals(at(22, 11), n.ask().location(), "the ask's first character, inside the quotes");
    assertSame(NumericTolerance.DEFAULT, n.tolerance());
    assertEquals(NumericSpec.DEFAULT_VARIANTS, n.variants());
    assertEquals(List.of(), q.choices());
    assertEquals(List.of(), q.answer().choices());
    assertEquals(n.location(), q.answer().location(), "the answer is located at ask");
    assertTrue(q.verify());
    InputSpec a = q.setup().inputs().get(0);
    assertEquals(Distribution.SMALL_INT, a.distribution());
    assertSame(ValueRange.DEFAULT, a.range());
    InputSpec g = q.setup().inputs().get(2);
    assertEquals(-2, g.range().low());
    assertEquals(2, g.range().high());
    assertEquals(at(18, 52), g.range().location());
  }

  @Test
  void placeholdersAreLocatedInEachLanguage() {
    NumericSpec n = fixture().questions().get(0).numeric();
    List<String> en = n.placeholders().stream().filter(p -> p.language().equals("en"))
        .map(p -> p.expression().source()).toList();
    assertEquals(List.of("G[0, 0]", "B[1, 0]", "G[0, 1]", "B[1, 1]", "answer"), en);
    NumericSpec.Placeholder first = n.placeholders().get(0);
    assertEquals(at(24, 81), first.expression().location());
    assertEquals('G', first.expression().sourceLine().charAt(first.expression().location().column() - 1));
    assertEquals(10, n.placeholders().size(), "five in each language");
  }

  @Test
  void aToleranceAndVariantsOfTheirOwn() {
    Question q = fixture().questions().get(2);
    assertEquals(0.01, q.numeric().tolerance().absolute());
    assertEquals(0, q.numeric().tolerance().relative());
    assertEquals(4, q.numeric().variants());
    InputSpec x = q.setup().inputs().get(0);
    assertEquals(Distribution.SMALL_DECIMAL, x.distribution());
    assertEquals(0.5, x.range().low());
    assertEquals(2.5, x.range().high());
  }

  @Test
  void placeholdersInBlockAndPlainScalarsAndEscapedBraces() {
    String text = QuizFiles.HEADER + String.join("\n",
        "  - id: q-01-01",
        "    kind: numeric",
        "    title: {en: \"T\", es: \"T\"}",
        "    prompt: {en: \"P \\\\{{not one}}\", es: \"P\"}",
        "    setup:",
        "      inputs: {x: {shape: [2], dist: small_int}}",
        "      forward: |",
        "        s = sum(x)",
        "    ask: s",
        "    explanation:",
        "      en: |",
        "        First {{ x[0] }} and",
        "        then {{x[1]}}, \\{{literal}}, {{answer}}",
        "      es: Es {{answer}} y {{answer}}",
        "");
    Question q = QuizFiles.load(tmp, text).questions().get(0);
    List<NumericSpec.Placeholder> p = q.numeric().placeholders();
    assertEquals(List.of("x[0]", "x[1]", "answer", "answer", "answer"), p.stream().map(x -> x.expression().source()).toList());
    assertEquals(new SourceLocation("t.yaml", 17, 18), p.get(0).expression().location(), "past the braces and the blank");
    assertEquals(new SourceLocation("t.yaml", 18, 16), p.get(1).expression().location());
    assertEquals(new SourceLocation("t.yaml", 18, 40), p.get(2).expression().location(), "the escaped braces are skipped");
    assertEquals(new SourceLocation("t.yaml", 19, 16), p.get(3).expression().location());
    assertEquals(new SourceLocation("t.yaml", 19, 29), p.get(4).expression().location(), "the second of two equal ones");
    assertEquals(new SourceLocation("t.yaml", 14, 10), q.numeric().ask().location(), "a plain scalar");
  }

  @Test
  void thePatternSkipsEscapedBracesAndStripsTheExpression() {
    Matcher m = Placeholders.PATTERN.matcher("a \\{{b}} {{ c[0, 1] }} {{d\n}}");
    assertTrue(m.find());
    assertEquals("c[0, 1]", Placeholders.expression(m));
    assertFalse(m.find(), "an escaped opening and a placeholder broken across lines are not placeholders");
  }

  @Test
  void otherKindsHaveNoNumericPartAndInputsOfOtherDistributionsNoRange() {
    Phase phase = QuizLoad.phase(CourseFixture.PHASE_8, SHOWN);
    for (Question q : phase.questions()) {
      assertNull(q.numeric(), q.id());
      if (q.setup() != null) {
        q.setup().inputs().forEach(in -> assertNull(in.range(), in.name()));
      }
    }
  }
}

package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.QuizLoad;
import io.github.gradproof.CourseFixture;
import io.github.gradproof.NumericRecompute;
import io.github.gradproof.autograd.GradCheckResult;
import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.quiz.Distribution;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.Question;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The variants of numeric questions: drawn deterministically, each answer equal to a recomputation
 * from its inputs alone, undefined draws and repeated inputs replaced, every gradient the answers
 * read cross-checked against finite differences.
 */
class NumericVerifierTest {

  @TempDir Path tmp;

  private static final NumericVerifier VERIFIER = new NumericVerifier();

  /** A phase file with one numeric question of the given setup lines, ask and extra lines. */
  private Question question(String inputs, String forward, String ask, String... extra) throws IOException {
    return NumericQuestions.numeric(tmp, inputs, forward, ask, extra);
  }

  private static Phase fixture() {
    return QuizLoad.phase(CourseFixture.NUMERIC, "n.yaml");
  }

  @Test
  void everyAnswerOfTheFixtureEqualsARecomputationFromItsInputs() {
    for (Question q : fixture().questions()) {
      QuestionResult r = VERIFIER.verify(q);
      assertEquals(List.of(), r.problems(), q.id());
      assertEquals(q.numeric().variants(), r.numeric().variants().size());
      assertEquals(q.numeric().variants(), r.trials());
      // a numeric answer is a number at the author's sizes: no fresh dims
      assertEquals(1, r.sizes().size(), q.id());
      q.setup().dims().forEach((dim, sizes) -> assertEquals(sizes.get(0), r.sizes().get(0).get(dim), q.id()));
      List<String> forward = q.setup().forward().stream().map(SourceSpan::source).toList();
      for (Variant v : r.numeric().variants()) {
        double expected = NumericRecompute.answer(forward, q.numeric().ask().source(), r.sizes().get(0),
            NumericRecompute.tensors(v.inputs()), labels(q));
        assertEquals(expected, v.answer(), 0.0, q.id() + " variant " + v.number());
      }
      assertTrue(r.keyProven(), q.id());
    }
  }

  /** The inputs that hold class labels: integers, which may index (an input of floats may not). */
  private static Set<String> labels(Question q) {
    return q.setup().inputs().stream().filter(in -> in.distribution() == io.github.gradproof.quiz.Distribution.LABELS)
        .map(io.github.gradproof.quiz.InputSpec::name).collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void theMatrixProductAnswerIsRowZeroOfGTimesRowOneOfB() {
    QuestionResult r = VERIFIER.verify(fixture().questions().get(0));
    for (Variant v : r.numeric().variants()) {
      double[] g = v.inputs().get("G").toArray();
      double[] b = v.inputs().get("B").toArray();
      // dA = G @ B.T with G (2, 2) and B (3, 2): dA[0, 1] = G[0, 0] B[1, 0] + G[0, 1] B[1, 1]
      assertEquals(g[0] * b[2] + g[1] * b[3], v.answer(), 0.0);
      assertEquals(v.answer(), v.values().get("answer"));
      assertEquals(g[0], v.values().get("G[0, 0]"));
      assertEquals(b[3], v.values().get("B[1, 1]"));
      assertFalse(Double.isNaN(v.engineError()), "dA was cross-checked");
    }
    assertEquals(Set.of("A"), r.numeric().checked());
  }

  @Test
  void inputsAreSmallNumbersExactlyAsShown() {
    QuestionResult r = VERIFIER.verify(fixture().questions().get(1));
    for (Variant v : r.numeric().variants()) {
      for (double x : v.inputs().get("x").toArray()) {
        assertTrue(x >= -1.5 && x <= 2.5, "in range: " + x);
        assertEquals(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.1f", x)), x, 0.0, "one decimal place");
      }
      for (double w : v.inputs().get("w").toArray()) {
        assertTrue(w == Math.rint(w) && w >= -3 && w <= 3, "a small whole number: " + w);
      }
    }
  }

  @Test
  void variantsAreDeterministicDistinctAndIndependentOfTheirCount() throws IOException {
    Question eight = question("x: {shape: [3], dist: small_int}", "s = sum(x * x)", "s");
    Question three = question("x: {shape: [3], dist: small_int}", "s = sum(x * x)", "s", "    variants: 3");
    List<Variant> a = VERIFIER.verify(eight).numeric().variants();
    assertEquals(a, VERIFIER.verify(eight).numeric().variants(), "the same file gives the same variants");
    assertEquals(a.subList(0, 3), VERIFIER.verify(three).numeric().variants(), "adding variants keeps the first ones");
    assertEquals(8, new HashSet<>(a.stream().map(Variant::inputs).toList()).size(), "no two variants alike");
  }

  @Test
  void anUndefinedAnswerIsRedrawnAndTheRedrawIsCounted() throws IOException {
    Question q = question("x: {shape: [2], dist: small_int, range: [-1, 1]}", "s = sum(x)", "1 / x[0]",
        "    variants: 6");
    NumericResult r = VERIFIER.verify(q).numeric();
    assertTrue(r.redraws() > 0, "x[0] = 0 in some draw: " + r.variants());
    for (Variant v : r.variants()) {
      assertNotEquals(0.0, v.inputs().get("x").toArray()[0], "no variant divides by zero");
      assertTrue(Double.isFinite(v.answer()));
    }
  }

  /**
   * The derivative of relu, abs or max where it is not differentiable is a convention (PyTorch's 0,
   * the first maximum), which the finite-difference cross-check skips and a reader cannot work out:
   * such a draw is replaced, while a kink the answer does not read (x[1] = 0 for dx[0]) is kept.
   */
  @Test
  void anAnswerAtAKinkIsRedrawn() throws IOException {
    Question relu = question("x: {shape: [3], dist: small_int, range: [-1, 1]}", "L = sum(relu(x))", "dx[0]",
        "    variants: 8");
    NumericResult r = VERIFIER.verify(relu).numeric();
    assertTrue(r.redraws() > 0, "x[0] = 0 in some draw: " + r.variants());
    boolean kinkElsewhere = false;
    for (Variant v : r.variants()) {
      double[] x = v.inputs().get("x").toArray();
      assertNotEquals(0.0, x[0], "relu'(0) is never asked: " + r.variants());
      assertEquals(x[0] > 0 ? 1.0 : 0.0, v.answer());
      kinkElsewhere |= x[1] == 0 || x[2] == 0;
    }
    assertTrue(kinkElsewhere, "a zero the answer does not read is kept: " + r.variants());
    Question max = question("x: {shape: [3], dist: small_int, range: [0, 2]}", "L = max(x)", "dx[1]",
        "    variants: 4");
    for (Variant v : VERIFIER.verify(max).numeric().variants()) {
      double[] x = v.inputs().get("x").toArray();
      double top = Math.max(x[0], Math.max(x[1], x[2]));
      int ties = (x[0] == top ? 1 : 0) + (x[1] == top ? 1 : 0) + (x[2] == top ? 1 : 0);
      assertTrue(x[1] < top || ties == 1, "x[1] tied for the maximum is never asked about: "
          + java.util.Arrays.toString(x));
      assertEquals(x[1] == top ? 1.0 : 0.0, v.answer());
    }
  }

  @Test
  void aPlaceholderThatIsUndefinedIsRedrawnToo() throws IOException {
    Question q = question("x: {shape: [2], dist: small_int, range: [0, 3]}", "s = sum(x)", "s",
        "    variants: 5", "    explanation: {en: \"{{log(x[1])}}\", es: \"{{log(x[1])}}\"}");
    for (Variant v : VERIFIER.verify(q).numeric().variants()) {
      assertNotEquals(0.0, v.inputs().get("x").toArray()[1], "log(0) is never shown");
      assertEquals(Math.log(v.inputs().get("x").toArray()[1]), v.values().get("log(x[1])"), 1e-15);
    }
  }

  @Test
  void theObjectivesOwnGradientIsOneAndNeedsNoCrossCheck() throws IOException {
    QuestionResult r = VERIFIER.verify(question("x: {shape: [2], dist: small_int}", "L = sum(x * x)", "dL"));
    r.numeric().variants().forEach(v -> assertEquals(1.0, v.answer()));
    assertEquals(Set.of(), r.numeric().checked());
    assertTrue(Double.isNaN(r.engineError()), "nothing was cross-checked");
  }

  @Test
  void aForwardNamesGradientIsCrossCheckedThroughTheLinesAfterIt() throws IOException {
    QuestionResult r = VERIFIER.verify(question("x: {shape: [3], dist: small_decimal}", "h = x * x;L = sum(h * h)",
        "dh[2]"));
    assertEquals(Set.of("h"), r.numeric().checked());
    for (Variant v : r.numeric().variants()) {
      double x2 = v.inputs().get("x").toArray()[2];
      assertEquals(2 * x2 * x2, v.answer(), 1e-12);
    }
  }

  @Test
  void anEngineThatDisagreesWithFiniteDifferencesIsDrift() throws IOException {
    EngineCheck broken = (f, x, g) -> new GradCheckResult(2.5e-3, 1e-2, new int[] {0}, false, 4, 0, 0.5);
    Question q = question("x: {shape: [2], dist: small_int}", "L = sum(x * x)", "dx[0]");
    QuestionResult r = new NumericVerifier(broken).verify(q);
    assertEquals(1, r.problems().size(), "one problem per gradient, however many variants");
    assertEquals("t.yaml:6:5: q-01-01: the engine's gradient dx disagrees with central differences (|Δ| = 2.5e-03"
        + " on variant 1); the autograd engine is wrong here, not the quiz", r.problems().get(0).format());
    assertFalse(r.keyProven());
    assertEquals(5e-3, r.engineError(), "relative to the gradient's scale 0.5");
  }

  @Test
  void onlyNumericQuestionsAreTaken() {
    Question single = QuizLoad.phase(CourseFixture.PHASE_8, "p.yaml").questions().get(0);
    assertThrows(IllegalArgumentException.class, () -> VERIFIER.verify(single));
  }

  @Test
  void smallNumbersCoverTheirRangeUniformly() {
    InputSpec ints = new InputSpec("a", List.of("7000"), Distribution.SMALL_INT, null, null,
        new io.github.gradproof.quiz.ValueRange(-3, 3, null));
    InputSpec decimals = new InputSpec("b", List.of("7000"), Distribution.SMALL_DECIMAL, null, null,
        new io.github.gradproof.quiz.ValueRange(0.5, 1.1, null));
    int[] countsInt = new int[7];
    for (double v : SmallNumbers.draw(new io.github.gradproof.autograd.Rng(1), ints, new int[] {7000}).toArray()) {
      countsInt[(int) v + 3]++;
    }
    int[] countsDecimal = new int[7];
    for (double v : SmallNumbers.draw(new io.github.gradproof.autograd.Rng(2), decimals, new int[] {7000}).toArray()) {
      int k = (int) Math.round(v * 10) - 5;
      assertEquals((k + 5) / 10.0, v, 0.0, "exactly the double of its one-decimal text");
      countsDecimal[k]++;
    }
    for (int i = 0; i < 7; i++) {
      assertTrue(countsInt[i] > 850 && countsInt[i] < 1150, "each whole number about 1000 times: " + countsInt[i]);
      assertTrue(countsDecimal[i] > 850 && countsDecimal[i] < 1150, "each tenth about 1000 times: " + countsDecimal[i]);
    }
  }

  @Test
  void theInputsOfAVariantAreTheTrialsOwn() {
    NumberArray shown = VERIFIER.verify(fixture().questions().get(2)).numeric().variants().get(0).inputs().get("x");
    assertEquals(List.of(3), java.util.Arrays.stream(shown.shape()).boxed().toList());
  }
}

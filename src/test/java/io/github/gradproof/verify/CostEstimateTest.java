package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.QuizFiles;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cost of a question is estimated before any trial runs and refused over the limits: a
 * hand-counted question just inside and just outside each limit, the work and memory bombs refused
 * at once, an MLP at ordinary sizes within the defaults, and an {@link OutOfMemoryError} that
 * happens anyway reported at its question.
 */
class CostEstimateTest {

  @TempDir Path tmp;

  /**
   * {@code C = A @ B} with {@code A: (3, 4)}, {@code B: (4, 5)} and the claim {@code dA = dC @ B.T},
   * counted by hand from the cost model's rules (docs/RELIABILITY.md: 2000 per operation, 16 per
   * element it creates or reads, whichever is more, plus its multiply-adds):
   * <ul>
   *   <li>the forward line creates 15 elements and reads 12 + 20 = 32, with 15 × 4 multiply-adds:
   *       2000 + 16 × 32 + 60 = 2572;
   *   <li>the claim: {@code B.T} creates 20: 2000 + 16 × 20 = 2320; {@code @} creates 3 × 4 = 12 and
   *       reads 15 + 20 = 35, with 12 × 5 multiply-adds: 2000 + 560 + 60 = 2620; together 4940 and
   *       32 elements;
   *   <li>the inputs: 16 × 32 = 512 to draw;
   *   <li>the finite-difference check of {@code dA} (12 elements: at most 1 + 7 + 3 + 4 × 12 = 59
   *       evaluations, at the point, for the noise probe, for the rounding probes and at two steps per
   *       element), each re-running the line (2572) and moving the point (2000 + 16 × 12 = 2192):
   *       59 × 4764 = 281076;
   *   <li>one trial: 512 + 3 × 2572 (forward and backward) + 281076 + 4940 = 294244; three seeds:
   *       <b>882732</b>; the forward line's share 2572 × (3 × 3 + 3 × 59) = 478392;
   *   <li>memory: 8 bytes × (2 × (32 inputs + 15 forward) + max(15 re-run, 32 claim)) = <b>1008</b> bytes.
   * </ul>
   * The setup has {@code exact_dims}, so the claims are tried at the author's dims only; without it a
   * second, fresh dims assignment adds its own trials.
   */
  private static final long WORK = 882732;
  private static final long MEMORY = 1008;

  private static Question matmul() {
    return TestQuestions.free("q-01-01", TestQuestions.exactDims(TestQuestions.setup("M=3 K=4 N=5", "A[M,K] B[K,N]",
        "C = A @ B")), "dA = dC @ B.T");
  }

  /** A phase verifier with 3 seeds per dims assignment, as the hand count above assumes. */
  private static PhaseVerifier threeSeeds(WorkLimits limits) {
    return new PhaseVerifier(new QuestionVerifier(3), new NumericVerifier(), limits);
  }

  private static Phase phase(Question q) {
    return new Phase(TestQuestions.FILE, 1, "one", TestQuestions.text(), TestQuestions.text(), List.of(q));
  }

  @Test
  void aQuestionExactlyAtTheLimitsIsVerified() {
    assertDoesNotThrow(() -> CostEstimate.check(matmul(), 3, new WorkLimits(WORK, MEMORY)));
    PhaseResult r = threeSeeds(new WorkLimits(WORK, MEMORY)).verify(phase(matmul()));
    assertEquals(3, r.questions().get(0).trials());
  }

  @Test
  void oneOperationOverTheWorkLimitIsRefusedAtTheCostliestLine() {
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> threeSeeds(new WorkLimits(WORK - 1, MEMORY)).verify(phase(matmul())));
    assertEquals("test.yaml:10:9: q-01-01: this question is too costly to verify: verifying it would take about "
        + "882732 operations (multiply-adds or their equivalent), over the limit of 882731 (gradproof.maxWork): 3 "
        + "trials (3 seeds at the author's dims) of the forward lines, their gradients, every claim and the "
        + "finite-difference check of dA; this line costs the most (about 478392 in all). Use smaller dims (or "
        + "fewer alternatives), or raise the limit with -Dgradproof.maxWork (<maxWork> in the POM)",
        e.getMessage().lines().findFirst().orElseThrow());
  }

  @Test
  void oneByteOverTheMemoryLimitIsRefusedAtTheLargestLine() {
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> CostEstimate.check(matmul(), 3, new WorkLimits(WORK, MEMORY - 1)));
    assertTrue(e.getMessage().startsWith("test.yaml:20:17: q-01-01: this question is too costly to verify: one "
        + "trial would keep about 1008 bytes of tensors at once, over the limit of 1007 bytes (gradproof.maxMemory);"
        + " this line creates the most (about 256 bytes). Use smaller dims"), e.getMessage());
  }

  @Test
  void moreSeedsAndDimsAlternativesMultiplyTheWork() {
    Question twoSizes = TestQuestions.free("q-01-01", TestQuestions.exactDims(TestQuestions.setup("M=3,3 K=4 N=5",
        "A[M,K] B[K,N]", "C = A @ B")), "dA = dC @ B.T");
    assertDoesNotThrow(() -> CostEstimate.check(twoSizes, 3, new WorkLimits(2 * WORK, MEMORY)));
    assertThrows(DiagnosticException.class, () -> CostEstimate.check(twoSizes, 3, new WorkLimits(2 * WORK - 1,
        MEMORY)));
    assertDoesNotThrow(() -> CostEstimate.check(matmul(), 1, new WorkLimits(WORK / 3, MEMORY)));
    // without exact_dims the fresh dims add trials of their own: three dims get two fresh
    // assignments, which share the 3 seeds rounded up (2 each)
    Question general = TestQuestions.free("q-01-01", TestQuestions.setup("M=3 K=4 N=5", "A[M,K] B[K,N]",
        "C = A @ B"), "dA = dC @ B.T");
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> CostEstimate.check(general, 3, new WorkLimits(WORK, MEMORY)));
    assertTrue(e.getMessage().contains(": 7 trials (3 seeds at the author's dims and 2 at each of 2 fresh dims "
        + "combinations) of"), e.getMessage());
  }

  @Test
  void anMlpAtOrdinarySizesIsWithinTheDefaults() throws URISyntaxException {
    Phase mlp = QuizFiles.load(resource("/limits/phase-01-mlp.yaml"), "limits/phase-01-mlp.yaml",
        QuizFiles.LANGUAGES);
    Question q = mlp.questions().get(0);
    assertDoesNotThrow(() -> CostEstimate.check(q, QuestionVerifier.DEFAULT_SEEDS, WorkLimits.DEFAULT));
    // the estimate is not vacuous: at 3 seeds it is about 3e10 operations and 1 MiB
    assertThrows(DiagnosticException.class, () -> CostEstimate.check(q, 3, new WorkLimits(25_000_000_000L,
        WorkLimits.DEFAULT_MAX_MEMORY)));
    assertDoesNotThrow(() -> CostEstimate.check(q, 3, new WorkLimits(35_000_000_000L, 1 << 20)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"work-bomb-long-line", "work-bomb-chained-matmuls"})
  void bombsAreRefusedBeforeAnyTrialRuns(String name) throws Exception {
    Path file = Files.copy(resource("/bad/" + name + ".yaml"), tmp.resolve("phase-01-bad.yaml"));
    Phase bomb = QuizFiles.load(file, "bad/" + name + ".yaml", QuizFiles.LANGUAGES);
    long start = System.nanoTime();
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> new PhaseVerifier().verify(bomb));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(e.getMessage().startsWith("bad/" + name + ".yaml:14:9: q-01-01: this question is too costly"),
        e.getMessage());
    assertTrue(seconds < 1, "refused after " + seconds + " s");
  }

  @Test
  void anOutOfMemoryErrorIsReportedAtItsQuestion() {
    EngineCheck exhausting = (f, x, g) -> {
      throw new OutOfMemoryError("Java heap space");
    };
    PhaseVerifier verifier = new PhaseVerifier(new QuestionVerifier(3, exhausting), new NumericVerifier(),
        WorkLimits.DEFAULT);
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> verifier.verify(phase(matmul())));
    assertTrue(e.getMessage().startsWith("test.yaml:1:5: q-01-01: verifying this question ran out of memory (the "
        + "Java heap holds at most "), e.getMessage());
    assertTrue(e.getMessage().endsWith("and the limit gradproof.maxMemory is 256 MiB); use smaller dims, lower the "
        + "limit so that such questions are refused before they run, or give the build more memory "
        + "(MAVEN_OPTS=-Xmx2g); when questions are verified on several threads, the memory may be held by another "
        + "one verified at the same time, and -Dgradproof.threads=1 names the question that needs it"), e.getMessage());
  }

  @Test
  void limitsAreReadFromTheirWrittenForms() {
    assertEquals(new WorkLimits(100_000_000_000L, 256L << 20), WorkLimits.parse(null, " "));
    assertEquals(new WorkLimits(20_000_000_000L, 1L << 30), WorkLimits.parse("2e10", "1g"));
    assertEquals(new WorkLimits(5, 512L << 20), WorkLimits.parse("5", "512MiB"));
    assertEquals(new WorkLimits(5, 1000), WorkLimits.parse("5", "1000"));
    assertEquals(new WorkLimits(5, 3L << 10), WorkLimits.parse("5", "3k"));
    assertEquals(new WorkLimits(1_500_000_000L, 2L << 40), WorkLimits.parse("1.5E9", "2T"));
    assertEquals(new WorkLimits(Long.MAX_VALUE, 1), WorkLimits.parse(Long.toString(Long.MAX_VALUE), "1"));
    for (String bad : List.of("0", "-1", "lots", "1e30", "0.5", "1.25e1", "1e", "9223372036854775808")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkLimits.parse(bad, null));
      assertTrue(e.getMessage().contains("(gradproof.maxWork)"), e.getMessage());
    }
    for (String bad : List.of("0", "-1m", "1 m", "1x", "99999999999t")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkLimits.parse(null, bad));
      assertTrue(e.getMessage().contains("(gradproof.maxMemory)"), e.getMessage());
    }
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(CostEstimateTest.class.getResource(name).toURI());
  }
}

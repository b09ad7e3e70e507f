package io.github.gradproof.verify;

import io.github.gradproof.CourseFixture;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.QuizFiles;
import java.util.Locale;

/**
 * Benchmark, not a test: times verifying Phase 8 (loaded once) after a warm-up, and a simple
 * one-claim question, and prints milliseconds per verification. Run from the project root after
 * {@code mvn test-compile}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     io.github.gradproof.verify.VerifyBenchmark [runs]
 * </pre>
 */
public final class VerifyBenchmark {

  private VerifyBenchmark() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    Phase phase = QuizFiles.load(CourseFixture.PHASE_8, Phase8Test.DISPLAY, QuizFiles.LANGUAGES);
    PhaseVerifier phases = new PhaseVerifier();
    double[] phaseMs = time(runs, () -> phases.verify(phase));
    Question simple = TestQuestions.free("q-simple",
        TestQuestions.setup("M=3 K=4 N=5", "A[M,K] B[K,N]", "C = A @ B"), "dA = dC @ B.T");
    QuestionVerifier questions = new QuestionVerifier();
    double[] simpleMs = time(runs * 10, () -> questions.verify(simple));
    int phaseTrials = phases.verify(phase).questions().stream().mapToInt(QuestionResult::trials).sum();
    int simpleTrials = questions.verify(simple).trials();
    System.out.printf(Locale.ROOT, "Phase 8 (5 questions, %d trials): median %.2f ms, min %.2f ms per verification"
        + " (%d rounds of %d runs, warm)%n", phaseTrials, phaseMs[0], phaseMs[1], ROUNDS, runs);
    System.out.printf(Locale.ROOT, "simple question (1 claim, %d trials): median %.3f ms (%.0f questions/s), min %.3f ms"
        + " (%.0f questions/s)%n", simpleTrials, simpleMs[0], 1000 / simpleMs[0], simpleMs[1], 1000 / simpleMs[1]);
  }

  private static final int ROUNDS = 11;

  /** Warms up with {@code runs} runs, then times {@value #ROUNDS} rounds: {median, min} ms per run. */
  private static double[] time(int runs, Runnable task) {
    for (int i = 0; i < runs; i++) {
      task.run();
    }
    double[] perRun = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < runs; i++) {
        task.run();
      }
      perRun[round] = (System.nanoTime() - start) / 1e6 / runs;
    }
    java.util.Arrays.sort(perRun);
    return new double[] {perRun[ROUNDS / 2], perRun[0]};
  }
}

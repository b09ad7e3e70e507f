package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.QuizLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifies the real Phase 8 file and prints its table, for a first look. */
class Phase8Test {

  static Phase load() {
    return QuizLoader.load(Path.of("data/quizzes/phase-08-tensor-autograd.yaml"),
        "data/quizzes/phase-08-tensor-autograd.yaml", List.of("en", "es"));
  }

  @Test
  void everyAnswerIsProven() {
    PhaseResult r = new PhaseVerifier().verify(load());
    for (QuestionResult q : r.questions()) {
      System.out.println(q.question().id() + " trials=" + q.trials() + " engine=" + q.engineError());
      for (ChoiceResult c : q.choices()) {
        System.out.println("  " + c.number() + " " + c.verdict() + " keyed=" + c.keyed());
        c.claims().forEach(cl -> System.out.println("     " + cl));
      }
      q.answerClaims().forEach(cl -> System.out.println("   A " + cl));
      if (q.experiment() != null) {
        System.out.println("   " + q.experiment());
      }
    }
    r.problems().forEach(p -> System.out.println(p.format()));
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    assertEquals(5, r.questions().size());
  }
}

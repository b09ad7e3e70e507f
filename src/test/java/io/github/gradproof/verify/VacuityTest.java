package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.gradproof.quiz.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A comparison that holds whatever the forward and gradient values it reads are (at zeros and at
 * two far random probes) is vacuous; one that a probe breaks is not; {@code !=} and experiments are
 * never probed; the trial's values are put back.
 */
class VacuityTest {

  /** The claims of a question on x[4] with objective sum(x * x) that Vacuity finds vacuous. */
  private static List<String> vacuous(String... claims) {
    Question q = TestQuestions.free("q-vac", TestQuestions.exactDims(TestQuestions.setup("N=4", "x[N]",
        "f = sum(x * x)")), claims);
    CompiledQuestion cq = new CompiledQuestion(q);
    assertEquals(List.of(), cq.errors);
    Trial trial = new Trial(cq, cq.dimAssignments().get(0), Seeds.of(q.id(), 0));
    return Vacuity.of(cq, trial).stream().map(c -> c.text().source()).toList();
  }

  /**
   * sqrt(f * f) == abs(f) is an identity; f * f == f holds at zeros only; abs(f) > 0 everywhere but
   * at zeros; dx == 2 * x fails where dx is zeros.
   */
  @Test
  void onlyWhatHoldsAtEveryProbeIsVacuous() {
    assertEquals(List.of("sqrt(f * f) == abs(f)"), vacuous("sqrt(f * f) == abs(f)", "f * f == f", "abs(f) > 0",
        "dx == 2 * x"));
  }

  /**
   * The random probes reach about 1e3 × (1 + the largest |value|) (f is a sum of 4 squares of normal
   * draws, so well above 1): a bound of 1000 on |f| holds on the trial but not on them, so it says
   * something about the values.
   */
  @Test
  void aLooseBoundIsBrokenByTheFarProbes() {
    assertEquals(List.of(), vacuous("abs(f) < 1000"));
  }

  /**
   * abs(f) != -1 also holds whatever f is, but != is never probed, nor an experiment (f != f + 1,
   * whose sides differ by a constant, is refused before any trial: ConstantOffset).
   */
  @Test
  void inequalitiesAndExperimentsAreNotProbed() {
    assertEquals(List.of(), vacuous("abs(f) != -1", "fd_order(forward) ~ 1"));
  }

  /** 0/0 on zeros says nothing: dx / dx == 1 holds on every probe where it is defined. */
  @Test
  void aProbeThatMakesTheClaimUndefinedSaysNothing() {
    assertEquals(List.of("dx / dx == 1"), vacuous("dx / dx == 1", "dx / x == 2"));
  }

  /** A claim undefined on every probe (the square root of -1 whatever f is) is not known to be vacuous. */
  @Test
  void aClaimUndefinedOnEveryProbeIsNotVacuous() {
    assertEquals(List.of(), vacuous("sqrt(f - f - 1) == 0"));
  }

  /**
   * argmax(p) == argmax(z) holds for a third of random p with three classes: with two probes shared
   * by every question it was vacuous for whole families of ids; with {@value Vacuity#RANDOM_PROBES}
   * probes seeded by the id, for none of 60 ids.
   */
  @Test
  void aClaimThatRandomValuesSometimesMeetIsNotVacuous() {
    for (int id = 0; id < 60; id++) {
      Question q = TestQuestions.free("q-17-" + id, TestQuestions.exactDims(TestQuestions.setup("K=3", "z[K]",
          "p = softmax(z, dim=0)")), "argmax(p) == argmax(z)");
      CompiledQuestion cq = new CompiledQuestion(q);
      Trial trial = new Trial(cq, cq.dimAssignments().get(0), Seeds.of(q.id(), 0));
      assertEquals(java.util.Set.of(), Vacuity.of(cq, trial), q.id());
    }
  }

  @Test
  void theTrialsValuesArePutBack() {
    Question q = TestQuestions.free("q-vac", TestQuestions.exactDims(TestQuestions.setup("N=4", "x[N]",
        "f = sum(x * x)")), "sqrt(f * f) == abs(f)", "f * f == f");
    CompiledQuestion cq = new CompiledQuestion(q);
    Trial trial = new Trial(cq, cq.dimAssignments().get(0), Seeds.of(q.id(), 0));
    double[] x = trial.value("x").toArray();
    double f = trial.value("f").item();
    Vacuity.of(cq, trial);
    assertArrayEquals(x, trial.value("x").toArray());
    assertEquals(f, trial.value("f").item());
  }
}

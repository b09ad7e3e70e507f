package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Where an op's gradient is torch's rule rather than the slope of its value (cosine similarity's floor
 * of a norm at eps, binary cross-entropy's floor of {@code p (1 - p)} at 1e-12 and of its logarithms at
 * -100), the gradient check leaves those elements out, as it leaves out a kink's two sides, and still
 * compares every other element: a point just inside the regime is skipped, one just outside compared.
 * Each skipped point is shown to be one the central difference would refuse, so the skip is what passes it.
 */
class RuledRegimeTest {

  private static final double COSINE_EPS = 1e-8;
  /** binary_cross_entropy's floor of {@code p (1 - p)}: 1e-12 in single precision. */
  private static final double BCE_EPS = 1e-12f;
  private static final double[] A = {0.3, -1.2, 0.8, 0.5};
  /** A unit vector: {@code 1e-8 * scale * B_UNIT} has the norm {@code scale * eps}. */
  private static final double[] B_UNIT = {0.5, -0.5, 0.5, 0.5};

  private static Var c(double v) {
    return Var.constant(Tensor.scalar(v));
  }

  private static Tensor row(double[] v, double scale) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * scale;
    }
    return Tensor.of(out, 1, v.length);
  }

  /** {@code cosine_similarity(a, 1e-8 * b)}, the objective its sum. */
  private static double cosine(Var a, Var b) {
    return Ops.cosineSimilarity(a, b.mul(c(1e-8)), 1, COSINE_EPS).sum().value().item();
  }

  /** The engine's gradient of {@code f} at {@code x}, through a parameter leaf. */
  private static Tensor gradient(Function<Var, Var> f, Tensor x) {
    Var leaf = Var.parameter(x);
    return f.apply(leaf).sum().backward().of(leaf);
  }

  /** The central difference of {@code f} along element {@code i} at step {@code h}. */
  private static double central(ToDoubleFunction<Var> f, Tensor x, int i, double h) {
    double[] plus = x.toArray();
    double[] minus = x.toArray();
    plus[i] += h;
    minus[i] -= h;
    return (f.applyAsDouble(Var.constant(Tensor.of(plus, x.shape())))
        - f.applyAsDouble(Var.constant(Tensor.of(minus, x.shape())))) / (2 * h);
  }

  @Test
  void theFlooredOperandOfACosineJustInsideEpsIsLeftOutAndTheOtherStillCompared() {
    Tensor b = row(B_UNIT, 0.999); // 1e-8 * b has the norm 0.999e-8: floored
    Var a = Var.constant(row(A, 1));
    ToDoubleFunction<Var> f = v -> cosine(a, v);
    Tensor g = gradient(v -> Ops.cosineSimilarity(a, v.mul(c(1e-8)), 1, COSINE_EPS), b);
    double slope = central(f, b, 0, 1e-4);
    assertTrue(Math.abs(g.data()[0] - slope) > 1e-3 * Math.abs(slope),
        "torch's rule is not the slope there: " + g.data()[0] + " vs " + slope);
    GradCheckResult r = GradCheck.check(f, b, g);
    assertEquals(4, r.skipped(), r.toString());
    assertTrue(r.passed(), r.toString());

    Var floored = Var.constant(b);
    ToDoubleFunction<Var> byA = v -> cosine(v, floored);
    GradCheckResult other = GradCheck.check(byA, row(A, 1),
        gradient(v -> Ops.cosineSimilarity(v, floored.mul(c(1e-8)), 1, COSINE_EPS), row(A, 1)));
    assertEquals(0, other.skipped(), "the unfloored operand's gradient is the slope: " + other);
    assertTrue(other.passed(), other.toString());
  }

  @Test
  void aCosineOperandJustOutsideEpsIsCompared() {
    Tensor b = row(B_UNIT, 1.001);
    Var a = Var.constant(row(A, 1));
    GradCheckResult r = GradCheck.check(v -> cosine(a, v), b,
        gradient(v -> Ops.cosineSimilarity(a, v.mul(c(1e-8)), 1, COSINE_EPS), b));
    assertEquals(0, r.skipped(), r.toString());
    assertTrue(r.passed(), r.toString());
  }

  /** The logit {@code z} whose sigmoid {@code q} (below 1/2) has {@code q (1 - q) = product}. */
  private static double logitOfProduct(double product) {
    double q = (1 - Math.sqrt(1 - 4 * product)) / 2;
    return Math.log(q / (1 - q));
  }

  private static Var bceOfSigmoid(Var z, double target) {
    return Ops.binaryCrossEntropy(z.sigmoid(), Var.constant(Tensor.of(new double[] {target}, 1)));
  }

  @Test
  void aProbabilityJustInsideTheFloorOfItsGradientIsLeftOut() {
    Tensor z = Tensor.of(new double[] {logitOfProduct(0.999 * BCE_EPS)}, 1);
    double q = Var.constant(z).sigmoid().value().item();
    assertTrue(q * (1 - q) < BCE_EPS && q * (1 - q) > 0.99 * BCE_EPS, "inside, just: " + q);
    ToDoubleFunction<Var> f = v -> bceOfSigmoid(v, 0.5).sum().value().item();
    Tensor g = gradient(v -> bceOfSigmoid(v, 0.5), z);
    double slope = central(f, z, 0, 1e-4);
    assertTrue(Math.abs(g.item() - slope) > 1e-4 * Math.abs(slope), "the rule is not the slope: " + g + " vs " + slope);
    GradCheckResult r = GradCheck.check(f, z, g);
    assertEquals(1, r.skipped(), r.toString());
    assertTrue(r.passed(), r.toString());
  }

  @Test
  void aProbabilityJustOutsideTheFloorIsCompared() {
    Tensor z = Tensor.of(new double[] {logitOfProduct(1.001 * BCE_EPS)}, 1);
    double q = Var.constant(z).sigmoid().value().item();
    assertTrue(q * (1 - q) > BCE_EPS && q * (1 - q) < 1.01 * BCE_EPS, "outside, just: " + q);
    GradCheckResult r = GradCheck.check(v -> bceOfSigmoid(v, 0.5).sum().value().item(), z,
        gradient(v -> bceOfSigmoid(v, 0.5), z));
    assertEquals(0, r.skipped(), r.toString());
    assertTrue(r.passed(), r.toString());
  }

  /**
   * {@code sigmoid(30 z)} at {@code z = 1.2} is one ulp below 1, and a step of {@code z} does not move
   * it: the difference is exactly 0 while torch's rule gives {@code 30 q (1 - q) (q - t) / 1e-12}. The
   * element is left out because the ruled probability is computed from it, not because its value moved.
   */
  @Test
  void aRuledValueThatAStepDoesNotMoveIsStillLeftOut() {
    Tensor z = Tensor.of(new double[] {1.2, 0.05}, 2);
    Var t = Var.constant(Tensor.of(new double[] {0.25, 0.25}, 2));
    Function<Var, Var> loss = v -> Ops.binaryCrossEntropy(v.mul(c(30)).sigmoid(), t);
    ToDoubleFunction<Var> f = v -> loss.apply(v).sum().value().item();
    Tensor g = gradient(loss, z);
    assertEquals(0, central(f, z, 0, 1e-5), "the step does not move the probability");
    assertTrue(g.data()[0] != 0, "torch's rule: " + g);
    GradCheckResult r = GradCheck.check(f, z, g);
    assertEquals(1, r.skipped(), "the saturated element only: " + r);
    assertTrue(r.passed(), r.toString());
  }

  /** The target's gradient {@code log(1 - p) - log p} is not floored; the loss is, where {@code log p < -100}. */
  @Test
  void aTargetIsLeftOutWhereALogarithmOfItsProbabilityIsFloored() {
    double floor = Math.exp(-100);
    Tensor t = Tensor.of(new double[] {0.3, 0.6}, 2);
    Var q = Var.constant(Tensor.of(new double[] {0.98 * floor, 1.02 * floor}, 2)); // log q just below, just above -100
    Function<Var, Var> loss = v -> Ops.binaryCrossEntropy(q, v);
    ToDoubleFunction<Var> f = v -> loss.apply(v).sum().value().item();
    Tensor g = gradient(loss, t);
    double slope = central(f, t, 0, 1e-4);
    assertTrue(Math.abs(g.data()[0] - slope) > 1e-4 * Math.abs(slope), "not the slope: " + g + " vs " + slope);
    GradCheckResult r = GradCheck.check(f, t, g);
    assertEquals(1, r.skipped(), "the floored one only: " + r);
    assertTrue(r.passed(), r.toString());
  }

  /** A regime the trial's forward lines are in is no branch for a claim to reach ({@code KinkRecorder#reached}). */
  @Test
  void aReachingRecorderNotesNoRegime() {
    KinkRecorder reach = KinkRecorder.reaching();
    Var z = Var.probed(Tensor.of(new double[] {40, 0}, 2), true, null, reach);
    Ops.binaryCrossEntropy(z.sigmoid(), Var.constant(Tensor.of(new double[] {1, 0}, 2)));
    assertEquals(0, reach.reached().length);
  }

  /**
   * A step that leaves an operation's domain (a probability of 1 - 1e-7 stepped past 1) makes
   * binary_cross_entropy throw; the point is left out, not a crash and not a verdict, and the others compared.
   */
  @Test
  void aStepOutsideAnOperationsDomainSkipsThePoint() {
    Tensor p = Tensor.of(new double[] {1 - 1e-7, 0.5, 0.2}, 3);
    Var t = Var.constant(Tensor.of(new double[] {0.9, 0.3, 0.1}, 3));
    Function<Var, Var> loss = v -> Ops.binaryCrossEntropy(v, t);
    GradCheckResult r = GradCheck.check(v -> loss.apply(v).sum().value().item(), p, gradient(loss, p));
    assertEquals(1, r.skipped(), r.toString());
    assertTrue(r.passed(), r.toString());
  }
}

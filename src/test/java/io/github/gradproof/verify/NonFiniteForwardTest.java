package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.quiz.Distribution;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.quiz.Question;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The paragraph naming a forward line that gives NaN or an infinity: which value, at which element,
 * why such values arise, and which of the inputs it reads could be drawn differently.
 */
class NonFiniteForwardTest {

  private static final String NAN_CAUSES = "(the square root or logarithm of a negative number, 0/0, inf - inf)";
  private static final String INF_CAUSES = "(the logarithm of 0, a division by 0, an overflow of exp)";

  private static InputSpec input(String name, Distribution dist) {
    return new InputSpec(name, List.of(), dist, dist == Distribution.LABELS ? "K" : null, TestQuestions.at(3, 5));
  }

  private static final List<InputSpec> SPECS = List.of(input("x", Distribution.NORMAL), input("p",
      Distribution.POSITIVE), input("n", Distribution.SMALL_INT), input("y", Distribution.LABELS),
      input("u", Distribution.UNIFORM));

  @Test
  void theFirstValueThatIsNotFiniteIsFound() {
    assertEquals(-1, NonFiniteForward.firstNonFinite(Tensor.of(new double[] {1, -2, 3}, 3)));
    assertEquals(1, NonFiniteForward.firstNonFinite(Tensor.of(new double[] {1, Double.NaN, Double.NaN}, 3)));
    assertEquals(2, NonFiniteForward.firstNonFinite(Tensor.of(new double[] {0, 5, Double.NEGATIVE_INFINITY}, 3)));
  }

  /** NaN at flat index 2 of a 2 × 2 tensor is element [1, 0]; x (normal) could be declared positive. */
  @Test
  void aNanNamesItsElementAndAnInputOfEitherSign() {
    Tensor t = Tensor.of(new double[] {1, 2, Double.NaN, 4}, 2, 2);
    assertEquals("this forward line gives NaN at index [1, 0] when evaluated: it is undefined on the drawn inputs "
        + NAN_CAUSES + ", so nothing can be checked; it reads 'x' (dist: normal), 'u' (dist: uniform), which takes "
        + "values of either sign (or zero): declare it 'dist: positive' if the line needs positive values, or change "
        + "the line", NonFiniteForward.message(t, 2, Set.of("x", "u", "p", "n"), SPECS, "evaluated"));
  }

  /** A scalar has no index; an infinity has other causes; a ranged input's range is what to change. */
  @Test
  void anInfinityOfAScalarNamesARangedInput() {
    assertEquals("this forward line gives inf when drawn: it is undefined on the drawn inputs " + INF_CAUSES
        + ", so nothing can be checked; it reads 'n' (dist: small_int): choose a range on which the line is defined, "
        + "or change the line", NonFiniteForward.message(Tensor.scalar(Double.POSITIVE_INFINITY), 0, Set.of("n", "p"),
        SPECS, "drawn"));
    assertEquals("this forward line gives -inf at index [1] when evaluated: it is undefined on the drawn inputs "
        + INF_CAUSES + ", so nothing can be checked; change the line so that it is defined on its inputs",
        NonFiniteForward.message(Tensor.of(new double[] {0, Double.NEGATIVE_INFINITY}, 2), 1, Set.of("p", "y"), SPECS,
            "evaluated"));
  }

  /** The inputs a line reads through earlier forward names, not through its own name. */
  @Test
  void aLineReadsTheInputsOfTheNamesItUses() {
    Question q = TestQuestions.free("q-nf", TestQuestions.setup("N=2", "x[N] w[N] z[N]", "h = x * w; g = h + 1"),
        "dx == w");
    CompiledQuestion cq = new CompiledQuestion(q);
    Map<String, Set<String>> inputsOf = Map.of("x", Set.of("x"), "w", Set.of("w"), "h", Set.of("x", "w"),
        "g", Set.of("z"));
    assertEquals(Set.of("x", "w"), NonFiniteForward.inputsRead(cq.forward.get(0), inputsOf));
    assertEquals(Set.of("x", "w"), NonFiniteForward.inputsRead(cq.forward.get(1), inputsOf));
  }
}

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
        + "the line", NonFiniteForward.message(t, 2, Set.of("x", "u", "p", "n"), SPECS, "evaluated", false));
  }

  /** A scalar has no index; an infinity has other causes; a ranged input's range is what to change. */
  @Test
  void anInfinityOfAScalarNamesARangedInput() {
    assertEquals("this forward line gives inf when drawn: it is undefined on the drawn inputs " + INF_CAUSES
        + ", so nothing can be checked; it reads 'n' (dist: small_int): choose a range on which the line is defined, "
        + "or change the line", NonFiniteForward.message(Tensor.scalar(Double.POSITIVE_INFINITY), 0, Set.of("n", "p"),
        SPECS, "drawn", false));
    assertEquals("this forward line gives -inf at index [1] when evaluated: it is undefined on the drawn inputs "
        + INF_CAUSES + ", so nothing can be checked; change the line so that it is defined on its inputs",
        NonFiniteForward.message(Tensor.of(new double[] {0, Double.NEGATIVE_INFINITY}, 2), 1, Set.of("p", "y"), SPECS,
            "evaluated", false));
  }

  /**
   * A line that writes inf itself is told to consume the infinity where it is written (not to declare its
   * inputs positive), and a NaN there names the fully masked row, whose softmax is NaN in PyTorch too.
   */
  @Test
  void aLineThatWritesInfIsToldHowToUseIt() {
    Tensor scores = Tensor.of(new double[] {0.5, Double.NEGATIVE_INFINITY}, 1, 2);
    assertEquals("this forward line gives -inf at index [0, 1] when evaluated: a forward value must be finite, since"
        + " the gradient check perturbs each of its elements; the line writes inf, so use the infinity on the line"
        + " that consumes it, as softmax(s.masked_fill(mask, -inf), dim=-1) does (a filled position gets probability"
        + " 0), or fill with a large finite value such as -1e9",
        NonFiniteForward.message(scores, 1, Set.of("x"), SPECS, "evaluated", true));
    Tensor rows = Tensor.of(new double[] {1, 0, Double.NaN, Double.NaN}, 2, 2);
    assertEquals("this forward line gives NaN at index [1, 0] when evaluated: the line writes inf, and inf - inf,"
        + " 0 * inf, or a softmax or log_softmax of a row that is -inf everywhere (a fully masked row; PyTorch gives"
        + " NaN there too) is undefined, so nothing can be checked; leave at least one position of every row"
        + " unmasked (a causal mask triu(ones((T, T)), k=1) == 1 keeps the diagonal)",
        NonFiniteForward.message(rows, 2, Set.of("x"), SPECS, "evaluated", true));
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

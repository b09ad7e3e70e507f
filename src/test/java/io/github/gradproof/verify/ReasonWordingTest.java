package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.gradproof.claim.Argument;
import io.github.gradproof.claim.CompareOp;
import io.github.gradproof.claim.Operand;
import io.github.gradproof.claim.Operation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a reason writes operands that only some failures carry: booleans as Python writes them,
 * {@code fd_order}'s method by name, and numbers that are not finite.
 */
class ReasonWordingTest {

  private static final QuestionVerifier VERIFIER = new QuestionVerifier(1);

  private static Argument arg(String parameter, Operand value) {
    return new Argument(parameter, null, value);
  }

  /** A reduction over an axis that does not exist names its keyword arguments as written, True as True. */
  @Test
  void aBooleanArgumentReadsAsPythonWritesIt() {
    QuestionResult r = VERIFIER.verify(TestQuestions.free("q-bool", TestQuestions.setup("M=3 K=4", "A[M,K]",
        "L = sum(A)"), "sum(A, axis=5, keepdims=True) == 0"));
    assertEquals("invalid axis: sum((3, 4), axis=5, keepdims=True)",
        Reasons.english(r.answerClaims().get(0).reason()));
    Operation off = new Operation("sum", false, List.of(arg(null, new Operand.Tensor(new int[] {3, 4})),
        arg("keepdims", new Operand.Bool(false))));
    assertEquals("undefined operation: sum((3, 4), keepdims=False)",
        Reasons.english(new Reason.Undefined(Reason.Kind.DOMAIN, off, Map.of())));
  }

  @Test
  void aFiniteDifferenceMethodReadsAsItsName() {
    for (boolean central : new boolean[] {true, false}) {
      Operation op = new Operation("fd_order", false, List.of(arg(null, new Operand.Method(central))));
      assertEquals("undefined operation: fd_order(" + (central ? "central" : "forward") + ")",
          Reasons.english(new Reason.Undefined(Reason.Kind.DOMAIN, op, Map.of())));
    }
  }

  @Test
  void numbersThatAreNotFiniteReadAsJavaWritesThem() {
    Argument one = arg(null, new Operand.Element(1));
    assertEquals("comparison fails: NaN ≮ 1", Reasons.english(new Reason.ComparisonFails(CompareOp.LT,
        arg(null, new Operand.Element(Double.NaN)), one, null, Map.of())));
    assertEquals("comparison fails: [2]: -Infinity ≯ 1", Reasons.english(new Reason.ComparisonFails(CompareOp.GT,
        arg(null, new Operand.Element(Double.NEGATIVE_INFINITY)), one, new int[] {2}, Map.of())));
  }

  /**
   * A claim that held at some dims but failed at others names both, dims of equal size written
   * together in setup order: it held at M = K = 3 and at M = 2, K = 5, failed at M = 3, K = 4.
   */
  @Test
  void aClaimThatIsNotGeneralNamesWhereItHeldAndWhereItFailed() {
    Map<String, Integer> held1 = new java.util.LinkedHashMap<>();
    held1.put("M", 3);
    held1.put("K", 3);
    Map<String, Integer> held2 = new java.util.LinkedHashMap<>();
    held2.put("M", 2);
    held2.put("K", 5);
    Map<String, Integer> failed = new java.util.LinkedHashMap<>();
    failed.put("M", 3);
    failed.put("K", 4);
    Reason r = new Reason.NotGeneral(List.of(held1, held2), new Reason.ComparisonFails(CompareOp.LT,
        arg(null, new Operand.Element(2)), arg(null, new Operand.Element(1)), null, failed));
    assertEquals("it holds for M = K = 3 and M = 2, K = 5 but not for M = 3, K = 4: comparison fails: 2 ≮ 1",
        Reasons.english(r));
  }
}

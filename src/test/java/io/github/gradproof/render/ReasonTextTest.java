package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.gradproof.claim.Argument;
import io.github.gradproof.claim.CaseFile;
import io.github.gradproof.claim.CompareOp;
import io.github.gradproof.claim.Operand;
import io.github.gradproof.claim.Operation;
import io.github.gradproof.verify.ClaimResult;
import io.github.gradproof.verify.QuestionVerifier;
import io.github.gradproof.verify.Reason;
import io.github.gradproof.verify.TestQuestions;
import io.github.gradproof.verify.Verdict;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How reasons read on the pages: the kind's words in the page language, then the facts in symbols. */
class ReasonTextTest {

  /** The English reason words of {@code templates/i18n/en.yaml}. */
  private static final Map<String, String> EN = Map.of(
      "reason.shape", "shape", "reason.value", "values differ by", "reason.broadcast", "cannot broadcast",
      "reason.reshape", "cannot reshape", "reason.matmul", "matmul shapes", "reason.join", "cannot join",
      "reason.index", "invalid index", "reason.axis", "invalid axis", "reason.domain", "undefined",
      "reason.comparison", "");

  private static final Map<String, Integer> DIMS = Map.of("M", 3);

  private static Argument tensor(int... shape) {
    return new Argument(null, null, new Operand.Tensor(shape));
  }

  private static Argument element(double value) {
    return new Argument(null, null, new Operand.Element(value));
  }

  @Test
  void aGradientOfTheWrongShapeNamesTheTrueGradient() {
    Reason r = new Reason.ShapeMismatch(tensor(4, 3), tensor(3, 4), "dA", DIMS);
    assertEquals("shape (4, 3) ≠ dA (3, 4)", ReasonText.of(r, EN));
    assertEquals("(4, 3) ≠ (3,)", ReasonText.detail(new Reason.ShapeMismatch(tensor(4, 3), tensor(3), null, DIMS)));
  }

  @Test
  void aValueMismatchGivesTheWorstElementAndItsDifference() {
    assertEquals("values differ by |Δ[1, 2]| = 1.5e+00",
        ReasonText.of(new Reason.ValueMismatch("dA", new int[] {1, 2}, 2.0, 0.5, DIMS), EN));
    assertEquals("|Δ| = NaN", ReasonText.detail(new Reason.ValueMismatch("dx", new int[0], Double.NaN, 1, DIMS)));
  }

  @Test
  void aFalseComparisonShowsItselfWithoutWords() {
    Reason scalar = new Reason.ComparisonFails(CompareOp.LT, element(1.00412), element(0.5), new int[0], DIMS);
    assertEquals("1.004 ≮ 0.5", ReasonText.of(scalar, EN));
    Reason indexed = new Reason.ComparisonFails(CompareOp.APPROX, element(2.5e-7), element(3), new int[] {0, 1}, DIMS);
    assertEquals("[0, 1]: 2.5e-07 ≉ 3", ReasonText.of(indexed, EN));
    Reason ints = new Reason.ComparisonFails(CompareOp.EQ, new Argument(null, null, new Operand.Int(15)),
        new Argument(null, null, new Operand.Int(14)), null, DIMS);
    assertEquals("15 ≠ 14", ReasonText.of(ints, EN));
    Reason tuples = new Reason.ComparisonFails(CompareOp.NE, new Argument(null, null, new Operand.Tuple(new int[] {3})),
        new Argument(null, null, new Operand.Tuple(new int[] {3})), null, DIMS);
    assertEquals("(3,) = (3,)", ReasonText.of(tuples, EN));
    assertEquals("Δ ≈ 0", ReasonText.of(new Reason.NoElementDiffers(tensor(3), tensor(3), DIMS), EN));
  }

  @Test
  void anUndefinedOperationIsWrittenAsCalledWithShapes() {
    Operation sum = new Operation("sum", false, List.of(new Argument("x", null, new Operand.Tensor(new int[] {4, 3})),
        new Argument("axis", null, new Operand.Int(2)), new Argument("keepdims", null, new Operand.Bool(true))));
    assertEquals("invalid axis sum((4, 3), axis=2, keepdims=True)",
        ReasonText.of(new Reason.Undefined(Reason.Kind.AXIS, sum, DIMS), EN));
    Operation reshape = new Operation("reshape", false, List.of(new Argument("x", null, new Operand.Tensor(new int[] {4, 3})),
        new Argument("shape", null, new Operand.Tuple(new int[] {3}))));
    assertEquals("cannot reshape (4, 3) → (3,)", ReasonText.of(new Reason.Undefined(Reason.Kind.RESHAPE, reshape, DIMS), EN));
    Operation matmul = new Operation("@", true, List.of(tensor(3, 5), tensor()));
    assertEquals("matmul shapes (3, 5) @ ()", ReasonText.of(new Reason.Undefined(Reason.Kind.MATMUL, matmul, DIMS), EN));
    Operation order = new Operation("fd_order", false, List.of(new Argument("method", null, new Operand.Method(true))));
    assertEquals("fd_order(central)", ReasonText.detail(new Reason.Undefined(Reason.Kind.DOMAIN, order, DIMS)));
    Operation flat = new Operation("reshape", false, List.of(tensor(4, 3), new Argument("newshape", null, new Operand.Int(5))));
    assertEquals("(4, 3) → (5,)", ReasonText.detail(new Reason.Undefined(Reason.Kind.RESHAPE, flat, DIMS)));
  }

  @Test
  void arraysThatCannotBeJoinedAreListedAndVariadicOperandsGoByPosition() {
    Operation concat = new Operation("concatenate", false, List.of(
        new Argument("arrays", null, new Operand.Sequence(List.of(new Operand.Tensor(new int[] {3, 5}),
            new Operand.Tensor(new int[] {4, 4})))), new Argument("axis", null, new Operand.Int(0))));
    assertEquals("cannot join concatenate([(3, 5), (4, 4)], axis=0)",
        ReasonText.of(new Reason.Undefined(Reason.Kind.JOIN, concat, DIMS), EN));
    Operation einsum = new Operation("einsum", false, List.of(new Argument("subscripts", null, new Operand.Text("ij,jk")),
        tensor(3, 5), tensor(3, 4)));
    assertEquals("cannot broadcast einsum('ij,jk', (3, 5), (3, 4))",
        ReasonText.of(new Reason.Undefined(Reason.Kind.BROADCAST, einsum, DIMS), EN));
    Operation clip = new Operation("clip", false, List.of(tensor(3), new Argument("a_min", null, new Operand.None())));
    assertEquals("clip((3,), a_min=None)", ReasonText.detail(new Reason.Undefined(Reason.Kind.DOMAIN, clip, DIMS)));
    Operation floor = new Operation("//", true, List.of(new Argument(null, null, new Operand.Int(3)),
        new Argument(null, null, new Operand.Int(0))));
    assertEquals("undefined 3 // 0", ReasonText.of(new Reason.Undefined(Reason.Kind.DOMAIN, floor, DIMS), EN));
  }

  @Test
  void anIndexThatDoesNotFitShowsEachItem() {
    Operation index = new Operation(Operation.INDEX, false, List.of(tensor(3, 4),
        new Argument(null, null, new Operand.Ellipsis()), new Argument(null, null, new Operand.None()),
        new Argument(null, null, new Operand.Slice(1L, null, -2L)), new Argument(null, null, new Operand.Slice(null, 3L, null)),
        new Argument(null, null, new Operand.Int(-7)), tensor(2),
        new Argument(null, null, new Operand.Sequence(List.of(new Operand.Tensor(new int[] {2}),
            new Operand.Tensor(new int[] {3}))))));
    assertEquals("invalid index (3, 4)[..., None, 1::-2, :3, -7, array(2,), [array(2,), array(3,)]]",
        ReasonText.of(new Reason.Undefined(Reason.Kind.INDEX, index, DIMS), EN));
  }

  static Stream<CaseFile.Case> falseVerdicts() throws IOException {
    return CaseFile.read("/verify/verdicts.txt").stream()
        .filter(c -> c.error() == null && c.fields().get("verdict").startsWith("false: "));
  }

  /** The words that open each kind of reason in the build messages {@code verdicts.txt} is written in. */
  private static final List<String> MESSAGE_WORDS = List.of("shape ", "values differ: ", "shapes do not broadcast: ",
      "matmul inner dimensions differ: ", "cannot reshape ", "arrays cannot be joined: ", "invalid index: ",
      "invalid axis: ",
      "undefined operation: ", "comparison fails: ");

  /**
   * Every false claim of {@code verify/verdicts.txt} with a fixed reason, verified for real: the
   * page's detail is the one the case file writes after the reason's words.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("falseVerdicts")
  void realReasonsReadAsTheCaseFileSays(CaseFile.Case c) {
    ClaimResult claim = new QuestionVerifier().verify(TestQuestions.free("q-test",
        TestQuestions.setup(c.directives().getOrDefault("dims", ""), c.directives().getOrDefault("inputs", ""),
            c.directives().getOrDefault("forward", "")), c.fields().get("claim"))).answerClaims().get(0);
    assertEquals(Verdict.FALSE, claim.verdict(), c.toString());
    String expected = c.fields().get("verdict").substring("false: ".length());
    String words = MESSAGE_WORDS.stream().filter(expected::startsWith).findFirst().orElseThrow();
    assertEquals(expected.substring(words.length()), ReasonText.detail(claim.reason()), c.toString());
  }
}

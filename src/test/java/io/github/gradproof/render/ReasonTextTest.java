package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.SampleQuiz;
import io.github.gradproof.claim.Argument;
import io.github.gradproof.claim.CaseFile;
import io.github.gradproof.claim.CompareOp;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Line;
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

/**
 * How reasons read on the pages: one sentence in the page language that names the parts of the
 * claim as code and their shapes in the setup's symbols where they are known; and the
 * language-neutral detail of {@code verification.json}.
 */
class ReasonTextTest {

  private static final UiStrings UI = UiStrings.load(Theme.builtIn(), List.of("en", "es"));
  private static final Map<String, String> EN = UI.of("en");
  private static final Map<String, String> ES = UI.of("es");

  /** The setup of a matmul question: {@code A: [M, K]}, {@code B: [K, N]}. */
  private static final ShapeSymbols MATMUL = ShapeSymbols.of(TestQuestions.setup("M=3 K=4 N=5", "A[M,K] B[K,N]",
      "C = A @ B"));
  private static final Map<String, Integer> MKN = SampleQuiz.dims("M", 3, "K", 4, "N", 5);
  private static final ShapeSymbols NONE = ShapeSymbols.of(null);
  private static final Map<String, Integer> DIMS = Map.of("M", 3);

  private static Argument tensor(int... shape) {
    return new Argument(null, null, new Operand.Tensor(shape));
  }

  private static Argument tensor(String code, int... shape) {
    return new Argument(null, expr(code), new Operand.Tensor(shape));
  }

  private static Argument element(String code, double value) {
    return new Argument(null, code == null ? null : expr(code), new Operand.Element(value));
  }

  /** A sub-expression as the claim parser reads it. */
  private static Expr expr(String code) {
    return ((Line.Comparison) SampleQuiz.line(SampleQuiz.claim(code + " == 0", 1))).left();
  }

  private static String en(Reason r, ShapeSymbols symbols) {
    return html(ReasonText.phrase(r, EN, symbols));
  }

  /** The phrase's HTML with numbers' no-break spans left out, to read the sentence. */
  private static String html(Phrase phrase) {
    String html = phrase.html();
    assertTrue(phrase.plain().equals(org.jsoup.Jsoup.parse(html).text()), "HTML and plain text say the same");
    return html.replaceAll("<span class=\"nowrap\">([^<]*)</span>", "$1");
  }

  @Test
  void aClaimTrueOnlyAtTheAuthorsDimsSaysWhereItHeldAndWhereNot() {
    Reason failure = new Reason.ShapeMismatch(tensor("B @ dC.T", 7, 2), tensor(2, 7), "dA",
        SampleQuiz.dims("M", 2, "K", 7, "N", 3));
    Reason r = new Reason.NotGeneral(List.of(SampleQuiz.dims("M", 3, "K", 3, "N", 5)), failure);
    assertEquals("It holds for M = K = 3, N = 5 but not for M = 2, K = 7, N = 3. " + en(failure, MATMUL),
        en(r, MATMUL));
    assertEquals("Se cumple para M = K = 3, N = 5, pero no para M = 2, K = 7, N = 3. "
        + html(ReasonText.phrase(failure, ES, MATMUL)), html(ReasonText.phrase(r, ES, MATMUL)));
    assertEquals(ReasonText.detail(failure), ReasonText.detail(r));
    assertEquals("it holds for M = K = 3, N = 5 but not for M = 2, K = 7, N = 3: shape (7, 2) ≠ dA (2, 7)",
        io.github.gradproof.verify.Reasons.english(r));
  }

  @Test
  void aClaimFalseOnlyOnWidenedInputsSaysSo() {
    Reason failure = new Reason.ShapeMismatch(tensor("B @ dC.T", 7, 2), tensor(2, 7), "dA",
        SampleQuiz.dims("M", 2, "K", 7, "N", 3));
    Reason r = new Reason.Widened(16, failure);
    assertEquals("It holds on the usual inputs, which never reach a branch of the forward lines or of the claim, but"
        + " not with the normal inputs drawn 16 times wider, which do. " + en(failure, MATMUL), en(r, MATMUL));
    assertEquals("Se cumple con las entradas habituales, que nunca llegan a una rama de las líneas forward o de la"
        + " afirmación, pero no con las entradas normales 16 veces más anchas, que sí llegan. " + html(ReasonText.phrase(failure, ES, MATMUL)),
        html(ReasonText.phrase(r, ES, MATMUL)));
    assertEquals(ReasonText.detail(failure), ReasonText.detail(r));
    assertEquals("it holds on the usual draws, which never reach a branch of the forward lines or of the claim, but not"
        + " with the normal inputs drawn 16 times wider, which do: shape (7, 2) ≠ dA (2, 7)", io.github.gradproof.verify.Reasons.english(r));
  }

  @Test
  void aWidenedDrawOfBoundedInputsSaysTheyWereDrawnNearTheEnds() {
    Reason failure = new Reason.ShapeMismatch(tensor("B @ dC.T", 7, 2), tensor(2, 7), "dA",
        SampleQuiz.dims("M", 2, "K", 7, "N", 3));
    assertEquals("It holds on the usual inputs, which never reach a branch of the forward lines or of the claim, but"
        + " not with the inputs drawn nearer the ends of their ranges, which do. " + en(failure, MATMUL),
        en(new Reason.Widened(16, failure, Reason.Widened.Moved.BOUNDED), MATMUL));
    assertEquals("It holds on the usual inputs, which never reach a branch of the forward lines or of the claim, but"
        + " not with the normal inputs drawn 4 times wider and the others nearer the ends of their ranges, which do. "
        + en(failure, MATMUL), en(new Reason.Widened(4, failure, Reason.Widened.Moved.BOTH), MATMUL));
    assertTrue(io.github.gradproof.verify.Reasons.english(new Reason.Widened(16, failure, Reason.Widened.Moved.BOUNDED))
        .startsWith("it holds on the usual draws, which never reach a branch of the forward lines or of the claim, but"
            + " not with the inputs drawn nearer the ends of their ranges, which do: "));
  }

  @Test
  void aGradientOfTheWrongShapeSpeaksThePromptsSymbols() {
    Reason r = new Reason.ShapeMismatch(tensor("B @ dC.T", 4, 3), tensor(3, 4), "dA", MKN);
    assertEquals("<code>B @ dC.T</code> has shape (K, M) = (4, 3), but <code>dA</code> has shape (M, K) = (3, 4).",
        en(r, MATMUL));
    assertEquals("<code>B @ dC.T</code> tiene forma (K, M) = (4, 3), pero <code>dA</code> tiene forma (M, K) = (3, 4).",
        html(ReasonText.phrase(r, ES, MATMUL)));
    assertEquals("(4, 3) ≠ dA (3, 4)", ReasonText.detail(r));
  }

  @Test
  void symbolsAreNeverGuessed() {
    Map<String, Integer> tied = SampleQuiz.dims("M", 3, "K", 3);
    Reason r = new Reason.ShapeMismatch(tensor("B @ dC.T", 3, 5), tensor(3, 4), "dC", tied);
    assertEquals("<code>B @ dC.T</code> has shape (3, 5), but <code>dC</code> has shape (3, 4).", en(r, NONE),
        "two dims of size 3, and no dim of size 5: numbers only");
  }

  /**
   * A computed shape is named after the dims only as the checker derives it: at the fresh dims N = 3,
   * C = 4, H = 6, W = 7, {@code dx[:, :, ::2, ::2]} has shape (3, 4, 3, 4), which reading sizes back
   * would call (N, C, N, C) because its halved axes happen to equal N and C.
   */
  @Test
  void aComputedShapeIsNotNamedAfterADimThatOnlyHasItsSize() {
    io.github.gradproof.quiz.Setup setup = TestQuestions.setup("N=2 C=3 H=4 W=6", "x[N,C,H,W]",
        "y = avg_pool2d(x, 2)");
    io.github.gradproof.verify.QuestionResult result = new QuestionVerifier().verify(
        TestQuestions.free("q-23-02", setup, "dx[:, :, ::2, ::2] == dy / 4"));
    ClaimResult c = result.answerClaims().get(0);
    assertEquals(Verdict.FALSE, c.verdict());
    String text = en(c.reason(), ShapeSymbols.of(setup, result));
    // The failing trial's sizes are numbers; the pooled shape is the one the checker derives.
    assertTrue(text.contains("has shape (N, C, (H - 2)//2 + 1, (W - 2)//2 + 1) = ("), text);
    assertTrue(text.matches("(?s).*<code>dx\\[:, :, ::2, ::2\\]</code> has shape \\(\\d+, \\d+, \\d+, \\d+\\).*"), text);
    assertFalse(text.matches("(?s).*\\(N, C, [NCHW], [NCHW]\\).*"), text);
  }

  /** The same for autograd's gradient of a forward name: dy of y = avg_pool2d(x, 2) is (2, 3, 2, 3), not (N, C, N, C). */
  @Test
  void aForwardNamesGradientIsNotNamedAfterADimThatOnlyHasItsSize() {
    io.github.gradproof.quiz.Setup setup = TestQuestions.setup("N=2 C=3 H=4 W=6", "x[N,C,H,W]",
        "y = avg_pool2d(x, 2); z = y * 2");
    io.github.gradproof.verify.QuestionResult result = new QuestionVerifier().verify(
        TestQuestions.free("q-pool", setup, "dy = 2 * dz[:, :, :2, :2]"));
    ClaimResult c = result.answerClaims().get(0);
    assertEquals(Verdict.FALSE, c.verdict());
    String text = en(c.reason(), ShapeSymbols.of(setup, result));
    assertTrue(text.contains("(2, 3, 2, 3)"), text);
    assertFalse(text.contains("(N, C, N, C)"), text);
  }

  @Test
  void aScalarIsCalledAScalar() {
    Reason r = new Reason.ShapeMismatch(tensor("sum(dA)"), tensor(3, 4), "dA", MKN);
    assertEquals("<code>sum(dA)</code> is a scalar, but <code>dA</code> has shape (M, K) = (3, 4).", en(r, MATMUL));
    assertEquals("<code>sum(dA)</code> es un escalar, pero <code>dA</code> tiene forma (M, K) = (3, 4).",
        html(ReasonText.phrase(r, ES, MATMUL)));
  }

  @Test
  void aValueMismatchGivesTheWorstElementAndItsDifference() {
    assertEquals("At index [1, 2] the claim gives 2, but <code>dA</code> is 0.5 (off by 1.5e+00).",
        en(new Reason.ValueMismatch("dA", new int[] {1, 2}, 2.0, 0.5, DIMS), NONE));
    assertEquals("The claim gives 1.25, but <code>dx</code> is 1 (off by 2.5e-01).",
        en(new Reason.ValueMismatch("dx", new int[0], 1.25, 1, DIMS), NONE));
    assertEquals("|Δ| = NaN", ReasonText.detail(new Reason.ValueMismatch("dx", new int[0], Double.NaN, 1, DIMS)));
  }

  @Test
  void aFalseComparisonSaysWhatEachSideIs() {
    Reason order = new Reason.ComparisonFails(CompareOp.LT, element("fd_order(forward)", 1.00412), element("0.5", 0.5),
        new int[0], DIMS);
    assertEquals("<code>fd_order(forward)</code> is 1.004, which is not less than 0.5.", en(order, NONE));
    assertEquals("<code>fd_order(forward)</code> vale 1.004, que no es menor que 0.5.",
        html(ReasonText.phrase(order, ES, NONE)));
    assertEquals("1.004 ≮ 0.5", ReasonText.detail(order));
    Reason evals = new Reason.ComparisonFails(CompareOp.LT,
        new Argument(null, expr("fd_evals(central)"), new Operand.Int(12)),
        new Argument(null, expr("fd_evals(forward)"), new Operand.Int(7)), null, DIMS);
    assertEquals("<code>fd_evals(central)</code> is 12, which is not less than <code>fd_evals(forward)</code> = 7.",
        en(evals, NONE));
    Reason indexed = new Reason.ComparisonFails(CompareOp.APPROX, element("dx", 2.5e-7), element("3", 3),
        new int[] {0, 1}, DIMS);
    assertEquals("At index [0, 1], <code>dx</code> is 2.5e-07, which is not approximately equal to 3.",
        en(indexed, NONE));
    assertEquals("[0, 1]: 2.5e-07 ≉ 3", ReasonText.detail(indexed));
    Reason tuples = new Reason.ComparisonFails(CompareOp.EQ,
        new Argument(null, expr("dx.shape"), new Operand.Tuple(new int[] {3, 4})),
        new Argument(null, expr("(R, C)"), new Operand.Tuple(new int[] {3, 5})), null, DIMS);
    assertEquals("<code>dx.shape</code> is (3, 4), which is not equal to <code>(R, C)</code> = (3, 5).",
        en(tuples, NONE));
    Reason same = new Reason.NoElementDiffers(tensor("dA", 3), tensor("dC @ B.T", 3), DIMS);
    assertEquals("<code>dA</code> and <code>dC @ B.T</code> are equal in every element, within the tolerance.",
        en(same, NONE));
    assertEquals("Δ ≈ 0", ReasonText.detail(same));
  }

  /**
   * The outside tester's Adam step: both sides of a refused equality, and a claimed gradient and
   * autograd's, get the digits that tell them apart, in every language and in the detail.
   */
  @Test
  void valuesThatAgreeToFourDigitsGetTheDigitsThatTellThemApart() {
    Reason adam = new Reason.ComparisonFails(CompareOp.EQ, element("w1", -0.26240100),
        element("w - 0.001 * g / (abs(g) + 1e-5)", -0.26239902), new int[] {4}, DIMS);
    assertEquals("At index [4], <code>w1</code> is -0.262401, which is not equal to "
        + "<code>w - 0.001 * g / (abs(g) + 1e-5)</code> = -0.262399.", en(adam, NONE));
    assertEquals("En el índice [4], <code>w1</code> vale -0.262401, que no es igual a "
        + "<code>w - 0.001 * g / (abs(g) + 1e-5)</code> = -0.262399.", html(ReasonText.phrase(adam, ES, NONE)));
    assertEquals("[4]: -0.262401 ≠ -0.262399", ReasonText.detail(adam));
    Reason step = new Reason.ComparisonFails(CompareOp.EQ, element("w1 - w", -0.00099999999),
        element("-0.001 * g / (abs(g) + 1e-5)", -0.00099999), new int[] {0}, DIMS);
    assertEquals("[0]: -1.0000e-03 ≠ -9.9999e-04", ReasonText.detail(step));
    assertEquals("At index [0], <code>w1 - w</code> is -1.0000e-03, which is not equal to "
        + "<code>-0.001 * g / (abs(g) + 1e-5)</code> = -9.9999e-04.", en(step, NONE));
    Reason literal = new Reason.ComparisonFails(CompareOp.EQ, element("x", 0.30000000000000004), element("0.3", 0.3),
        new int[0], DIMS);
    assertEquals("<code>x</code> is 0.30000000000000004, which is not equal to 0.3.", en(literal, NONE));
    assertEquals("The claim gives 1.00001, but <code>dx</code> is 1 (off by 1.0e-05).",
        en(new Reason.ValueMismatch("dx", new int[0], 1.00001, 1, DIMS), NONE));
    assertEquals("La afirmación da -0.50003, pero <code>dx</code> vale -0.50002 (diferencia: 1.0e-05).",
        html(ReasonText.phrase(new Reason.ValueMismatch("dx", new int[0], -0.50003, -0.50002, DIMS), ES, NONE)));
  }

  @Test
  void anUndefinedOperationNamesItsOperandsAndTheirShapes() {
    Operation matmul = new Operation("@", true, List.of(tensor("dC", 3, 5), tensor("A", 3, 4)));
    assertEquals("<code>dC @ A</code> is undefined: <code>dC</code> has shape (M, N) = (3, 5) and <code>A</code> has "
        + "shape (M, K) = (3, 4), whose inner sizes differ.", en(new Reason.Undefined(Reason.Kind.MATMUL, matmul, MKN),
        MATMUL));
    assertEquals("(3, 5) @ (3, 4)", ReasonText.detail(new Reason.Undefined(Reason.Kind.MATMUL, matmul, MKN)));
    Operation times = new Operation("*", true, List.of(tensor("dC", 3, 5), tensor("B.T", 5, 4)));
    assertEquals("<code>dC * B.T</code> no está definida: <code>dC</code> tiene forma (M, N) = (3, 5) y "
        + "<code>B.T</code> tiene forma (N, K) = (5, 4), que no admiten broadcasting entre sí.",
        html(ReasonText.phrase(new Reason.Undefined(Reason.Kind.BROADCAST, times, MKN), ES, MATMUL)));
    Operation reshape = new Operation("reshape", false, List.of(new Argument("x", expr("dc"), new Operand.Tensor(new int[] {4, 3})),
        new Argument("shape", expr("(D,)"), new Operand.Tuple(new int[] {3}))));
    Map<String, Integer> rd = SampleQuiz.dims("R", 4, "D", 3);
    assertEquals("<code>dc</code> tiene forma (R, D) = (4, 3), que no se puede redimensionar a (D,) = (3,).",
        html(ReasonText.phrase(new Reason.Undefined(Reason.Kind.RESHAPE, reshape, rd), ES, NONE)));
    assertEquals("(4, 3) → (3,)", ReasonText.detail(new Reason.Undefined(Reason.Kind.RESHAPE, reshape, rd)));
    Operation sum = new Operation("sum", false, List.of(new Argument("x", expr("dc"), new Operand.Tensor(new int[] {4, 3})),
        new Argument("axis", expr("2"), new Operand.Int(2)), new Argument("keepdims", expr("True"), new Operand.Bool(true))));
    assertEquals("<code>sum(dc, axis=2, keepdims=True)</code> is undefined for these operands "
        + "(dc: (R, D) = (4, 3); axis = 2; keepdims = True).", en(new Reason.Undefined(Reason.Kind.DOMAIN, sum, rd), NONE));
    assertEquals("sum((4, 3), axis=2, keepdims=True)", ReasonText.detail(new Reason.Undefined(Reason.Kind.DOMAIN, sum, rd)));
    Operation order = new Operation("fd_order", false, List.of(new Argument("method", null, new Operand.Method(true))));
    assertEquals("fd_order(central)", ReasonText.detail(new Reason.Undefined(Reason.Kind.DOMAIN, order, DIMS)));
    Operation flat = new Operation("reshape", false, List.of(tensor(4, 3), new Argument("newshape", null, new Operand.Int(5))));
    assertEquals("(4, 3) → (5,)", ReasonText.detail(new Reason.Undefined(Reason.Kind.RESHAPE, flat, DIMS)));
  }

  /** inv or solve of a singular matrix has a sentence of its own, in both languages, not "undefined ... operands". */
  @Test
  void aSingularMatrixIsNamedAsSuch() {
    Operation inv = new Operation("inv", false, List.of(tensor("A - A", 3, 4)));
    Reason singular = new Reason.Undefined(Reason.Kind.SINGULAR, inv, MKN);
    assertEquals("<code>inv(A - A)</code> is undefined: a matrix is singular (an exact zero pivot), so it has no "
        + "inverse (A - A: (M, K) = (3, 4)).", en(singular, MATMUL));
    assertEquals("<code>inv(A - A)</code> no está definida: una matriz es singular (un pivote exactamente cero), así "
        + "que no tiene inversa (A - A: (M, K) = (3, 4)).", html(ReasonText.phrase(singular, ES, MATMUL)));
    assertEquals("undefined operation, a singular matrix has no inverse: inv((3, 4))",
        io.github.gradproof.verify.Reasons.english(singular));
  }

  @Test
  void arraysThatCannotBeJoinedAreListedAndVariadicOperandsGoByPosition() {
    Operation concat = new Operation("concatenate", false, List.of(
        new Argument("arrays", null, new Operand.Sequence(List.of(new Operand.Tensor(new int[] {3, 5}),
            new Operand.Tensor(new int[] {4, 4})))), new Argument("axis", null, new Operand.Int(0))));
    assertEquals("concatenate([(3, 5), (4, 4)], axis=0)",
        ReasonText.detail(new Reason.Undefined(Reason.Kind.JOIN, concat, DIMS)));
    Operation written = new Operation("concatenate", false, List.of(
        new Argument("arrays", expr("[a, b]"), new Operand.Sequence(List.of(new Operand.Tensor(new int[] {3, 5}),
            new Operand.Tensor(new int[] {4, 4})))), new Argument("axis", expr("0"), new Operand.Int(0))));
    assertEquals("concatenate([a, b], axis=0) is undefined: the parts' shapes do not fit together "
        + "([a, b]: [(3, 5), (4, 4)]; axis = 0).",
        ReasonText.phrase(new Reason.Undefined(Reason.Kind.JOIN, written, DIMS), EN, NONE).plain());
    Operation einsum = new Operation("einsum", false, List.of(new Argument("subscripts", null, new Operand.Text("ij,jk")),
        tensor(3, 5), tensor(3, 4)));
    assertEquals("einsum('ij,jk', (3, 5), (3, 4))",
        ReasonText.detail(new Reason.Undefined(Reason.Kind.BROADCAST, einsum, DIMS)));
    Operation clip = new Operation("clip", false, List.of(tensor(3), new Argument("a_min", null, new Operand.None())));
    assertEquals("clip((3,), a_min=None)", ReasonText.detail(new Reason.Undefined(Reason.Kind.DOMAIN, clip, DIMS)));
    Operation floor = new Operation("//", true, List.of(new Argument(null, null, new Operand.Int(3)),
        new Argument(null, null, new Operand.Int(0))));
    assertEquals("3 // 0", ReasonText.detail(new Reason.Undefined(Reason.Kind.DOMAIN, floor, DIMS)));
  }

  @Test
  void anIndexThatDoesNotFitShowsEachItem() {
    Operation index = new Operation(Operation.INDEX, false, List.of(tensor(3, 4),
        new Argument(null, null, new Operand.Ellipsis()), new Argument(null, null, new Operand.None()),
        new Argument(null, null, new Operand.Slice(1L, null, -2L)), new Argument(null, null, new Operand.Slice(null, 3L, null)),
        new Argument(null, null, new Operand.Int(-7)), tensor(2),
        new Argument(null, null, new Operand.Sequence(List.of(new Operand.Tensor(new int[] {2}),
            new Operand.Tensor(new int[] {3}))))));
    assertEquals("(3, 4)[..., None, 1::-2, :3, -7, array(2,), [array(2,), array(3,)]]",
        ReasonText.detail(new Reason.Undefined(Reason.Kind.INDEX, index, DIMS)));
  }

  /**
   * An index array of floats is refused by NumPy and PyTorch whatever its values: the page says so
   * and what to index with, never that an index is out of range.
   */
  @Test
  void anIndexArrayOfFloatsSaysNumPyAndPyTorchRefuseItNotThatItIsOutOfRange() {
    Operation index = new Operation(Operation.INDEX, false, List.of(tensor("dx", 4), tensor("s")));
    Reason floats = new Reason.Undefined(Reason.Kind.INDEX_TYPE, index, SampleQuiz.dims("N", 4));
    assertEquals("<code>dx[s]</code> is undefined: an index array holds floats, which NumPy and PyTorch refuse as "
        + "indices (dx: (N,) = (4,); s: ()); index with integers: dims and their // arithmetic, arange, argmax, or a "
        + "labels input.", html(ReasonText.phrase(floats, EN, NONE)));
    assertEquals("<code>dx[s]</code> no está definida: un array de índices contiene números de coma flotante, que "
        + "NumPy y PyTorch rechazan como índices (dx: (N,) = (4,); s: ()); indexa con enteros: dims y su aritmética "
        + "con //, arange, argmax o una entrada labels.", html(ReasonText.phrase(floats, ES, NONE)));
    assertEquals("(4,)[array()]", ReasonText.detail(floats));
  }

  @Test
  void everyReasonIsASentenceInEveryBuiltInLanguage() {
    Operation matmul = new Operation("@", true, List.of(tensor("dC", 3, 5), tensor("A", 3, 4)));
    List<Reason> reasons = List.of(new Reason.ShapeMismatch(tensor("B @ dC.T", 4, 3), tensor(3, 4), "dA", MKN),
        new Reason.ValueMismatch("dA", new int[] {1, 2}, 2.0, 0.5, DIMS),
        new Reason.Undefined(Reason.Kind.MATMUL, matmul, MKN),
        new Reason.NoElementDiffers(tensor("dA", 3), tensor("dC", 3), DIMS));
    for (Map<String, String> t : List.of(EN, ES)) {
      for (Reason r : reasons) {
        String text = ReasonText.phrase(r, t, MATMUL).plain();
        assertTrue(Character.isUpperCase(text.charAt(0)) || text.startsWith("B @") || text.startsWith("dC")
            || text.startsWith("dA"), text);
        assertTrue(text.endsWith("."), text);
        assertFalse(text.contains("{"), "every placeholder filled: " + text);
      }
    }
  }

  static Stream<CaseFile.Case> falseVerdicts() throws IOException {
    return CaseFile.read("/verify/verdicts.txt").stream()
        .filter(c -> c.error() == null && c.fields().get("verdict").startsWith("false: "));
  }

  /** The words that open each kind of reason in the build messages {@code verdicts.txt} is written in. */
  private static final List<String> MESSAGE_WORDS = List.of("shape ", "values differ: ", "shapes do not broadcast: ",
      "matmul inner dimensions differ: ", "cannot reshape ", "arrays cannot be joined: ",
      "invalid index: an array of floats, which NumPy and PyTorch refuse as an index: ", "invalid index: ",
      "invalid axis: ", "undefined operation, a singular matrix has no inverse: ",
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

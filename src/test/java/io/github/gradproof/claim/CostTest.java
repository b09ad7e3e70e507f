package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.gradproof.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One line's cost, counted by hand from the rules in {@link Cost}: 2000 per operation, 16 per
 * element of the larger of its result and its operands, plus its multiply-adds. Under
 * {@code M = 3, K = 4, N = 5}, {@code A: (M, K)}, {@code B: (K, N)}, {@code X: (2, M, K)},
 * {@code Y: (2, K, N)}, images {@code x: (2, 3, 8, 8)} and filters {@code w: (4, 3, 3, 3)}.
 */
class CostTest {

  private static final Map<String, Integer> DIMS = Map.of("M", 3, "K", 4, "N", 5);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // 15 created, 12 + 20 read, 15 × 4 multiply-adds: 2000 + 16 × 32 + 60
      "A @ B                              | 2572 | 15",
      // the same contraction in every spelling costs the same
      "einsum('ij,jk->ik', A, B)          | 2572 | 15",
      "dot(A, B)                          | 2572 | 15",
      "A.dot(B)                           | 2572 | 15",
      // batched, with '...': 2 × 3 × 4 × 5 multiply-adds, 30 created, 24 + 40 read
      "einsum('...ij,...jk->...ik', X, Y) | 3144 | 30",
      "X @ Y                              | 3144 | 30",
      // (2, 4, 6, 6) = 288 created, 384 + 108 read, 288 × (3 × 3 × 3) multiply-adds
      "conv2d(x, w)                       | 17648 | 288",
      // (2, 3, 4, 4) = 96 created, 384 read, 96 × 2 × 2 for the windows
      "max_pool2d(x, 2)                   | 8528 | 96",
      // a window given as a pair: (2, 3, 4, 2) = 48 created, 48 × 2 × 4 for the windows; the
      // tuple is a node of its own, one more operation (2000) that creates no tensor
      "max_pool2d(x, (2, 4))              | 10528 | 48",
      // a window of a dim (M = 3): (2, 3, 4, 2) = 48 created, 48 × 2 × 3 for the windows
      "max_pool2d(x, (2, M))              | 10432 | 48",
      // exp: 2000 + 16 × 12; × 2.0: 2000 + 16 × (12 + 1); + A: 2000 + 16 × 24 (the float literal
      // is one element read, none created)
      "exp(A) * 2.0 + A                   | 6784 | 36",
      // A > 0 creates 12, reading 12 (an integer is no tensor): 2192; where creates 12, reading
      // 12 + 12 + 1 (a float literal is a one-element tensor): 2400
      "where(A > 0, A, 0.0)               | 4592 | 24",
      // a reduction reads more than it creates
      "sum(A, axis=0)                     | 2192 | 4",
      // '...' broadcast over operands of different ranks (NumPy: (2, 3, 5)): 2 × 3 × 4 × 5
      // multiply-adds, 30 created, 12 + 40 read; the same as the matmul
      "einsum('...ij,...jk->...ik', A, Y) | 2952 | 30",
      "A @ Y                              | 2952 | 30",
      // '...' last: i = 2 and the 3 × 4 it covers; (3, 4) created, 24 + 24 read
      "einsum('i...,i...->...', X, X)     | 2792 | 12",
      // '...' between letters: i = 2, k = 4 and the 3 it covers; (4, 3) created, 24 read
      "einsum('i...k->k...', X)           | 2408 | 12",
      // letters past the operand's rank (the run refuses it) are no sizes: i = 3, j = 4, read 12,
      // created as large as the operand (its shape is unknown statically)
      "einsum('ijk->i', A)                | 2204 | 12",
      "einsum('...ijk->i', A)             | 2193 | 12",
      // a letter after '...' in an operand it fits exactly: i = 3, j = 4; a scalar created
      "einsum('...ij->...', A)            | 2204 | 1",
      // one_hot's classes depend on the labels' values: estimated as large as the labels (3)
      "one_hot(y)                         | 2048 | 3",
      // S: (2, M, M) reads 18; LU 18 × 3 / 3 = 18; inv solves 3 columns of 3 per matrix: 18 × 3 = 54
      "inv(S)                             | 2360 | 18",
      // det: the LU only; it creates one value per matrix
      "det(S)                             | 2306 | 2",
      // solve by a vector u: (M,): reads 18 + 3, creates (2, 3), each element n = 3 multiply-adds after the LU
      "solve(S, u)                        | 2372 | 6",
  })
  void aLineCostsWhatItsNodesDo(String expression, double work, double elements) {
    Scope scope = CaseFile.scope("M:dim K:dim N:dim A:input[M,K] B:input[K,N] X:input[2,M,K] Y:input[2,K,N] "
        + "x:input[2,3,8,8] w:input[4,3,3,3] y:labels[M] S:input[2,M,M] u:input[M]");
    List<Diagnostic> sink = new ArrayList<>();
    CheckedLine line = Claims.checkForwardLine(CaseFile.text("out = " + expression.strip()), scope, sink);
    assertNotNull(line, sink::toString);
    assertEquals(new Cost(work, elements), Cost.of(line, DIMS), expression);
  }

  /**
   * A comparison costs both sides and their comparison: {@code sum(dA)} reads 12 and creates 1
   * (2000 + 16 × 12), the integer 0 is free, comparing one element with none is 2000 + 16 × 1.
   */
  @org.junit.jupiter.api.Test
  void aComparisonAddsTheElementwiseComparisonOfItsSides() {
    assertEquals(new Cost(2192 + 2016, 1), Cost.of(claim("M:dim K:dim A:input[M,K]", "sum(dA) >= 0"), DIMS));
    // 0 * A reads and creates 12 (2000 + 16 × 12); comparing 12 with 12 elements is the same again
    assertEquals(new Cost(2 * 2192, 12), Cost.of(claim("M:dim K:dim A:input[M,K]", "dA >= 0 * A"), DIMS));
  }

  /** A gradient claim costs its claimed value ({@code 2 * C}: reads 15, creates 15); n evaluations n times that. */
  @org.junit.jupiter.api.Test
  void aGradientClaimCostsItsValue() {
    Cost once = Cost.of(claim("M:dim N:dim C:input[M,N]", "dC = 2 * C"), DIMS);
    assertEquals(new Cost(2000 + 16 * 15, 15), once);
    assertEquals(new Cost(3 * (2000 + 16 * 15), 45), once.times(3));
  }

  private static CheckedLine claim(String scope, String claim) {
    List<Diagnostic> sink = new ArrayList<>();
    CheckedLine line = Claims.checkClaim(CaseFile.text(claim), CaseFile.scope(scope).withGradients(), sink);
    assertNotNull(line, sink::toString);
    return line;
  }
}

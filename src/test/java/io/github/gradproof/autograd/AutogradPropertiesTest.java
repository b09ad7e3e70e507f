package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random shapes and random expression trees, checked against central differences. */
class AutogradPropertiesTest {

  /** A pair of broadcast-compatible shapes, made by weakening a common target shape. */
  @Provide
  Arbitrary<int[][]> compatiblePairs() {
    Arbitrary<int[]> target = Arbitraries.integers().between(1, 3).array(int[].class).ofMaxSize(4);
    return Combinators.combine(target, Arbitraries.longs()).as((t, seed) -> {
      Rng rng = new Rng(seed);
      return new int[][] {weaken(t, rng), weaken(t, rng)};
    });
  }

  /** Drops some leading axes and turns some of the rest into size-1 axes. */
  private static int[] weaken(int[] target, Rng rng) {
    int drop = rng.nextInt(target.length + 1);
    int[] s = Arrays.copyOfRange(target, drop, target.length);
    for (int i = 0; i < s.length; i++) {
      if (rng.nextInt(3) == 0) {
        s[i] = 1;
      }
    }
    return s;
  }

  private static final List<BinaryOperator<Var>> BINARY = List.of(Var::add, Var::sub, Var::mul,
      (a, b) -> a.div(b.pow(2).add(Var.constant(Tensor.scalar(1)))));

  @Property(tries = 60)
  void broadcastCompatiblePairsHaveTheRuleShapeAndCorrectGradients(
      @ForAll("compatiblePairs") int[][] pair, @ForAll @IntRange(min = 0, max = 3) int op, @ForAll long seed) {
    Rng rng = new Rng(seed);
    Tensor a = rng.normal(pair[0]);
    Tensor b = rng.normal(pair[1]);
    Var out = BINARY.get(op).apply(Var.constant(a), Var.constant(b));
    assertArrayEquals(OpGradientTest.expectedBroadcast(pair[0], pair[1]), out.value().shape());
    GradAssert.assertGradients(v -> BINARY.get(op).apply(v[0], v[1]), a, b);
  }

  @Property(tries = 40)
  void clashingAxesAreRejectedWithBothShapes(@ForAll("compatiblePairs") int[][] pair,
      @ForAll @IntRange(min = 2, max = 4) int d) {
    int[] a = Arrays.copyOf(pair[0], pair[0].length + 1);
    int[] b = Arrays.copyOf(pair[1], pair[1].length + 1);
    a[a.length - 1] = d;
    b[b.length - 1] = d + 1;
    ShapeException e = assertThrows(ShapeException.class,
        () -> Var.constant(Tensor.zeros(a)).mul(Var.constant(Tensor.zeros(b))));
    assertEquals("operands could not be broadcast together with shapes " + Tensor.shapeString(a) + " "
        + Tensor.shapeString(b), e.getMessage());
  }

  @Property(tries = 50)
  void reductionsOverRandomAxes(@ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 3) Integer> dims,
      @ForAll long seed, @ForAll boolean keepdims, @ForAll @IntRange(min = 0, max = 2) int kind) {
    int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
    Rng rng = new Rng(seed);
    List<Integer> axes = new ArrayList<>();
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < shape.length; i++) {
      boolean reduce = rng.nextInt(2) == 0;
      if (reduce) {
        axes.add(rng.nextInt(2) == 0 ? i : i - shape.length);
      }
      if (!reduce || keepdims) {
        expected.add(reduce ? 1 : shape[i]);
      }
    }
    int[] ax = axes.stream().mapToInt(Integer::intValue).toArray();
    Function<Var, Var> op = kind == 0 ? x -> x.sum(ax, keepdims)
        : kind == 1 ? x -> x.mean(ax, keepdims) : x -> x.max(ax, keepdims);
    Tensor x = rng.normal(shape);
    assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(),
        op.apply(Var.constant(x)).value().shape());
    GradAssert.assertGradients(v -> op.apply(v[0]), x);
  }

  /**
   * A random program over two inputs, run on a stack: each opcode transforms the top, combines the top
   * two, or pushes an input; whatever is left is summed. Ops are chosen to stay bounded and smooth
   * (except relu/abs/max, whose kinks the gradient check skips).
   */
  private static Var run(List<Integer> program, Var x, Var y) {
    Deque<Var> stack = new ArrayDeque<>(List.of(y, x));
    Var one = Var.constant(Tensor.scalar(1));
    for (int code : program) {
      Var top = stack.pop();
      Var result;
      if (code >= 9 && code <= 12 && !stack.isEmpty()) {
        Var second = stack.pop();
        result = switch (code) {
          case 9 -> top.add(second);
          case 10 -> top.sub(second);
          case 11 -> top.mul(second);
          default -> top.div(second.pow(2).add(one));
        };
      } else {
        int rank = top.value().rank();
        result = switch (code) {
          case 0 -> top.tanh();
          case 1 -> top.sigmoid();
          case 2 -> top.neg();
          case 3 -> top.tanh().exp();
          case 4 -> top.pow(2).add(one).log();
          case 5 -> rank > 0 ? top.sum(new int[] {-1}, true) : top.sum();
          case 6 -> rank > 0 ? top.softmax(-1) : top.sigmoid();
          case 7 -> top.pow(2).add(one).sqrt();
          case 8 -> rank > 0 ? top.logSoftmax(0) : top.abs();
          case 13 -> top.relu().add(top.mul(Var.constant(Tensor.scalar(0.3))));
          case 14 -> rank > 0 ? top.max(new int[] {0}, true) : top.mul(top);
          case 15 -> rank > 1 ? top.T().T() : top.mean(null, true);
          default -> top.mul(Var.constant(Tensor.scalar(-0.5)));
        };
        if (code == 9 || code == 10) {
          stack.push(result);
          result = code == 9 ? x : y;
        }
      }
      stack.push(result);
    }
    Var total = stack.pop();
    while (!stack.isEmpty()) {
      total = total.add(stack.pop());
    }
    return total;
  }

  @Property(tries = 80)
  void randomExpressionTreesMatchCentralDifferences(@ForAll("compatiblePairs") int[][] pair,
      @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 16) Integer> program, @ForAll long seed) {
    Rng rng = new Rng(seed);
    Tensor a = rng.normal(pair[0]);
    Tensor b = rng.normal(pair[1]);
    GradAssert.assertGradients(v -> run(program, v[0], v[1]), a, b);
  }

  @Property(tries = 30)
  void matmulOfRandomBatchedShapes(@ForAll("compatiblePairs") int[][] batches,
      @ForAll @IntRange(min = 1, max = 3) int n, @ForAll @IntRange(min = 1, max = 3) int k,
      @ForAll @IntRange(min = 1, max = 3) int m, @ForAll long seed) {
    int[] a = Arrays.copyOf(batches[0], batches[0].length + 2);
    a[a.length - 2] = n;
    a[a.length - 1] = k;
    int[] b = Arrays.copyOf(batches[1], batches[1].length + 2);
    b[b.length - 2] = k;
    b[b.length - 1] = m;
    Rng rng = new Rng(seed);
    GradAssert.assertGradients(v -> v[0].matmul(v[1]), rng.normal(a), rng.normal(b));
  }
}

package io.github.gradproof.autograd;

import java.util.Arrays;

/**
 * NumPy's einsum on plain tensors, as one loop over every assignment of the labels: each operand reads
 * at the sum of its axes' strides for the assigned labels (a label repeated in one operand reads its
 * diagonal; a size-1 axis broadcasts with stride 0), and the product is added into the output element of
 * the output labels. The gradient of operand i is the same loop with the output gradient in place of
 * operand i, added into operand i's element: diagonals and broadcast axes come back summed.
 */
final class Einsum {

  /** Labels 0-51 are the letters in code order (A-Z, then a-z); the ellipsis axes come after. */
  private static final int LETTERS = 52;

  private Einsum() {}

  /**
   * A resolved einsum.
   *
   * @param sizes size of every label in the loop
   * @param strides {@code strides[k][l]}: operand k's stride for loop label l; the last row is the output's
   * @param outShape the output's shape
   */
  record Plan(int[] sizes, int[][] strides, int[] outShape) {}

  /**
   * Parses the subscripts and resolves every label's size against the operands' shapes.
   *
   * @throws ShapeException of kind DOMAIN for malformed subscripts, BROADCAST when sizes do not agree
   */
  static Plan plan(String subscripts, int[][] shapes) {
    EinsumParser.Terms terms = EinsumParser.parse(subscripts, shapes);
    int ellipsis = 0;
    for (int k = 0; k < shapes.length; k++) {
      ellipsis = Math.max(ellipsis, ellipsisAxes(terms.inputs().get(k), shapes[k]));
    }
    int[][] labels = new int[shapes.length][];
    int[] size = new int[LETTERS + ellipsis];
    Arrays.fill(size, -1);
    for (int k = 0; k < shapes.length; k++) {
      labels[k] = expand(terms.inputs().get(k), ellipsisAxes(terms.inputs().get(k), shapes[k]), ellipsis);
      resolveSizes(labels[k], shapes[k], k, size, terms.inputs().get(k));
    }
    int[] out = outputLabels(terms, ellipsis);
    Plan plan = assemble(labels, shapes, out, size);
    long steps = 1;
    for (int s : plan.sizes()) {
      steps = Shapes.product(steps, s);
    }
    TensorLimitException.checkWork("einsum '" + subscripts + "'", steps);
    return plan;
  }

  private static int ellipsisAxes(String term, int[] shape) {
    boolean has = term.indexOf(EinsumParser.ELLIPSIS) >= 0;
    return has ? shape.length - (term.length() - 1) : 0;
  }

  /** The label of every axis; {@code ...} stands for the last {@code axes} of the ellipsis labels. */
  private static int[] expand(String term, int axes, int ellipsis) {
    int[] out = new int[term.length() - (term.indexOf(EinsumParser.ELLIPSIS) >= 0 ? 1 : 0) + axes];
    int j = 0;
    for (char c : term.toCharArray()) {
      if (c == EinsumParser.ELLIPSIS) {
        for (int e = ellipsis - axes; e < ellipsis; e++) {
          out[j++] = LETTERS + e;
        }
      } else {
        out[j++] = letter(c);
      }
    }
    return out;
  }

  private static int letter(char c) {
    return c <= 'Z' ? c - 'A' : 26 + c - 'a';
  }

  private static String name(int label) {
    return label >= LETTERS ? "..." : String.valueOf((char) (label < 26 ? 'A' + label : 'a' + label - 26));
  }

  /** Within one operand a repeated label needs equal sizes; across operands size 1 broadcasts. */
  private static void resolveSizes(int[] labels, int[] shape, int k, int[] size, String term) {
    for (int j = 0; j < labels.length; j++) {
      int l = labels[j];
      int d = shape[j];
      for (int i = 0; i < j; i++) {
        if (labels[i] == l && shape[i] != d) {
          throw new ShapeException(ShapeException.Kind.BROADCAST, "einsum: subscript '" + name(l)
              + "' is repeated in operand " + k + " ('" + EinsumParser.display(term) + "', shape "
              + Shapes.format(shape) + ") with different sizes " + shape[i] + " and " + d);
        }
      }
      if (size[l] == -1 || size[l] == 1) {
        size[l] = d;
      } else if (d != 1 && d != size[l]) {
        throw new ShapeException(ShapeException.Kind.BROADCAST, "einsum: operands could not be broadcast"
            + " together: subscript '" + name(l) + "' has size " + size[l] + " in an earlier operand but "
            + d + " in operand " + k + " (shape " + Shapes.format(shape) + ")");
      }
    }
  }

  /** Explicit output as written; implicit: the ellipsis axes, then letters used once, in code order. */
  private static int[] outputLabels(EinsumParser.Terms terms, int ellipsis) {
    String output = terms.outputOrImplicit();
    boolean has = output.indexOf(EinsumParser.ELLIPSIS) >= 0;
    if (terms.output() != null && !has && ellipsis > 0) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "einsum: the operands' '...' stands for "
          + ellipsis + (ellipsis == 1 ? " axis" : " axes") + ", so the output subscripts '"
          + EinsumParser.display(terms.output())
          + "' need a '...' too");
    }
    return expand(output, has ? ellipsis : 0, ellipsis);
  }


  /** Loop labels in id order; each operand's stride per loop label (0 where it broadcasts). */
  private static Plan assemble(int[][] labels, int[][] shapes, int[] out, int[] size) {
    int[] loop = labelIds(size);
    int[] index = new int[size.length];
    for (int i = 0; i < loop.length; i++) {
      index[loop[i]] = i;
    }
    int[][] strides = new int[labels.length + 1][loop.length];
    for (int k = 0; k < labels.length; k++) {
      int[] own = Shapes.strides(shapes[k]);
      for (int j = 0; j < labels[k].length; j++) {
        int l = labels[k][j];
        strides[k][index[l]] += shapes[k][j] == 1 && size[l] != 1 ? 0 : own[j];
      }
    }
    int[] outShape = new int[out.length];
    for (int j = 0; j < out.length; j++) {
      outShape[j] = size[out[j]];
    }
    int[] outStrides = Shapes.strides(outShape);
    for (int j = 0; j < out.length; j++) {
      strides[labels.length][index[out[j]]] = outStrides[j];
    }
    int[] sizes = new int[loop.length];
    for (int i = 0; i < loop.length; i++) {
      sizes[i] = size[loop[i]];
    }
    return new Plan(sizes, strides, outShape);
  }

  private static int[] labelIds(int[] size) {
    return java.util.stream.IntStream.range(0, size.length).filter(l -> size[l] >= 0).toArray();
  }

  /** The einsum of {@code ops}. */
  static Tensor contract(Plan p, Tensor[] ops) {
    double[] out = new double[Shapes.allocationSize(p.outShape())];
    double[][] data = data(ops);
    int n = ops.length;
    walk(p, (offsets, steps, count) -> {
      int[] at = Arrays.copyOf(offsets, offsets.length);
      for (int t = 0; t < count; t++) {
        double v = 1;
        for (int k = 0; k < n; k++) {
          v *= data[k][at[k]];
          at[k] += steps[k];
        }
        out[at[n]] += v;
        at[n] += steps[n];
      }
    });
    return new Tensor(out, p.outShape());
  }

  /** The gradient of operand {@code i} for the output gradient {@code g}. */
  static Tensor operandGrad(Plan p, Tensor g, Tensor[] ops, int i) {
    double[] grad = new double[ops[i].size()];
    double[][] data = data(ops);
    double[] gv = g.data();
    int n = ops.length;
    walk(p, (offsets, steps, count) -> {
      int[] at = Arrays.copyOf(offsets, offsets.length);
      for (int t = 0; t < count; t++) {
        double v = gv[at[n]];
        for (int k = 0; k < n; k++) {
          if (k != i) {
            v *= data[k][at[k]];
          }
        }
        grad[at[i]] += v;
        for (int k = 0; k <= n; k++) {
          at[k] += steps[k];
        }
      }
    });
    return new Tensor(grad, ops[i].shapeRef());
  }

  private static double[][] data(Tensor[] ops) {
    double[][] data = new double[ops.length][];
    for (int k = 0; k < ops.length; k++) {
      data[k] = ops[k].data();
    }
    return data;
  }

  /** A run along the innermost label: start offsets, per-step offsets, and the number of steps. */
  @FunctionalInterface
  private interface Run {
    void at(int[] offsets, int[] steps, int count);
  }

  /**
   * Visits every label assignment in row-major order, as runs along the innermost label, with every
   * operand's (and, last, the output's) offset.
   */
  private static void walk(Plan p, Run run) {
    int[] sizes = p.sizes();
    int[][] strides = p.strides();
    for (int s : sizes) {
      if (s == 0) {
        return;
      }
    }
    int inner = sizes.length - 1;
    int[] steps = new int[strides.length];
    for (int k = 0; inner >= 0 && k < strides.length; k++) {
      steps[k] = strides[k][inner];
    }
    int count = inner >= 0 ? sizes[inner] : 1;
    int[] offsets = new int[strides.length];
    int[] counter = new int[sizes.length];
    while (true) {
      run.at(offsets, steps, count);
      int axis = inner - 1;
      for (; axis >= 0; axis--) {
        for (int k = 0; k < offsets.length; k++) {
          offsets[k] += strides[k][axis];
        }
        if (++counter[axis] < sizes[axis]) {
          break;
        }
        for (int k = 0; k < offsets.length; k++) {
          offsets[k] -= strides[k][axis] * sizes[axis];
        }
        counter[axis] = 0;
      }
      if (axis < 0) {
        return;
      }
    }
  }
}

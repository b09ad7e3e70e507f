package io.github.gradproof.autograd;

import java.util.Arrays;

/** NumPy's concatenate on plain tensors, and the block of a gradient that belongs to one part. */
final class Joining {

  private Joining() {}

  /**
   * Joins {@code parts} along {@code axis} (negative allowed).
   *
   * @throws ShapeException of kind DOMAIN for no parts or scalars, AXIS for a bad axis, JOIN when the
   *     parts' ranks or their other dimensions differ
   */
  static Tensor concatenate(Tensor[] parts, int axis) {
    int[] shape = joinedShape(parts, axis);
    int a = Shapes.normalizeAxis(axis, shape.length);
    int outer = Shapes.size(Arrays.copyOf(shape, a));
    double[] out = new double[Shapes.allocationSize(shape)];
    int at = 0;
    for (int o = 0; o < outer; o++) {
      for (Tensor p : parts) {
        int block = p.size() / Math.max(outer, 1);
        System.arraycopy(p.data(), o * block, out, at, block);
        at += block;
      }
    }
    return new Tensor(out, shape);
  }

  /** The part of {@code g} (the gradient of a concatenation) that belongs to {@code parts[i]}. */
  static Tensor block(Tensor g, Tensor[] parts, int axis, int i) {
    int[] shape = g.shapeRef();
    int a = Shapes.normalizeAxis(axis, shape.length);
    int start = 0;
    for (int j = 0; j < i; j++) {
      start += parts[j].shapeRef()[a];
    }
    int[] strides = Shapes.strides(shape);
    return Strided.copy(g, start * strides[a], strides, parts[i].shapeRef());
  }

  private static int[] joinedShape(Tensor[] parts, int axis) {
    if (parts.length == 0) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "concatenate: need at least one array to concatenate");
    }
    int[] first = parts[0].shapeRef();
    if (first.length == 0) {
      throw new ShapeException(ShapeException.Kind.DOMAIN,
          "concatenate: zero-dimensional arrays cannot be concatenated (use stack)");
    }
    int a = Shapes.normalizeAxis(axis, first.length);
    int[] shape = Arrays.copyOf(first, first.length);
    for (int i = 1; i < parts.length; i++) {
      int[] s = parts[i].shapeRef();
      if (s.length != first.length) {
        throw new ShapeException(ShapeException.Kind.JOIN, "concatenate: all the input arrays must have "
            + "the same number of dimensions, but the array at index 0 has shape " + Shapes.format(first)
            + " and the array at index " + i + " has shape " + Shapes.format(s));
      }
      for (int d = 0; d < s.length; d++) {
        if (d != a && s[d] != first[d]) {
          throw new ShapeException(ShapeException.Kind.JOIN, "concatenate: all the input array dimensions"
              + " except for the concatenation axis must match exactly, but along dimension " + d
              + ", the array at index 0 has size " + first[d] + " and the array at index " + i
              + " has size " + s[d]);
        }
      }
      shape[a] += s[a];
    }
    return shape;
  }
}

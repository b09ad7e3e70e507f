package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The static shape of a tensor (or the contents of a shape tuple): its rank and one symbolic
 * {@link Dim} per axis, e.g. {@code (M, K)}; or unknown rank when the checker cannot tell.
 *
 * @param dims the axes, or {@code null} when the rank is unknown
 */
public record Shape(List<Dim> dims) {

  private static final Shape UNKNOWN = new Shape(null);
  private static final Shape SCALAR = new Shape(List.of());

  public Shape {
    dims = dims == null ? null : List.copyOf(dims);
  }

  /** A shape of the given axes. */
  public static Shape of(Dim... dims) {
    return new Shape(List.of(dims));
  }

  /** The shape of a scalar: {@code ()}. */
  public static Shape scalar() {
    return SCALAR;
  }

  /** A shape whose rank is not known statically. */
  public static Shape unknown() {
    return UNKNOWN;
  }

  /** Whether the rank is known. */
  public boolean isKnown() {
    return dims != null;
  }

  /** Whether every axis is known (the rank too). */
  public boolean isFullyKnown() {
    return dims != null && dims.stream().allMatch(Dim::isKnown);
  }

  /** Whether this is statically a scalar (rank 0). */
  public boolean isScalar() {
    return dims != null && dims.isEmpty();
  }

  /** The rank, or -1 when unknown. */
  public int rank() {
    return dims == null ? -1 : dims.size();
  }

  /** Axis {@code i} (negative counts from the end); the rank must be known and {@code i} in range. */
  public Dim dim(int i) {
    return dims.get(i < 0 ? i + dims.size() : i);
  }

  /** The number of elements, a symbolic product; unknown when the rank is. */
  public Dim size() {
    if (dims == null) {
      return Dim.unknown();
    }
    Dim n = Dim.of(1);
    for (Dim d : dims) {
      n = n.times(d);
    }
    return n;
  }

  /**
   * The concrete shape under concrete dims.
   *
   * @return the sizes, or {@code null} when the rank or an axis is not determined
   */
  public int[] evaluate(Map<String, ? extends Number> values) {
    if (dims == null) {
      return null;
    }
    int[] out = new int[dims.size()];
    for (int i = 0; i < out.length; i++) {
      Long v = dims.get(i).evaluate(values);
      if (v == null || v < 0 || v > Integer.MAX_VALUE) {
        return null;
      }
      out[i] = (int) (long) v;
    }
    return out;
  }

  /** This shape with {@code d} appended. */
  Shape append(Dim d) {
    List<Dim> out = new ArrayList<>(dims);
    out.add(d);
    return new Shape(out);
  }

  /** As Python prints a shape tuple: {@code (M, K)}, {@code (N,)}, {@code ()}; {@code (...)} when unknown. */
  @Override
  public String toString() {
    if (dims == null) {
      return "(...)";
    }
    if (dims.size() == 1) {
      return "(" + dims.get(0) + ",)";
    }
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < dims.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(dims.get(i));
    }
    return s.append(')').toString();
  }
}

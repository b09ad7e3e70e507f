package io.github.gradproof.claim;

import java.util.List;

/**
 * Calls that NumPy and PyTorch spell alike but read differently, which the language refuses with an
 * authoring error naming the unambiguous spelling, rather than silently taking one library's reading.
 * {@code x.transpose(0, 1)} permutes every axis in NumPy and swaps two in PyTorch: the two agree only
 * on a matrix whose axes the call really swaps ({@code x.transpose(1, 0)}). {@code x.repeat(2)} repeats
 * each element in NumPy ({@code [a, a, b, b]}) and the whole tensor in PyTorch ({@code [a, b, a, b]}).
 */
final class Ambiguity {

  private Ambiguity() {}

  /** The method {@code x.repeat(...)}, which is NumPy's repeat and PyTorch's tile. */
  static final String REPEAT_METHOD = "x.repeat(...) is ambiguous: NumPy's repeats each element in turn"
      + " (write repeat(x, r, axis=...) or x.repeat_interleave(r, dim=...)), PyTorch's repeats the whole"
      + " tensor (write tile(x, ...) or x.tile(...))";

  /**
   * The error for the method {@code x.transpose(a, b)} with two separate arguments on a value of
   * static shape {@code x}, or {@code null} when NumPy's permutation and PyTorch's swap agree (or the
   * rank or the axes are not known before running).
   */
  static String transposeMethod(Shape x, List<StaticType> args) {
    if (!x.isKnown() || args.size() != 2 || !(args.get(0) instanceof StaticType.IntType a)
        || !(args.get(1) instanceof StaticType.IntType b) || a.value().constant() == null
        || b.value().constant() == null) {
      return null;
    }
    long first = a.value().constant();
    long second = b.value().constant();
    String call = "x.transpose(" + first + ", " + second + ")";
    String swap = "; write x.swapaxes(" + first + ", " + second + ") to swap two axes (PyTorch's transpose)";
    if (x.rank() != 2) {
      return call + " is ambiguous: NumPy's transpose permutes every axis (this value has " + x.rank() + " axes),"
          + " PyTorch's swaps axes " + first + " and " + second + swap;
    }
    if (!(matrixAxis(first) == 0 && matrixAxis(second) == 1)) {
      return null; // (1, 0) swaps in both libraries; a repeated or out-of-range axis fails when run
    }
    return call + " is ambiguous: NumPy's transpose keeps the axes in this order (no change), PyTorch's"
        + " swaps them" + swap + ", or x.T";
  }

  /** Axis {@code a} of a matrix (0 or 1; -1 and -2 count from the end), or -1 when out of range. */
  private static long matrixAxis(long a) {
    return a >= -2 && a <= 1 ? Math.floorMod(a, 2) : -1;
  }

  /**
   * The error for the method {@code x.var()} or {@code x.std()} written with neither {@code ddof=}
   * nor NumPy's {@code axis=}/{@code keepdims=}, or {@code null}: NumPy's divides by {@code N}
   * ({@code ddof=0}), PyTorch's by {@code N - 1} (unbiased), so {@code x.var()} and {@code x.var(0)}
   * mean two numbers. NumPy's keywords say which library is meant, and {@code ddof=} says it outright.
   */
  static String spreadMethod(Expr.MethodCall m) {
    if (!m.method().equals("var") && !m.method().equals("std")) {
      return null;
    }
    for (Expr.Keyword k : m.keywords()) {
      if (k.name().equals("ddof") || k.name().equals("axis") || k.name().equals("keepdims")) {
        return null;
      }
    }
    String call = "x." + m.method() + "(" + (m.args().isEmpty() ? "" : "...") + ")";
    return call + " is ambiguous: NumPy's divides by N (ddof=0), PyTorch's by N - 1 (unbiased); write x."
        + m.method() + "(ddof=0) or x." + m.method() + "(ddof=1), or " + m.method() + "(x), NumPy's";
  }

  /** The hint for {@code transpose(x, a, b)}, PyTorch's function form, which NumPy's transpose lacks. */
  static String transposeFunction(Expr.Call call) {
    return call.args().size() == 3 && call.keywords().isEmpty()
        ? "; to swap two axes as PyTorch's transpose(input, dim0, dim1) does, write swapaxes(x, dim0, dim1)" : "";
  }
}

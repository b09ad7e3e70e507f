package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import java.util.List;
import java.util.Map;

/**
 * The computation a question is about: named dims, random inputs and forward lines.
 *
 * @param dims dim name to its alternatives (one value, or several: every combination is a trial
 *     set), in file order
 * @param dimLocations dim name to where its value stands in the file
 * @param inputs the inputs, in file order
 * @param forward the forward lines ({@code name = expr}), in order; the last value is the objective
 *     when scalar, else the objective is {@code sum(out * dout)} with a random upstream {@code dout}
 * @param location where {@code setup:} starts
 * @param exactDimsReason why the question's claims are meant at the author's dims only
 *     ({@code exact_dims: true} with {@code exact_dims_reason}); {@code null} when the claims are
 *     general statements, verified also at fresh dims
 * @param derived the derived dims ({@code E: NH * DH}) by name, in file order: never given values of
 *     their own, they are computed from the dims before them under every assignment ({@link #sizes})
 */
public record Setup(
    Map<String, List<Integer>> dims,
    Map<String, SourceLocation> dimLocations,
    List<InputSpec> inputs,
    List<SourceSpan> forward,
    SourceLocation location,
    Localized exactDimsReason,
    Map<String, DimExpr> derived) {
  public Setup {
    dims = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dims));
    derived = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(derived));
    dimLocations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dimLocations));
    inputs = List.copyOf(inputs);
    forward = List.copyOf(forward);
  }

  /** A setup without derived dims. */
  public Setup(Map<String, List<Integer>> dims, Map<String, SourceLocation> dimLocations, List<InputSpec> inputs,
      List<SourceSpan> forward, SourceLocation location, Localized exactDimsReason) {
    this(dims, dimLocations, inputs, forward, location, exactDimsReason, Map.of());
  }

  /** A setup whose claims are general statements (no {@code exact_dims}). */
  public Setup(Map<String, List<Integer>> dims, Map<String, SourceLocation> dimLocations, List<InputSpec> inputs,
      List<SourceSpan> forward, SourceLocation location) {
    this(dims, dimLocations, inputs, forward, location, null);
  }

  /** Whether the claims are meant at the author's dims only ({@code exact_dims: true}). */
  public boolean exactDims() {
    return exactDimsReason != null;
  }

  /** Whether {@code name} is a dim of this setup, free or derived. */
  public boolean isDim(String name) {
    return dims.containsKey(name) || derived.containsKey(name);
  }

  /**
   * Every dim's size under an assignment of the free dims: the free ones in file order, then each
   * derived dim, computed in file order from those before it.
   *
   * @throws DerivedDimException when a derived dim is not a whole number from 1 to {@code limit}
   */
  public Map<String, Integer> sizes(Map<String, Integer> free, long limit) {
    return sizes(derived, free, limit);
  }

  /** {@link #sizes(Map, long)} for derived dims not yet in a setup (as the reader checks them). */
  static Map<String, Integer> sizes(Map<String, DimExpr> derived, Map<String, Integer> free, long limit) {
    Map<String, Integer> all = new java.util.LinkedHashMap<>(free);
    for (Map.Entry<String, DimExpr> d : derived.entrySet()) {
      String why;
      try {
        long v = d.getValue().evaluate(all);
        if (v >= 1 && v <= limit) {
          all.put(d.getKey(), (int) v);
          continue;
        }
        why = v < 1 ? "is " + v + ", not a positive size" : "is " + v + ", over the limit of " + limit
            + " (the most elements of one tensor)";
      } catch (DimExpr.Undefined e) {
        why = "is undefined (" + e.getMessage() + ")";
      }
      throw new DerivedDimException(d.getKey(), "dim '" + d.getKey() + "' = " + d.getValue() + " " + why
          + " when " + text(free));
    }
    return all;
  }

  /** Every combination of the free dims' alternatives, first dim varying slowest, in file order. */
  public static List<Map<String, Integer>> combinations(Map<String, List<Integer>> dims) {
    List<Map<String, Integer>> out = new java.util.ArrayList<>();
    out.add(new java.util.LinkedHashMap<>());
    for (Map.Entry<String, List<Integer>> e : dims.entrySet()) {
      List<Map<String, Integer>> next = new java.util.ArrayList<>();
      for (Map<String, Integer> partial : out) {
        for (Integer v : e.getValue()) {
          Map<String, Integer> m = new java.util.LinkedHashMap<>(partial);
          m.put(e.getKey(), v);
          next.add(m);
        }
      }
      out = next;
    }
    return out;
  }

  /** The value of one axis of an input's shape (a dim, a literal or an expression) under all dims' sizes. */
  public static long size(String axis, Map<String, ? extends Number> sizes) {
    return DimExpr.parse(axis).evaluate(sizes);
  }

  /** {@code "NH = 2, DH = 3"}. */
  static String text(Map<String, Integer> sizes) {
    StringBuilder s = new StringBuilder();
    sizes.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(" = ").append(v));
    return s.toString();
  }

  /** A derived dim that is no positive size under some assignment, with a message naming it. */
  public static final class DerivedDimException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String dim;

    DerivedDimException(String dim, String message) {
      super(message, null, false, false);
      this.dim = dim;
    }

    /** The derived dim's name. */
    public String dim() {
      return dim;
    }
  }
}

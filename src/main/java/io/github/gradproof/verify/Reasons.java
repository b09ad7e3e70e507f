package io.github.gradproof.verify;

import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.claim.Argument;
import io.github.gradproof.claim.Operand;
import io.github.gradproof.claim.Operation;
import java.util.List;
import java.util.Locale;

/**
 * Words a {@link Reason} in English for build messages ({@code the key marks choice 2 correct, but
 * … is false: shape (4, 3) ≠ dA (3, 4)}), which this stage raises and which cannot wait for the
 * render stage. Readers' text (pages, Markdown mirrors, {@code verification.json}) is worded by the
 * render stage from the same facts, in the page language.
 */
public final class Reasons {

  /**
   * The digits {@link #numbers} may add to the usual 2 (scientific) or 4: 17 significant digits
   * tell any two doubles apart.
   */
  private static final int MORE_DIGITS = 15;

  private Reasons() {}

  /** The reason in English, e.g. {@code shape (4, 3) ≠ dA (3, 4)}. */
  public static String english(Reason r) {
    if (r instanceof Reason.NotGeneral g) {
      return "it holds for " + String.join(" and ", g.heldAt().stream().map(Reasons::dims).toList())
          + " but not for " + dims(g.dims()) + ": " + english(g.failure());
    }
    if (r instanceof Reason.Widened w) {
      String drawn = switch (w.moved()) {
        case NORMAL -> "the normal inputs drawn " + number(w.widen()) + " times wider";
        case BOUNDED -> "the inputs drawn nearer the ends of their ranges";
        case BOTH -> "the normal inputs drawn " + number(w.widen()) + " times wider and the others nearer the ends"
            + " of their ranges";
      };
      return "it holds on the usual draws, which never reach a branch of the forward lines or of the claim, but not"
          + " with " + drawn + ", which do: " + english(w.failure());
    }
    String prefix = switch (r.kind()) {
      case SHAPE -> "shape ";
      case VALUE -> "values differ: ";
      case BROADCAST -> "shapes do not broadcast: ";
      case MATMUL -> "matmul inner dimensions differ: ";
      case RESHAPE -> "cannot reshape ";
      case JOIN -> "arrays cannot be joined: ";
      case INDEX -> "invalid index: ";
      case INDEX_TYPE -> "invalid index: an array of floats, which NumPy and PyTorch refuse as an index: ";
      case AXIS -> "invalid axis: ";
      case SINGULAR -> "undefined operation, a singular matrix has no inverse: ";
      case DOMAIN -> "undefined operation: ";
      case COMPARISON -> "comparison fails: ";
    };
    return prefix + symbols(r);
  }

  /**
   * A dims assignment, dims of equal size written together: {@code B = K = 3},
   * {@code B = 4, K = 7}, {@code M = N = 3, K = 4} (in setup order of each size's first dim).
   */
  public static String dims(java.util.Map<String, Integer> dims) {
    java.util.Map<Integer, java.util.List<String>> bySize = new java.util.LinkedHashMap<>();
    dims.forEach((name, size) -> bySize.computeIfAbsent(size, k -> new java.util.ArrayList<>()).add(name));
    java.util.List<String> parts = new java.util.ArrayList<>();
    bySize.forEach((size, names) -> parts.add(String.join(" = ", names) + " = " + size));
    return String.join(", ", parts);
  }

  /** The facts in symbols: {@code (4, 3) ≠ dA (3, 4)}, {@code |Δ[1, 2]| = 1.5e+00}, {@code 12 ≮ 7}. */
  private static String symbols(Reason r) {
    if (r instanceof Reason.ShapeMismatch s) {
      return operand(s.claimed()) + " ≠ " + (s.gradient() == null ? "" : s.gradient() + " ") + operand(s.expected());
    } else if (r instanceof Reason.ValueMismatch v) {
      return "|Δ" + index(v.index()) + "| = " + String.format(Locale.ROOT, "%.1e", v.difference());
    } else if (r instanceof Reason.ComparisonFails c) {
      String at = c.index() == null || c.index().length == 0 ? "" : index(c.index()) + ": ";
      String[] sides = sides(c.left().value(), c.right().value());
      return at + sides[0] + " " + c.op().negation() + " " + sides[1];
    } else if (r instanceof Reason.NoElementDiffers) {
      return "Δ ≈ 0";
    }
    return operation(((Reason.Undefined) r).operation());
  }

  /** The two sides of a failed comparison: two elements by {@link #numbers}, so that they read apart. */
  private static String[] sides(Operand left, Operand right) {
    if (left instanceof Operand.Element l && right instanceof Operand.Element r) {
      return numbers(l.value(), r.value());
    }
    return new String[] {operand(left), operand(right)};
  }

  private static String operation(Operation op) {
    List<Argument> args = op.arguments();
    if (op.infix()) {
      return operand(args.get(0)) + " " + op.name() + " " + operand(args.get(1));
    }
    if (op.name().equals("reshape")) {
      return operand(args.get(0)) + " → " + shape(args.get(1).value());
    }
    if (op.name().equals(Operation.INDEX)) {
      List<String> items = args.subList(1, args.size()).stream().map(a -> indexItem(a.value())).toList();
      return operand(args.get(0)) + "[" + String.join(", ", items) + "]";
    }
    StringBuilder s = new StringBuilder(op.name()).append('(').append(operand(args.get(0)));
    for (Argument a : args.subList(1, args.size())) {
      s.append(", ").append(a.parameter() == null ? "" : a.parameter() + "=").append(operand(a));
    }
    return s.append(')').toString();
  }

  /** A reshape's target: an integer {@code n} is the shape {@code (n,)}. */
  private static String shape(Operand v) {
    return v instanceof Operand.Int i ? "(" + i.value() + ",)" : operand(v);
  }

  /** An index item: an integer array as {@code array(4,)}, so that it does not read as a tuple. */
  private static String indexItem(Operand v) {
    if (v instanceof Operand.Tensor t) {
      return "array" + Tensor.shapeString(t.shape());
    } else if (v instanceof Operand.Sequence s) {
      return "[" + String.join(", ", s.items().stream().map(Reasons::indexItem).toList()) + "]";
    }
    return operand(v);
  }

  private static String operand(Argument a) {
    return operand(a.value());
  }

  private static String operand(Operand v) {
    if (v instanceof Operand.Tensor t) {
      return Tensor.shapeString(t.shape());
    } else if (v instanceof Operand.Tuple t) {
      return Tensor.shapeString(t.dims());
    } else if (v instanceof Operand.Int i) {
      return Long.toString(i.value());
    } else if (v instanceof Operand.Bool b) {
      return b.value() ? "True" : "False";
    } else if (v instanceof Operand.Method m) {
      return m.central() ? "central" : "forward";
    } else if (v instanceof Operand.Text t) {
      return "'" + t.value() + "'";
    } else if (v instanceof Operand.None) {
      return "None";
    } else if (v instanceof Operand.Sequence s) {
      return "[" + String.join(", ", s.items().stream().map(Reasons::operand).toList()) + "]";
    } else if (v instanceof Operand.Slice s) {
      return bound(s.start()) + ":" + bound(s.stop()) + (s.step() == null ? "" : ":" + s.step());
    } else if (v instanceof Operand.Ellipsis) {
      return "...";
    }
    return number(((Operand.Element) v).value());
  }

  private static String bound(Long b) {
    return b == null ? "" : b.toString();
  }

  /**
   * A value in a reason: up to 4 significant digits without trailing zeros ({@code 1.003},
   * {@code 12}), in scientific notation with 2 below 10⁻³ and from 10⁶ ({@code 2.5e-07}). Pages
   * write single values this way too.
   */
  public static String number(double v) {
    return number(v, 0);
  }

  /**
   * Two values a reason sets against each other ({@code a == b} refused at an element, a claimed
   * gradient against autograd's): each as {@link #number}, with as many more digits (up to 17
   * significant) as it takes for the two texts to read as different numbers, so that a refusal
   * never reads {@code -0.2624 ≠ -0.2624} (nor {@code 0.001 ≠ 1.0e-03}). Values that are equal (or
   * both NaN) keep the usual digits.
   *
   * @return the texts of {@code left} and {@code right}, in that order
   */
  public static String[] numbers(double left, double right) {
    String[] texts = {number(left, 0), number(right, 0)};
    boolean same = left == right || Double.isNaN(left) && Double.isNaN(right);
    for (int more = 1; !same && readAlike(texts) && more <= MORE_DIGITS; more++) {
      texts = new String[] {number(left, more), number(right, more)};
    }
    return texts;
  }

  /** Whether two texts of {@link #number} read as the same number ({@code 0.001} and {@code 1.0e-03} do). */
  private static boolean readAlike(String[] texts) {
    return texts[0].equals(texts[1]) || Double.parseDouble(texts[0]) == Double.parseDouble(texts[1]);
  }

  /** {@link #number} with {@code more} significant digits than usual (at most 17 in all). */
  private static String number(double v, int more) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e6) {
      String s = String.format(Locale.ROOT, "%." + Math.min(4 + more, 17) + "g", v);
      return s.indexOf('.') < 0 ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return String.format(Locale.ROOT, "%." + Math.min(1 + more, 16) + "e", v);
  }

  private static String index(int[] index) {
    if (index.length == 0) {
      return "";
    }
    StringBuilder s = new StringBuilder("[");
    for (int d = 0; d < index.length; d++) {
      s.append(d == 0 ? "" : ", ").append(index[d]);
    }
    return s.append(']').toString();
  }
}

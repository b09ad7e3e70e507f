package io.github.gradproof.render;

import io.github.gradproof.claim.Argument;
import io.github.gradproof.claim.Operand;
import io.github.gradproof.claim.Operation;
import io.github.gradproof.verify.Reason;
import java.util.List;
import java.util.Map;

/**
 * Words a {@link Reason} for readers: the verification tables of the pages and the Markdown
 * mirrors, the self-check, and {@code verification.json}. A reason reads as the words of its kind
 * in the page language (UI string {@code reason.<kind>}, which may be empty: a false comparison
 * shows itself) followed by its detail in symbols and numbers, identical in every language:
 * {@code shape (4, 3) ≠ dA (3, 4)}, {@code values differ by |Δ[1, 2]| = 1.5e+00}, {@code 12 ≮ 7},
 * {@code cannot broadcast (3, 5) * (5, 4)}, {@code invalid axis sum((4, 3), axis=2)}.
 *
 * <p>Each kind of reason has one case in {@link #detail}; every operand is written by
 * {@link #operand}. The facts also carry the sub-expressions and the trial's dims, for wording
 * that names them.
 */
final class ReasonText {

  private ReasonText() {}

  /** The reason in the page language whose UI strings are {@code t}. */
  static String of(Reason reason, Map<String, String> t) {
    return (t.get("reason." + reason.kind().key()) + " " + detail(reason)).strip();
  }

  /** The language-neutral detail: symbols and numbers only. */
  static String detail(Reason reason) {
    if (reason instanceof Reason.ShapeMismatch s) {
      String gradient = s.gradient() == null ? "" : s.gradient() + " ";
      return operand(s.claimed()) + " ≠ " + gradient + operand(s.expected());
    } else if (reason instanceof Reason.ValueMismatch v) {
      return "|Δ" + Numbers.index(v.index()) + "| = " + Numbers.errorInReason(v.difference());
    } else if (reason instanceof Reason.ComparisonFails c) {
      int[] index = c.index();
      String at = index == null || index.length == 0 ? "" : Numbers.index(index) + ": ";
      return at + operand(c.left()) + " " + c.op().negation() + " " + operand(c.right());
    } else if (reason instanceof Reason.NoElementDiffers) {
      return "Δ ≈ 0";
    } else if (reason instanceof Reason.Undefined u) {
      return operation(u.operation());
    }
    throw new IllegalStateException("no wording for " + reason.getClass().getSimpleName());
  }

  /**
   * {@code (3, 5) @ (3, 4)}; a reshape as {@code (4, 3) → (3,)}; indexing as
   * {@code (3, 4)[5, 1:3, array(4,)]}; a call as {@code sum((4, 3), axis=2)}, the values a variadic
   * parameter collects by position: {@code einsum('ij,jk', (3, 5), (3, 4))}.
   */
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
    StringBuilder call = new StringBuilder(op.name()).append('(');
    for (int i = 0; i < args.size(); i++) {
      String parameter = args.get(i).parameter();
      if (i > 0) {
        call.append(", ").append(parameter == null ? "" : parameter + "=");
      }
      call.append(operand(args.get(i)));
    }
    return call.append(')').toString();
  }

  /** A reshape's target: an integer {@code n} is the shape {@code (n,)}. */
  private static String shape(Operand value) {
    return value instanceof Operand.Int i ? Numbers.shape(new int[] {(int) i.value()}) : operand(value);
  }

  /** An index item: an integer array as {@code array(4,)}, so that it does not read as a tuple. */
  private static String indexItem(Operand value) {
    if (value instanceof Operand.Tensor t) {
      return "array" + Numbers.shape(t.shape());
    } else if (value instanceof Operand.Sequence s) {
      return "[" + String.join(", ", s.items().stream().map(ReasonText::indexItem).toList()) + "]";
    }
    return operand(value);
  }

  private static String operand(Argument argument) {
    return operand(argument.value());
  }

  /**
   * A tensor by its shape, a tuple as written, an element's value to four digits, a string in
   * quotes, a list in brackets, a slice as {@code start:stop:step}.
   */
  private static String operand(Operand value) {
    if (value instanceof Operand.Tensor t) {
      return Numbers.shape(t.shape());
    } else if (value instanceof Operand.Tuple t) {
      return Numbers.shape(t.dims());
    } else if (value instanceof Operand.Int i) {
      return Long.toString(i.value());
    } else if (value instanceof Operand.Bool b) {
      return b.value() ? "True" : "False";
    } else if (value instanceof Operand.Method m) {
      return m.central() ? "central" : "forward";
    } else if (value instanceof Operand.Element e) {
      return Numbers.valueInReason(e.value());
    } else if (value instanceof Operand.Text s) {
      return "'" + s.value() + "'";
    } else if (value instanceof Operand.None) {
      return "None";
    } else if (value instanceof Operand.Sequence s) {
      return "[" + String.join(", ", s.items().stream().map(ReasonText::operand).toList()) + "]";
    } else if (value instanceof Operand.Slice s) {
      return bound(s.start()) + ":" + bound(s.stop()) + (s.step() == null ? "" : ":" + s.step());
    } else if (value instanceof Operand.Ellipsis) {
      return "...";
    }
    throw new IllegalStateException("no wording for " + value.getClass().getSimpleName());
  }

  private static String bound(Long b) {
    return b == null ? "" : b.toString();
  }
}

package io.github.gradproof.render;

import io.github.gradproof.claim.Argument;
import io.github.gradproof.claim.CompareOp;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Operand;
import io.github.gradproof.claim.Operation;
import io.github.gradproof.verify.Reason;
import io.github.gradproof.verify.Reasons;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Words a {@link Reason} for readers: the proof tables of the pages and the Markdown mirrors, and
 * the self-check. A reason is one sentence in the page language, from the UI strings
 * {@code reason.<kind>}, naming the parts of the claim as code and their shapes in the setup's
 * symbols where {@link ShapeSymbols} knows them:
 * "{@code B @ dC.T} has shape (K, M) = (4, 3), but {@code dA} has shape (M, K) = (3, 4)."
 *
 * <p>{@link #detail} is the same fact in symbols and numbers only, identical in every language,
 * for {@code verification.json}: {@code (4, 3) ≠ dA (3, 4)}, {@code 12 ≮ 7}.
 *
 * <p>Each kind of reason has one method here; every operand is written by {@link #value}.
 */
final class ReasonText {

  private final Map<String, String> t;
  private final ShapeSymbols symbols;

  private ReasonText(Map<String, String> t, ShapeSymbols symbols) {
    this.t = t;
    this.symbols = symbols;
  }

  /** The reason as a sentence in the language whose UI strings are {@code t}. */
  static Phrase phrase(Reason reason, Map<String, String> t, ShapeSymbols symbols) {
    ReasonText words = new ReasonText(t, symbols);
    if (reason instanceof Reason.NotGeneral g) {
      String held = String.join("; ", g.heldAt().stream().map(Reasons::dims).toList());
      return words.fill("reason.not_general", Map.of("held", Phrase.text(held),
          "failed", Phrase.text(Reasons.dims(g.dims())), "reason", phrase(g.failure(), t, symbols)));
    } else if (reason instanceof Reason.Widened w) {
      String key = switch (w.moved()) {
        case NORMAL -> "reason.widened";
        case BOUNDED -> "reason.widened_ends";
        case BOTH -> "reason.widened_both";
      };
      return words.fill(key, Map.of("widen", Phrase.text(Reasons.number(w.widen())),
          "reason", phrase(w.failure(), t, symbols)));
    } else if (reason instanceof Reason.ShapeMismatch s) {
      return words.shape(s);
    } else if (reason instanceof Reason.ValueMismatch v) {
      return words.value(v);
    } else if (reason instanceof Reason.ComparisonFails c) {
      return words.comparison(c);
    } else if (reason instanceof Reason.NoElementDiffers n) {
      return words.fill("reason.equal", Map.of("left", code(n.left()), "right", code(n.right())));
    } else if (reason instanceof Reason.Undefined u) {
      return words.undefined(u);
    }
    throw new IllegalStateException("no wording for " + reason.getClass().getSimpleName());
  }

  // ---- one method per kind of reason

  private Phrase shape(Reason.ShapeMismatch s) {
    Phrase expected = s.gradient() != null ? Phrase.code(s.gradient()) : code(s.expected());
    return fill("reason.shape", Map.of(
        "claimed", code(s.claimed()),
        "claimedShape", hasShape(s.claimed(), null, s.dims()),
        "expected", expected,
        "expectedShape", hasShape(s.expected(), s.gradient(), s.dims())));
  }

  private Phrase value(Reason.ValueMismatch v) {
    String key = v.index().length == 0 ? "reason.value.scalar" : "reason.value";
    String[] values = Numbers.valuesInReason(v.claimed(), v.expected());
    return fill(key, Map.of(
        "index", Phrase.text(Numbers.index(v.index())),
        "claimed", Phrase.number(values[0]),
        "gradient", Phrase.code(v.gradient()),
        "expected", Phrase.number(values[1]),
        "difference", Phrase.number(Numbers.errorInReason(v.difference()))));
  }

  private Phrase comparison(Reason.ComparisonFails c) {
    int[] index = c.index();
    boolean element = index != null && index.length > 0;
    String[] numbers = elements(c.left(), c.right());
    return fill(element ? "reason.comparison.element" : "reason.comparison", Map.of(
        "index", Phrase.text(element ? Numbers.index(index) : ""),
        "left", code(c.left()),
        "value", numbers == null ? value(c.left(), null, c.dims()) : Phrase.number(numbers[0]),
        "relation", Phrase.text(t.get("reason.relation." + relation(c.op()))),
        "right", numbers == null ? named(c.right(), c.dims()) : named(c.right(), Phrase.number(numbers[1]))));
  }

  /**
   * Two compared elements' values to the digits that tell them apart ({@link Numbers#valuesInReason});
   * {@code null} for other operands.
   */
  private static String[] elements(Argument left, Argument right) {
    if (left.value() instanceof Operand.Element l && right.value() instanceof Operand.Element r) {
      return Numbers.valuesInReason(l.value(), r.value());
    }
    return null;
  }

  private Phrase undefined(Reason.Undefined u) {
    Operation op = u.operation();
    List<Argument> args = op.arguments();
    Phrase operation = Phrase.code(operationText(op));
    if ((u.kind() == Reason.Kind.BROADCAST || u.kind() == Reason.Kind.MATMUL) && args.size() == 2) {
      return fill("reason." + u.kind().key(), Map.of("operation", operation,
          "leftCode", code(args.get(0)), "left", value(args.get(0), null, u.dims()),
          "rightCode", code(args.get(1)), "right", value(args.get(1), null, u.dims())));
    }
    if (u.kind() == Reason.Kind.RESHAPE && args.size() == 2) {
      return fill("reason.reshape", Map.of("operandCode", code(args.get(0)),
          "from", value(args.get(0), null, u.dims()), "to", args.get(1).value() instanceof Operand.Int ? Phrase.text(reshapeTarget(args.get(1).value()))
          : value(args.get(1), null, u.dims())));
    }
    List<String> operands = new ArrayList<>();
    for (Argument a : args) {
      String value = value(a, null, u.dims()).plain();
      boolean named = a.expression() != null && !isLiteral(a.expression());
      operands.add(named ? ExprText.of(a.expression()) + ": " + value
          : (a.parameter() == null ? "" : a.parameter() + " = ") + value);
    }
    // Join, index, axis and singular-matrix failures have a sentence of their own; anything else is "undefined".
    String key = switch (u.kind()) {
      case JOIN, INDEX, INDEX_TYPE, AXIS, SINGULAR -> "reason." + u.kind().key();
      default -> "reason.domain";
    };
    return fill(key, Map.of("operation", operation, "operands", Phrase.text(String.join("; ", operands))));
  }

  // ---- operands

  /** "has shape (K, M) = (4, 3)", or "is a scalar". */
  private Phrase hasShape(Argument a, String gradient, Map<String, Integer> dims) {
    if (a.value() instanceof Operand.Tensor tensor && tensor.shape().length == 0) {
      return Phrase.text(t.get("reason.is_scalar"));
    }
    return fill("reason.has_shape", Map.of("shape", value(a, gradient, dims)));
  }

  /** An operand's value: a shape with its symbols ({@code (K, M) = (4, 3)}), a number, a tuple. */
  private Phrase value(Argument a, String gradient, Map<String, Integer> dims) {
    Operand v = a.value();
    if (v instanceof Operand.Tensor tensor) {
      String numbers = Numbers.shape(tensor.shape());
      Optional<String> named = symbols.of(a.expression(), gradient, tensor.shape(), dims);
      return Phrase.text(named.map(n -> n + " = " + numbers).orElse(numbers));
    } else if (v instanceof Operand.Tuple tuple) {
      String numbers = Numbers.shape(tuple.dims());
      String written = a.expression() instanceof Expr.Tuple ? ExprText.of(a.expression()) : numbers;
      return Phrase.text(written.equals(numbers) ? numbers : written + " = " + numbers);
    }
    return Phrase.number(detail(v));
  }

  /** The right side of a comparison: its value, after its code when it is not a literal. */
  private Phrase named(Argument a, Map<String, Integer> dims) {
    if (a.expression() == null || isLiteral(a.expression())) {
      return value(a, null, dims);
    }
    return named(a, a.value() instanceof Operand.Tuple tuple ? Phrase.text(Numbers.shape(tuple.dims())) : value(a, null, dims));
  }

  /** The right side of a comparison written as {@code value}, after its code when it is not a literal. */
  private static Phrase named(Argument a, Phrase value) {
    if (a.expression() == null || isLiteral(a.expression())) {
      return value;
    }
    return code(a).then(Phrase.text(" = ")).then(value);
  }

  /** The operand's sub-expression as code; autograd's gradient has none and reads "autograd". */
  private static Phrase code(Argument a) {
    return a.expression() == null ? Phrase.text("autograd") : Phrase.code(ExprText.of(a.expression()));
  }

  private static boolean isLiteral(Expr e) {
    if (e instanceof Expr.Neg n) {
      return isLiteral(n.operand());
    }
    if (e instanceof Expr.Tuple tuple) {
      return tuple.items().stream().allMatch(ReasonText::isLiteral);
    }
    return e instanceof Expr.Num || e instanceof Expr.Bool;
  }

  /** {@code dC @ A}; a call as {@code sum(dc, axis=2)}; indexing as {@code p[arange(B), y]}. */
  private static String operationText(Operation op) {
    List<Argument> args = op.arguments();
    if (op.name().equals(Operation.INDEX)) {
      List<String> items = args.subList(1, args.size()).stream().map(a -> a.expression() == null
          ? indexItem(a.value()) : ExprText.of(a.expression())).toList();
      return (args.get(0).expression() == null ? "autograd" : ExprText.of(args.get(0).expression()))
          + "[" + String.join(", ", items) + "]";
    }
    List<String> written = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      Argument a = args.get(i);
      String text = a.expression() == null ? "autograd" : ExprText.of(a.expression());
      written.add(i > 0 && a.parameter() != null && !op.infix() ? a.parameter() + "=" + text : text);
    }
    return op.infix() ? String.join(" " + op.name() + " ", written) : op.name() + "(" + String.join(", ", written) + ")";
  }

  private static String relation(CompareOp op) {
    return op.name().toLowerCase(Locale.ROOT);
  }

  private Phrase fill(String key, Map<String, Phrase> values) {
    return Phrase.fill(t.get(key), values);
  }

  // ---- the language-neutral detail, for verification.json

  /** The detail in symbols and numbers: {@code (4, 3) ≠ dA (3, 4)}, {@code 12 ≮ 7}. */
  static String detail(Reason reason) {
    if (reason instanceof Reason.NotGeneral g) {
      return detail(g.failure());
    } else if (reason instanceof Reason.Widened w) {
      return detail(w.failure());
    } else if (reason instanceof Reason.ShapeMismatch s) {
      String gradient = s.gradient() == null ? "" : s.gradient() + " ";
      return detail(s.claimed().value()) + " ≠ " + gradient + detail(s.expected().value());
    } else if (reason instanceof Reason.ValueMismatch v) {
      return "|Δ" + Numbers.index(v.index()) + "| = " + Numbers.errorInReason(v.difference());
    } else if (reason instanceof Reason.ComparisonFails c) {
      int[] index = c.index();
      String at = index == null || index.length == 0 ? "" : Numbers.index(index) + ": ";
      String[] numbers = elements(c.left(), c.right());
      String left = numbers == null ? detail(c.left().value()) : numbers[0];
      String right = numbers == null ? detail(c.right().value()) : numbers[1];
      return at + left + " " + c.op().negation() + " " + right;
    } else if (reason instanceof Reason.NoElementDiffers) {
      return "Δ ≈ 0";
    } else if (reason instanceof Reason.Undefined u) {
      return operationDetail(u.operation());
    }
    throw new IllegalStateException("no wording for " + reason.getClass().getSimpleName());
  }

  /**
   * {@code (3, 5) @ (3, 4)}; a reshape as {@code (4, 3) → (3,)}; indexing as
   * {@code (3, 4)[5, 1:3, array(4,)]}; a call as {@code sum((4, 3), axis=2)}, the values a variadic
   * parameter collects by position: {@code einsum('ij,jk', (3, 5), (3, 4))}.
   */
  private static String operationDetail(Operation op) {
    List<Argument> args = op.arguments();
    if (op.infix()) {
      return detail(args.get(0).value()) + " " + op.name() + " " + detail(args.get(1).value());
    }
    if (op.name().equals("reshape")) {
      return detail(args.get(0).value()) + " → " + reshapeTarget(args.get(1).value());
    }
    if (op.name().equals(Operation.INDEX)) {
      List<String> items = args.subList(1, args.size()).stream().map(a -> indexItem(a.value())).toList();
      return detail(args.get(0).value()) + "[" + String.join(", ", items) + "]";
    }
    StringBuilder call = new StringBuilder(op.name()).append('(');
    for (int i = 0; i < args.size(); i++) {
      String parameter = args.get(i).parameter();
      if (i > 0) {
        call.append(", ").append(parameter == null ? "" : parameter + "=");
      }
      call.append(detail(args.get(i).value()));
    }
    return call.append(')').toString();
  }

  /** A reshape's target: an integer {@code n} is the shape {@code (n,)}. */
  private static String reshapeTarget(Operand value) {
    return value instanceof Operand.Int i ? Numbers.shape(new int[] {(int) i.value()}) : detail(value);
  }

  /** An index item: an integer array as {@code array(4,)}, so that it does not read as a tuple. */
  private static String indexItem(Operand value) {
    if (value instanceof Operand.Tensor t) {
      return "array" + Numbers.shape(t.shape());
    } else if (value instanceof Operand.Sequence s) {
      return "[" + String.join(", ", s.items().stream().map(ReasonText::indexItem).toList()) + "]";
    }
    return detail(value);
  }

  /**
   * A tensor by its shape, a tuple as written, an element's value to four digits, a string in
   * quotes, a list in brackets, a slice as {@code start:stop:step}.
   */
  private static String detail(Operand value) {
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
      return "[" + String.join(", ", s.items().stream().map(ReasonText::detail).toList()) + "]";
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

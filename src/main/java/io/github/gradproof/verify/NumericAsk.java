package io.github.gradproof.verify;

import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.claim.CheckedExpression;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Scope;
import io.github.gradproof.claim.Shape;
import io.github.gradproof.claim.StaticType;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.quiz.NumericSpec;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A numeric question's {@code ask} and the expressions of its explanation's placeholders, parsed
 * and checked once against the setup's names: each must name only what the setup defines (and
 * gradients of it; a placeholder may also name {@code answer}), and each must be one number.
 */
final class NumericAsk {

  final SourceSpan askText;
  final CheckedExpression ask;
  /** Each distinct placeholder expression (stripped, as written), with where it first stands. */
  final Map<String, CheckedExpression> placeholders = new LinkedHashMap<>();
  final Map<String, SourceSpan> placeholderTexts = new LinkedHashMap<>();
  /** Names whose gradient the ask or a placeholder reads. */
  final Set<String> differentiated = new LinkedHashSet<>();

  private final Map<String, Integer> dims;

  private NumericAsk(NumericSpec spec, Scope scope, Map<String, Integer> dims, List<Diagnostic> errors) {
    this.dims = dims;
    this.askText = spec.ask();
    this.ask = expression(spec.ask(), scope.withGradients(), "ask", errors);
    Scope withAnswer = scope.withGradients().with(NumericSpec.ANSWER_NAME, Scope.Kind.LABELS, Shape.scalar());
    for (NumericSpec.Placeholder p : spec.placeholders()) {
      CheckedExpression e = expression(p.expression(), withAnswer, "the placeholder {{" + p.expression().source()
          + "}}", errors);
      if (e != null && !placeholders.containsKey(p.expression().source())) {
        placeholders.put(p.expression().source(), e);
        placeholderTexts.put(p.expression().source(), p.expression());
      }
    }
  }

  /**
   * Checks a numeric question's expressions.
   *
   * @param scope the setup's names (dims, inputs, forward names)
   * @param dims the setup's sizes, to state a shape in numbers too
   * @param errors receives every authoring error found
   */
  static NumericAsk compile(NumericSpec spec, Scope scope, Map<String, Integer> dims, List<Diagnostic> errors) {
    return new NumericAsk(spec, scope, dims, errors);
  }

  private CheckedExpression expression(SourceSpan text, Scope scope, String what, List<Diagnostic> errors) {
    CheckedExpression e = Claims.checkExpression(text, scope, errors);
    if (e == null) {
      return null;
    }
    if (e.usesExperiments()) {
      errors.add(new Diagnostic(text.location(), what + " uses fd_order or fd_evals, which measure the"
          + " verifier, not the question; ask for a value of the setup", text.sourceLine()));
      return null;
    }
    if (e.isNeverScalar()) {
      errors.add(notANumber(text, what, describe(e.type())));
      return null;
    }
    if (e.expr() instanceof Expr.Compare) {
      // Inside an expression a comparison is a 0/1 mask, so the answer would be 1 or 0 whatever
      // the question meant: a reader asked for a value is never asked to judge a statement.
      errors.add(new Diagnostic(text.location(), what + " is a comparison, whose value is 1 or 0 (true or false);"
          + " ask for the value itself, e.g. the left side, and state the relation in the explanation",
          text.sourceLine()));
      return null;
    }
    differentiated.addAll(e.differentiated());
    return e;
  }

  /** The message for an expression that is not one number: it says what it is and what to write. */
  static Diagnostic notANumber(SourceSpan text, String what, String found) {
    return new Diagnostic(text.location(), what + " must be one number, but " + found + "; pick one element"
        + " by indexing (x[0, 1]) or reduce it (sum(x))", text.sourceLine());
  }

  private String describe(StaticType t) {
    if (t instanceof StaticType.TensorType x) {
      int[] sizes = x.shape().evaluate(dims);
      String concrete = sizes == null ? "" : Tensor.shapeString(sizes);
      return "it has shape " + x.shape() + (concrete.isEmpty() || concrete.equals(x.shape().toString()) ? ""
          : " = " + concrete);
    }
    return "it is " + t.type().description();
  }
}

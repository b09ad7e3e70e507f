package io.github.gradproof.verify;

import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Line;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.quiz.NumericTolerance;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.Setup;
import java.util.ArrayList;
import java.util.List;

/**
 * A decimal constant of a numeric question's forward lines that a reader could leave out (read as
 * 0) and still be called right in every variant: SGD with weight decay, {@code w - 0.1 * (g + 0.01 * w)},
 * under the default tolerance accepts {@code w - 0.1 * g}, so the question does not test the decay
 * it asks about. Only terms that matter at the page's precision count: one that moves the answer by
 * at least a tenth of what the tolerance allows in some variant. An epsilon such as the {@code 1e-8}
 * of {@code m / (sqrt(v) + 1e-8)} moves it by far less, and leaving it out is no mistake.
 *
 * @param question the question with the constant read as 0
 * @param literal the constant as written
 * @param line the forward line as written
 */
record DroppedTerm(Question question, Expr.Num literal, SourceSpan line) {

  /** Below this share of the tolerance's allowance, a term's effect is negligible by design. */
  static final double VISIBLE = 0.1;

  /** The decimal constants of forward line {@code index} of {@code question}, each read as 0 in a copy. */
  static List<DroppedTerm> of(Question question, int index, Line.Definition parsed) {
    Setup setup = question.setup();
    SourceSpan line = setup.forward().get(index);
    String source = line.source();
    List<DroppedTerm> terms = new ArrayList<>();
    for (Expr.Num n : Claims.literals(parsed)) {
      boolean decimal = !n.integer() && n.value() != 0;
      if (!decimal || !source.startsWith(n.text(), n.pos())) {
        continue;
      }
      String changed = source.substring(0, n.pos()) + "0" + source.substring(n.pos() + n.text().length());
      List<SourceSpan> forward = new ArrayList<>(setup.forward());
      forward.set(index, new SourceSpan(changed, line.location(), line.sourceLine()));
      Setup other = new Setup(setup.dims(), setup.dimLocations(), setup.inputs(), forward, setup.location(),
          setup.exactDimsReason(), setup.derived());
      Question q = new Question(question.id(), question.kind(), question.title(), question.prompt(), other,
          question.choices(), question.answer(), question.explanation(), question.verify(), question.verifyReason(),
          question.location(), question.numeric());
      terms.add(new DroppedTerm(q, n, line));
    }
    return terms;
  }

  /**
   * The refusal when the answers without the term ({@code answers}, one per variant) are accepted in
   * every variant, differ from the answer in one at least, and move it visibly in one at least;
   * else {@code null}.
   */
  Diagnostic problem(SourceSpan ask, List<Variant> variants, double[] answers) {
    NumericTolerance tolerance = question.numeric().tolerance();
    boolean differs = false;
    boolean visible = false;
    double gap = Double.POSITIVE_INFINITY;
    for (int v = 0; v < answers.length; v++) {
      double answer = NumericShortcut.shownAnswer(variants.get(v));
      if (!NumericShortcut.accepts(tolerance, answers[v], answer)) {
        return null;
      }
      double moved = Math.abs(answers[v] - answer);
      if (!NumericShortcut.same(answers[v], answer)) {
        differs = true;
        gap = Math.min(gap, moved);
      }
      visible |= moved >= VISIBLE * Math.max(tolerance.absolute(), tolerance.relative() * Math.abs(answer));
    }
    if (!differs || !visible) {
      return null;
    }
    String written = tolerance.location() == null ? "the default tolerance {abs: 0.005, rel: 0.001}"
        : "the tolerance " + NumericShortcut.written(tolerance);
    String message = question.id() + ": the page would call a reader right who leaves out the " + literal.text()
        + " of '" + line.source().strip() + "' (works it out with 0 there) in every variant: " + written
        + " is wider than what that term moves the answer by, as little as " + NumericShortcut.plain(
            NumericShortcut.round(gap, 4)) + "; give a tolerance below that, e.g. tolerance: {abs: "
        + NumericShortcut.below(gap) + "}, or a term that moves the answer further";
    return tolerance.location() != null ? Diagnostic.at(tolerance.location(), message)
        : new Diagnostic(ask.location(), message, ask.sourceLine());
  }
}

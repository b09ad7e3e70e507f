package io.github.gradproof.claim;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceSpan;
import java.util.List;

/**
 * Entry point of the claim language: parses and statically checks lines as written in a quiz file,
 * reporting authoring errors as located {@link Diagnostic}s ({@code file:line:column}, the source
 * line and a caret).
 */
public final class Claims {

  private Claims() {}

  /**
   * Parses and checks a forward line {@code name = expr} against the names defined before it.
   *
   * @param sink receives every authoring error of the line
   * @return the definition, or {@code null} when the line has errors (then {@code sink} grew)
   */
  public static Line.Definition forwardLine(SourceSpan text, Scope scope, List<Diagnostic> sink) {
    Line.Definition line;
    try {
      line = Parser.forwardLine(text.source());
    } catch (ClaimSyntaxException e) {
      sink.add(diagnostic(text, e));
      return null;
    }
    boolean checked = report(text, line, scope, sink);
    return refuseExperiments(text, line, sink) && checked ? line : null;
  }

  /**
   * A forward line builds the graph the experiment itself differentiates, so it cannot measure
   * that experiment: {@code fd_order}/{@code fd_evals} belong in claims.
   *
   * @return whether the line calls neither
   */
  private static boolean refuseExperiments(SourceSpan text, Line line, List<Diagnostic> sink) {
    int before = sink.size();
    Walk.line(line, e -> {
      if (e instanceof Expr.Call c && (c.function().equals("fd_order") || c.function().equals("fd_evals"))) {
        sink.add(text.diagnostic(c.pos(), c.function()
            + "() measures the question's finite differences and can only stand in a claim, not in a forward line"));
      }
    });
    return sink.size() == before;
  }

  /**
   * Parses and checks a claim: {@code dX = expr} or a comparison.
   *
   * @param scope the setup's names; gradient names are made visible here
   * @param sink receives every authoring error of the claim
   * @return the claim, or {@code null} when it has errors (then {@code sink} grew)
   */
  public static Line claim(SourceSpan text, Scope scope, List<Diagnostic> sink) {
    Line line;
    try {
      line = Parser.claim(text.source());
    } catch (ClaimSyntaxException e) {
      sink.add(diagnostic(text, e));
      return null;
    }
    return report(text, line, scope.withGradients(), sink) ? line : null;
  }

  /**
   * Parses a claim without checking names, for questions whose claims are not evaluated
   * ({@code verify: false} without a setup): syntax errors still surface.
   *
   * @return the claim, or {@code null} when it has a syntax error (then {@code sink} grew)
   */
  public static Line parseOnly(SourceSpan text, List<Diagnostic> sink) {
    try {
      return Parser.claim(text.source());
    } catch (ClaimSyntaxException e) {
      sink.add(diagnostic(text, e));
      return null;
    }
  }

  /**
   * The names {@code X} whose gradient a checked claim uses: the target of {@code dX = ...} and
   * every gradient name {@code dX} in its expressions, in order of first use.
   */
  public static java.util.Set<String> differentiated(Line line, Scope scope) {
    Scope s = scope.withGradients();
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    if (line instanceof Line.GradientClaim g) {
      names.add(g.target());
    }
    Walk.line(line, e -> {
      if (e instanceof Expr.Name n && s.kind(n.name()) == null && s.gradientOf(n.name()) != null) {
        names.add(n.name().substring(1));
      }
    });
    return names;
  }

  /** Whether a line calls {@code fd_order} or {@code fd_evals}. */
  public static boolean usesExperiments(Line line) {
    boolean[] found = {false};
    Walk.line(line, e -> {
      if (e instanceof Expr.Call c && (c.function().equals("fd_order") || c.function().equals("fd_evals"))) {
        found[0] = true;
      }
    });
    return found[0];
  }

  private static boolean report(SourceSpan text, Line line, Scope scope, List<Diagnostic> sink) {
    List<ClaimSyntaxException> errors = Checker.check(line, scope);
    for (ClaimSyntaxException e : errors) {
      sink.add(diagnostic(text, e));
    }
    return errors.isEmpty();
  }

  /** Locates an error at its offset inside {@code text}. */
  public static Diagnostic diagnostic(SourceSpan text, ClaimSyntaxException e) {
    return text.diagnostic(e.offset(), e.getMessage());
  }
}

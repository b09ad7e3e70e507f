package io.github.gradproof.verify;

import io.github.gradproof.claim.CheckedLine;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.CompareOp;
import io.github.gradproof.claim.ConstantOffset;
import io.github.gradproof.claim.Dim;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Line;
import io.github.gradproof.claim.Restatement;
import io.github.gradproof.claim.Scope;
import io.github.gradproof.claim.Shape;
import io.github.gradproof.claim.StartingGradient;
import io.github.gradproof.claim.StaticType;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.quiz.Choice;
import io.github.gradproof.quiz.DimExpr;
import io.github.gradproof.quiz.DimExprParser;
import io.github.gradproof.quiz.Distribution;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.Setup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;

/**
 * A question with every line parsed and checked once: the forward lines, each choice's claims and
 * the answer's claims. Collects every authoring error instead of stopping at the first.
 */
final class CompiledQuestion {

  private static final Pattern DEFINED_NAME = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=[^=]");

  final Question question;
  final List<Line.Definition> forward = new ArrayList<>();
  /** The forward lines with their static facts (types and symbolic shapes), parallel to {@link #forward}. */
  final List<CheckedLine> forwardFacts = new ArrayList<>();
  /** Per forward line: whether the output depends on it (see {@link #linesTheOutputReads}). */
  final boolean[] feedsOutput;
  /** Per forward line: the inputs it reads, directly or through earlier forward names. */
  final List<Set<String>> inputsRead;
  private final Map<Line, Set<String>> namesByLine = new IdentityHashMap<>();
  /** {@link #scaleCone}'s memo, with the names that had gradients when each cone was found. */
  private final Map<Line, Map.Entry<Set<String>, ClaimJudge.ScaleCone>> scaleCones = new IdentityHashMap<>();
  final List<List<CompiledClaim>> choiceClaims = new ArrayList<>();
  final List<CompiledClaim> answerClaims = new ArrayList<>();
  final List<Diagnostic> errors = new ArrayList<>();
  /** Names whose engine gradient a claim uses; each is checked against central differences. */
  final Set<String> checked = new LinkedHashSet<>();
  boolean usesExperiments;
  /** The gradient names whose value is the backward pass's start ({@link StartingGradient#names}). */
  Set<String> startingGradients = Set.of();
  private Scope scope = Scope.empty();

  /**
   * The authoring errors of {@code question}, each message led by the question's id (as every
   * other problem of a question is), unless it already is.
   */
  static List<Diagnostic> named(Question question, List<Diagnostic> errors) {
    String prefix = question.id() + ": ";
    return errors.stream().map(d -> d.message().startsWith(prefix) ? d
        : new Diagnostic(d.location(), prefix + d.message(), d.sourceLine())).toList();
  }

  CompiledQuestion(Question question) {
    this.question = question;
    Setup setup = question.setup();
    if (setup != null) {
      declare(setup);
    }
    startingGradients = StartingGradient.names(forward);
    feedsOutput = linesTheOutputReads(forward);
    inputsRead = inputsRead(setup, forward);
    for (Choice c : question.choices()) {
      choiceClaims.add(claims(c.claims()));
    }
    answerClaims.addAll(claims(question.answer().claims()));
    forward.forEach(d -> namesByLine.put(d, Claims.names(d)));
    allClaims().forEach(c -> namesByLine.put(c.line(), Claims.names(c.line())));
  }

  /**
   * {@link Claims#names} of a forward line or of a claim of this question, found once: every trial
   * asks for them again.
   */
  Set<String> names(Line line) {
    Set<String> names = namesByLine.get(line);
    return names != null ? names : Claims.names(line);
  }

  /**
   * The {@link ClaimJudge.ScaleCone} of a claim's line, found by {@code find} the first time and
   * again only if the names that have gradients differ from those it was found with (they depend
   * on the setup alone, so they never do; the check keeps the memo honest if that ever changes).
   * Synchronized: the memo is the only state of a compiled question that changes after its
   * construction.
   */
  synchronized ClaimJudge.ScaleCone scaleCone(Line line, Set<String> withGradients,
      Supplier<ClaimJudge.ScaleCone> find) {
    Map.Entry<Set<String>, ClaimJudge.ScaleCone> known = scaleCones.get(line);
    if (known != null && known.getKey().equals(withGradients)) {
      return known.getValue();
    }
    ClaimJudge.ScaleCone cone = find.get();
    scaleCones.put(line, Map.entry(Set.copyOf(withGradients), cone));
    return cone;
  }

  /** Per forward line, the inputs it reads directly or through earlier lines (for the message of a non-finite value). */
  private static List<Set<String>> inputsRead(Setup setup, List<Line.Definition> forward) {
    Map<String, Set<String>> inputsOf = new HashMap<>();
    if (setup != null) {
      setup.inputs().forEach(in -> inputsOf.put(in.name(), Set.of(in.name())));
    }
    List<Set<String>> out = new ArrayList<>();
    for (Line.Definition d : forward) {
      Set<String> read = NonFiniteForward.inputsRead(d, inputsOf);
      inputsOf.put(d.name(), read);
      out.add(read);
    }
    return List.copyOf(out);
  }

  /** The names the setup defines (dims, inputs, forward names), without gradient names. */
  Scope scope() {
    return scope;
  }

  /** Every claim of the question, choices first, then the answer's. */
  List<CompiledClaim> allClaims() {
    List<CompiledClaim> all = new ArrayList<>();
    choiceClaims.forEach(all::addAll);
    all.addAll(answerClaims);
    return all;
  }

  private void declare(Setup setup) {
    for (String dim : setup.dims().keySet()) {
      scope = scope.with(dim, Scope.Kind.DIM);
    }
    for (Map.Entry<String, DimExpr> d : setup.derived().entrySet()) {
      // a derived dim stands for its formula over the free dims, so E and NH * DH are one size
      scope = scope.withDim(d.getKey(), dimOf(d.getValue(), scope));
    }
    for (InputSpec in : setup.inputs()) {
      if (scope.kind(in.name()) != null) {
        errors.add(Diagnostic.at(in.location(), "'" + in.name() + "' is defined twice in the setup; rename one"));
        continue;
      }
      for (String axis : in.shape()) {
        checkDim(in, axis, "the shape of '" + in.name() + "'");
      }
      if (in.distribution() == Distribution.LABELS) {
        if (in.classes() == null) {
          errors.add(Diagnostic.at(in.location(), "labels input '" + in.name() + "' needs 'classes: K'"));
        } else {
          checkDim(in, in.classes(), "'classes' of '" + in.name() + "'");
        }
      }
      scope = scope.with(in.name(), kindOf(in.distribution()), shapeOf(in, scope));
    }
    for (SourceSpan text : setup.forward()) {
      CheckedLine checked = Claims.checkForwardLine(text, scope, errors);
      if (checked != null) {
        Line.Definition d = (Line.Definition) checked.line();
        forward.add(d);
        forwardFacts.add(checked);
        StaticType t = checked.valueType();
        scope = scope.with(d.name(), Scope.Kind.FORWARD,
            t instanceof StaticType.TensorType x ? x.shape() : Shape.scalar());
      } else {
        Matcher m = DEFINED_NAME.matcher(text.source());
        if (m.find() && scope.kind(m.group(1)) == null) {
          scope = scope.with(m.group(1), Scope.Kind.FORWARD);
        }
      }
    }
  }

  /**
   * Whether each forward line is the last one (the output) or is read by it, directly or through
   * other lines. The objective of a perturbed trial depends on those lines only, so re-running it
   * skips the others (a line that no later line reads, such as {@code p = softmax(z)} beside
   * {@code L = cross_entropy(z, y)}): they cannot change its value, and a kink in one of them is
   * not a kink of the objective.
   */
  private static boolean[] linesTheOutputReads(List<Line.Definition> forward) {
    boolean[] live = new boolean[forward.size()];
    Set<String> read = new HashSet<>();
    for (int i = forward.size() - 1; i >= 0; i--) {
      Line.Definition d = forward.get(i);
      if (i == forward.size() - 1 || read.contains(d.name())) {
        live[i] = true;
        read.addAll(Claims.names(d)); // its own name too: names are never defined twice
      }
    }
    return live;
  }

  private static Scope.Kind kindOf(Distribution d) {
    return d == Distribution.LABELS ? Scope.Kind.LABELS : d == Distribution.BERNOULLI ? Scope.Kind.MASK
        : Scope.Kind.INPUT;
  }

  /** An input's static shape: its declared axes as sizes over the dims. */
  private static Shape shapeOf(InputSpec in, Scope scope) {
    List<Dim> dims = new ArrayList<>();
    for (String axis : in.shape()) {
      dims.add(dimOf(axis, scope));
    }
    return new Shape(dims);
  }

  /** An axis as a static size; unknown when it names no dim (reported by checkDim) or does not parse. */
  private static Dim dimOf(String axis, Scope scope) {
    try {
      return dimOf(DimExpr.parse(axis), scope);
    } catch (DimExprParser.SyntaxError e) {
      return Dim.unknown(); // only a setup built in code can hold one: the loader reports it
    }
  }

  private static Dim dimOf(DimExpr e, Scope scope) {
    if (e instanceof DimExpr.Literal l) {
      return Dim.of(l.value());
    }
    if (e instanceof DimExpr.Name n) {
      return scope.kind(n.name()) == Scope.Kind.DIM && scope.type(n.name()) instanceof StaticType.IntType t
          ? t.value() : Dim.unknown();
    }
    DimExpr.Binary b = (DimExpr.Binary) e;
    Dim l = dimOf(b.left(), scope);
    Dim r = dimOf(b.right(), scope);
    if (!l.isKnown() || !r.isKnown()) {
      return Dim.unknown();
    }
    return switch (b.op()) {
      case "+" -> l.plus(r);
      case "-" -> l.minus(r);
      case "*" -> l.times(r);
      default -> l.floorDiv(r);
    };
  }

  private void checkDim(InputSpec in, String axis, String where) {
    if (axis.matches("[0-9]+")) {
      return;
    }
    Set<String> names;
    try {
      names = DimExpr.parse(axis).names();
    } catch (DimExprParser.SyntaxError e) {
      errors.add(Diagnostic.at(in.location(), "'" + axis + "' in " + where + ": " + e.getMessage()));
      return;
    }
    for (String name : names) {
      if (!question.setup().isDim(name)) {
        errors.add(Diagnostic.at(in.location(), "unknown dim '" + name + "' in " + where
            + "; declare it under dims or write an integer"));
      }
    }
  }

  /** The forward lines' values by name. */
  private Map<String, Expr> definitions() {
    Map<String, Expr> definitions = new HashMap<>();
    for (Line.Definition d : forward) {
      definitions.put(d.name(), d.value());
    }
    return definitions;
  }

  private List<CompiledClaim> claims(List<SourceSpan> texts) {
    List<CompiledClaim> out = new ArrayList<>();
    for (SourceSpan text : texts) {
      CheckedLine facts = question.setup() == null ? null : Claims.checkClaim(text, scope, errors);
      Line line = question.setup() == null ? Claims.parseOnly(text, errors) : facts == null ? null : facts.line();
      if (line == null) {
        continue;
      }
      if (question.verify() && line instanceof Line.Comparison c && Restatement.restates(c, definitions())) {
        errors.add(text.diagnostic(c.opPos(), "both sides of '" + c.op().symbol() + "' are the same expression once"
            + " the forward lines are put in for their names, so the claim holds whatever the inputs are and proves"
            + " nothing; compare with what the value should be"));
        continue;
      }
      if (question.verify() && line instanceof Line.Comparison c && ConstantOffset.differs(c, definitions())) {
        errors.add(text.diagnostic(c.opPos(), "the two sides of '!=' differ only by a constant added to one of"
            + " them (once the forward lines are put in for their names), so that constant, not the values the"
            + " claim reads, decides whether it holds (dx != dx + 1 holds whatever dx is), and it proves nothing;"
            + " a \"no\" choice states the value it rules out (dx != 3 * x, dA != dA.T, dW != 0)"));
        continue;
      }
      if (question.verify() && question.setup() != null && approximateGradient(line)) {
        errors.add(text.diagnostic(((Line.Comparison) line).opPos(), "'~' allows 5 % of the right side, and 0.05"
            + " where it is below 1, so a gradient that is off passes it (one below 0.05 in size passes with the wrong"
            + " sign), and a choice that holds with it would show a wrong gradient as holding; state a gradient"
            + " with == (whose tolerance is measured) or as a gradient claim dX = ...; '~' is for measured"
            + " quantities (fd_order, fd_evals) and for estimates of forward values"));
        continue;
      }
      if (question.setup() == null) {
        if (question.verify()) {
          errors.add(new Diagnostic(text.location(), "claims need a setup: give the question "
              + "'setup' with dims, inputs and forward lines", text.sourceLine()));
        }
        out.add(new CompiledClaim(text, line, Set.of(), null, false));
        continue;
      }
      Set<String> diff = Claims.differentiated(line, scope);
      boolean experiments = Claims.usesExperiments(line);
      // Judged on the written lines: when forward lines exist but failed to parse, their own
      // errors are reported and these would only repeat them.
      boolean noForward = question.setup().forward().isEmpty();
      if (!diff.isEmpty() && noForward) {
        errors.add(new Diagnostic(text.location(), "gradients need an objective: add forward lines "
            + "to the setup (the last one is the objective)", text.sourceLine()));
      }
      if (experiments && (noForward || firstFloatInput() == null)) {
        errors.add(new Diagnostic(text.location(), "fd_order/fd_evals need forward lines and a "
            + "float input in the setup", text.sourceLine()));
      }
      usesExperiments |= experiments;
      if (experiments && firstFloatInput() != null) {
        // the experiment measures errors against the engine's gradient of this input
        diff = new LinkedHashSet<>(diff);
        diff.add(firstFloatInput().name());
      }
      String last = forward.isEmpty() ? null : forward.get(forward.size() - 1).name();
      for (String name : diff) {
        if (!name.equals(last)) {
          checked.add(name);
        }
      }
      out.add(new CompiledClaim(text, line, diff, facts, Claims.constrainsValues(line, scope, startingGradients)));
    }
    return out;
  }

  /**
   * Whether a claim compares a gradient approximately ({@code ~} reading some {@code dX}), which
   * no claim may: only the measured experiments and estimates of forward values are approximate.
   */
  private boolean approximateGradient(Line line) {
    return line instanceof Line.Comparison c && c.op() == CompareOp.APPROX
        && !Claims.usesExperiments(line)
        && Claims.valueNames(line, scope).stream().anyMatch(name -> scope.kind(name) == null);
  }

  /** The first input that is not class labels, or {@code null}. */
  InputSpec firstFloatInput() {
    if (question.setup() == null) {
      return null;
    }
    for (InputSpec in : question.setup().inputs()) {
      if (!in.distribution().isConstant()) {
        return in;
      }
    }
    return null;
  }

  /**
   * Every assignment of the dims' alternatives, first dim varying slowest, in file order, each with
   * its derived dims computed after the free ones ({@link Setup#sizes}).
   */
  List<Map<String, Integer>> dimAssignments() {
    Setup setup = question.setup();
    return Setup.combinations(setup.dims()).stream().map(free -> setup.sizes(free, Integer.MAX_VALUE)).toList();
  }
}

package io.github.gradproof.autograd;

/**
 * One differentiable operation of the gradient table (HIPS autograd's {@code defvjp} habit): a name, a
 * forward kernel on plain tensors, and one vector-Jacobian product per operand. The engine is generic:
 * {@link #apply} runs the kernel and attaches a backward rule that asks each VJP for its operand's
 * gradient, then hands it to the one shared {@code unbroadcast} ({@link Var#pushTo}). Adding an op is
 * one table row; no op writes its own backward closure.
 *
 * @param <P> the op's non-tensor parameters (axes, strides, a resolved index plan, ...); {@code Void}
 *     when it has none
 */
final class Primitive<P> {

  /** The forward computation on plain tensors. */
  @FunctionalInterface
  interface Kernel<P> {
    Tensor apply(Tensor[] args, P params);
  }

  /**
   * The gradient of one operand: maps the output gradient {@code g} (shaped like {@code ans}) to a tensor
   * shaped like the operand, or like the broadcast shape for broadcasting ops (the engine unbroadcasts).
   */
  @FunctionalInterface
  interface Vjp<P> {
    Tensor apply(Tensor g, Tensor ans, Tensor[] args, P params);
  }

  /** The rule of an op with any number of operands (concatenate, einsum): operand {@code i}'s VJP. */
  @FunctionalInterface
  interface VariadicVjp<P> {
    Tensor apply(int i, Tensor g, Tensor ans, Tensor[] args, P params);
  }

  /**
   * Reports the branch a non-smooth op took at these operands (the sign of every input, which element
   * is the maximum, ...) to the {@link KinkRecorder} the operands carry, so a finite-difference check
   * can tell a kink from a wrong gradient. Called only when that recorder records.
   */
  @FunctionalInterface
  interface Branches<P> {
    void report(KinkRecorder kinks, Tensor[] args, Tensor ans, P params);
  }

  /**
   * Where the op's gradient of each operand is torch's rule rather than the slope of its value (a
   * floor the gradient does not see): one 0/1 mask per operand, shaped like it, or null for an
   * operand whose gradient is the slope everywhere. Reported to the operands' {@link KinkRecorder}
   * ({@link KinkRecorder#ruled}); asked only when that recorder records.
   */
  @FunctionalInterface
  interface Ruling<P> {
    Tensor[] masks(Tensor[] args, Tensor ans, P params);
  }

  private final String name;
  private final Kernel<P> kernel;
  private final Vjp<P>[] vjps;
  private final VariadicVjp<P> variadic;
  private final Branches<P> branches;
  private final Ruling<P> ruling;

  private Primitive(String name, Kernel<P> kernel, Vjp<P>[] vjps, VariadicVjp<P> variadic, Branches<P> branches,
      Ruling<P> ruling) {
    this.name = name;
    this.kernel = kernel;
    this.vjps = vjps;
    this.variadic = variadic;
    this.branches = branches;
    this.ruling = ruling;
  }

  /**
   * A table row; {@code vjps[i]} is operand {@code i}'s rule, null for an operand that gets no gradient
   * (a condition, class labels).
   */
  @SafeVarargs
  static <P> Primitive<P> of(String name, Kernel<P> kernel, Vjp<P>... vjps) {
    return new Primitive<>(name, kernel, vjps.clone(), null, null, null);
  }

  /** A table row for an op that takes any number of operands, all differentiable. */
  static <P> Primitive<P> variadic(String name, Kernel<P> kernel, VariadicVjp<P> vjp) {
    @SuppressWarnings("unchecked")
    Vjp<P>[] none = new Vjp[0];
    return new Primitive<>(name, kernel, none, vjp, null, null);
  }

  /** The same row for a non-smooth op, which reports its branches. */
  Primitive<P> reporting(Branches<P> report) {
    return new Primitive<>(name, kernel, vjps, variadic, report, ruling);
  }

  /** The same row for an op whose gradient is a rule, not the slope, in some regime. */
  Primitive<P> ruling(Ruling<P> rule) {
    return new Primitive<>(name, kernel, vjps, variadic, branches, rule);
  }

  /** The op's name as the gradient table and error messages know it. */
  String name() {
    return name;
  }

  /** How many operands have a fixed rule slot; -1 for a variadic op. */
  int arity() {
    return variadic != null ? -1 : vjps.length;
  }

  /** Operand {@code i}'s rule (null: no gradient), read at backward time. */
  Vjp<P> vjp(int i) {
    if (variadic != null) {
      VariadicVjp<P> rule = variadic;
      return (g, ans, args, params) -> rule.apply(i, g, ans, args, params);
    }
    return vjps[i];
  }

  /** Applies an op that has no parameters. */
  Var call(Var... operands) {
    return apply(null, operands);
  }

  /** Runs the kernel and, when an operand tracks gradients, attaches the backward rule. */
  Var apply(P params, Var... operands) {
    Tensor[] args = new Tensor[operands.length];
    for (int i = 0; i < operands.length; i++) {
      args[i] = operands[i].value();
    }
    Tensor ans = kernel.apply(args, params);
    RoundingProbe probe = Var.probe(operands);
    if (probe != null) {
      ans = probe.apply(ans);
    }
    KinkRecorder kinks = Var.kinks(operands);
    if (branches != null && kinks.active()) {
      branches.report(kinks, args, ans, params);
    }
    if (ruling != null && kinks.active()) {
      Tensor[] masks = ruling.masks(args, ans, params);
      for (int i = 0; i < masks.length; i++) {
        if (masks[i] != null) {
          kinks.ruled(operands[i], masks[i]);
        }
      }
    }
    return Var.result(ans, operands, new Backward<>(this, params, operands, args, ans));
  }

  /**
   * The backward rule of one application: a class rather than a lambda, because the JVM's C1
   * compiler (the project's only one, {@code .mvn/jvm.config}) creates a capturing lambda through
   * a native call, a measurable share of verification's time when every op makes one.
   */
  private static final class Backward<P> implements Var.GradRule {
    private final Primitive<P> op;
    private final P params;
    private final Var[] operands;
    private final Tensor[] args;
    private final Tensor ans;

    Backward(Primitive<P> op, P params, Var[] operands, Tensor[] args, Tensor ans) {
      this.op = op;
      this.params = params;
      this.operands = operands;
      this.args = args;
      this.ans = ans;
    }

    @Override
    public void push(Tensor g) {
      for (int i = 0; i < operands.length; i++) {
        // The rule is looked up at backward time: a test that breaks a rule on purpose swaps it in
        // the row (by reflection, never through this class) and must see it take effect.
        Vjp<P> rule = operands[i].requiresGrad() ? op.vjp(i) : null;
        if (rule != null) {
          Tensor pushed = rule.apply(g, ans, args, params);
          RoundingProbe probe = Var.probe(operands);
          Var.pushTo(operands[i], probe == null ? pushed : probe.apply(pushed));
        }
      }
    }
  }

  @Override
  public String toString() {
    return name;
  }
}

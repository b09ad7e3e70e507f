package io.github.gradproof.claim;

import io.github.gradproof.autograd.Var;
import io.github.gradproof.diag.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One function of the claim language, complete in one place (the HIPS {@code defvjp} habit): its
 * name as the mirrored library spells it, typed parameters with defaults, the static rule that
 * gives its result's type and symbolic shape, its evaluation on the autograd engine (whose ops
 * carry the gradients), and its mathematical notation. Arguments bind like Python's: positional
 * ones in order, then keywords by parameter name. The {@link Functions} registry holds them all.
 */
public final class Function {

  /** The library whose spelling, argument order, defaults and semantics a function follows. */
  public enum Library {
    /** NumPy ({@code axis=}, {@code keepdims=}). */
    NUMPY,
    /** SciPy ({@code scipy.special}). */
    SCIPY,
    /** PyTorch ({@code torch} and {@code torch.nn.functional}: {@code dim=}, {@code input}). */
    TORCH,
    /** gradproof's own (the finite-difference experiments). */
    GRADPROOF
  }

  /** How a function is also available as an array method ({@code x.sum(axis=0)}). */
  enum MethodStyle {
    /** Not a method. */
    NONE,
    /** {@code x.f(args)} is {@code f(x, args)}. */
    BOUND,
    /** As {@link #BOUND}, and several positional arguments pack into one tuple: {@code x.reshape(3, 4)}. */
    PACKED
  }

  /** The static result of a call, from its arguments' static types. */
  @FunctionalInterface
  public interface ResultRule {
    StaticType apply(StaticArgs args);
  }

  /** The static shape of a call whose result is a tensor. */
  @FunctionalInterface
  public interface ShapeRule {
    Shape apply(StaticArgs args);
  }

  /** The evaluation of a call on the engine. */
  @FunctionalInterface
  public interface Evaluation {
    Value apply(Args args);
  }

  /** The evaluation of a call whose result is a tensor. */
  @FunctionalInterface
  public interface TensorEvaluation {
    Var apply(Args args);
  }

  /**
   * The same keyword as the other library spells it: PyTorch's {@code dim=} and {@code keepdim=} are
   * NumPy's (and SciPy's) {@code axis=} and {@code keepdims=}. An author used to one writes it on a
   * function that follows the other, where edit distance finds no suggestion.
   */
  private static final Map<String, String> OTHER_LIBRARY_KEYWORDS = Map.of(
      "dim", "axis", "axis", "dim", "keepdim", "keepdims", "keepdims", "keepdim", "p", "ord", "ord", "p");

  /** PyTorch's spellings among {@link #OTHER_LIBRARY_KEYWORDS}'s keys. */
  private static final List<String> PYTORCH_KEYWORDS = List.of("dim", "keepdim", "p");

  private final String name;
  private final Library library;
  private final String counterpart;
  private final List<Param> params;
  private final List<String> names;
  private final ResultRule result;
  private final Evaluation evaluation;
  private final Notation notation;
  private final MethodStyle methodStyle;
  private final boolean tensorMethod;
  private final boolean attribute;

  private Function(Builder b) {
    this.name = b.name;
    this.library = b.library;
    this.counterpart = b.counterpart;
    this.params = List.copyOf(b.params);
    this.names = params.stream().map(Param::name).toList();
    this.result = b.result;
    this.evaluation = b.evaluation;
    this.notation = b.notation;
    this.methodStyle = b.methodStyle;
    this.tensorMethod = b.tensorMethod;
    this.attribute = b.attribute;
  }

  /** The function by its name in claims, or {@code null}. */
  public static Function named(String name) {
    return Functions.named(name);
  }

  /** The name as written in claims. */
  public String name() {
    return name;
  }

  /** The name as written in claims (the same as {@link #name()}). */
  public String spelling() {
    return name;
  }

  /** The library it follows. */
  public Library library() {
    return library;
  }

  /** The mirrored function's full name, e.g. {@code numpy.sum} or {@code torch.nn.functional.conv2d}. */
  public String counterpart() {
    return counterpart;
  }

  /** Its parameters, in positional order (keyword-only ones last). */
  public List<Param> parameters() {
    return params;
  }

  /** Parameter names, in order. */
  public List<String> params() {
    return names;
  }

  /** Its notation, for the renderer. */
  public Notation notation() {
    return notation;
  }

  /** Whether {@code x.name(...)} calls it with {@code x} as the first argument. */
  public boolean isMethod() {
    return methodStyle != MethodStyle.NONE;
  }

  MethodStyle methodStyle() {
    return methodStyle;
  }

  /**
   * Whether it is only a PyTorch tensor method ({@code x.t()}, {@code x.view(3, 4)}), with no function
   * of that name in the language: {@link Functions#method} finds it, {@link Functions#named} only by
   * {@link #callName()}.
   */
  public boolean isTensorMethod() {
    return tensorMethod;
  }

  /**
   * How a message names it: {@code sum()}; a tensor method {@code x.view()}, an attribute {@code x.mT}
   * (whose arguments a message counts after the tensor).
   */
  public String label() {
    return attribute ? "x." + name : tensorMethod ? "x." + name + "()" : name + "()";
  }

  /** Whether it is a tensor attribute, written without parentheses ({@code x.mT}). */
  public boolean isAttribute() {
    return attribute;
  }

  /**
   * The name of the call a method call stands for: the function's name, or {@code Tensor.name} for a
   * tensor method, which no call an author writes can name (a claim's call has no dot in its name).
   */
  public String callName() {
    return tensorMethod ? "Tensor." + name : name;
  }

  /** The Python signature, e.g. {@code sum(a, axis=None, *, keepdims=False)}. */
  public String signature() {
    StringBuilder s = new StringBuilder(name).append('(');
    boolean star = false;
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      s.append(i == 0 ? "" : ", ");
      if (p.keywordOnly() && !star && params.stream().noneMatch(Param::variadic)) {
        s.append("*, ");
        star = true;
      }
      s.append(p.signature());
    }
    return s.append(')').toString();
  }

  /**
   * The signature as a method of its first parameter, e.g. {@code x.norm(p='fro', dim=None, keepdim=False)},
   * or {@code x.mT} for an attribute.
   */
  public String methodSignature() {
    if (attribute) {
      return "x." + name;
    }
    String s = signature();
    int comma = s.indexOf(", ");
    return "x." + name + "(" + (comma < 0 ? ")" : s.substring(comma + 2));
  }

  /** The static result of a call whose arguments have these static types (defaults filled in). */
  StaticType result(StaticArgs args) {
    return result.apply(args);
  }

  /** Evaluates a call whose arguments have these values (defaults filled in). */
  Value evaluate(Args args) {
    return evaluation.apply(args);
  }

  /**
   * Binds a call's arguments to parameters: one slot per parameter, {@code null} when omitted; a
   * variadic parameter gets a list of the remaining positional arguments.
   *
   * @throws ClaimSyntaxException for too many arguments, unknown or repeated keywords, or a
   *     missing required argument
   */
  public Expr[] bind(Expr.Call call) {
    Expr[] slots = new Expr[params.size()];
    bindPositional(call, slots);
    for (Expr.Keyword k : call.keywords()) {
      int i = keywordIndex(k);
      if (slots[i] != null) {
        throw new ClaimSyntaxException(k.pos(), label() + " got two values for '" + params.get(i).name() + "'");
      }
      slots[i] = k.value();
    }
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] == null && params.get(i).required()) {
        throw new ClaimSyntaxException(call.pos(), label() + " is missing its argument '" + params.get(i).name()
            + "'; it takes " + arity());
      }
    }
    return slots;
  }

  private void bindPositional(Expr.Call call, Expr[] slots) {
    List<Expr> args = call.args();
    int next = 0;
    for (int i = 0; i < params.size() && next < args.size(); i++) {
      Param p = params.get(i);
      if (p.keywordOnly()) {
        break;
      }
      if (p.variadic()) {
        List<Expr> rest = args.subList(next, args.size());
        slots[i] = new Expr.ListLiteral(rest, rest.get(0).pos());
        next = args.size();
      } else {
        slots[i] = args.get(next++);
      }
    }
    if (next < args.size()) {
      throw new ClaimSyntaxException(args.get(next).pos(), label() + " takes " + arity() + ", got "
          + (args.size() - (tensorMethod ? 1 : 0)) + keywordOnlyHint());
    }
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).variadic() && slots[i] == null) {
        slots[i] = new Expr.ListLiteral(List.of(), call.pos());
      }
    }
  }

  private int keywordIndex(Expr.Keyword k) {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).answersTo(k.name()) && !params.get(i).variadic()) {
        return i;
      }
    }
    List<String> keywords = new ArrayList<>();
    params.stream().skip(tensorMethod ? 1 : 0).forEach(p -> { // a tensor method's tensor is no keyword
      if (!p.variadic()) {
        keywords.add(p.name());
        keywords.addAll(p.aliases());
      }
    });
    String other = OTHER_LIBRARY_KEYWORDS.get(k.name());
    if (other != null && keywords.contains(other)) {
      throw new ClaimSyntaxException(k.pos(), "unknown keyword '" + k.name() + "' for " + label() + " (did you mean '"
          + other + "'? " + label() + " follows " + libraryName() + ", which spells "
          + (PYTORCH_KEYWORDS.contains(k.name()) ? "PyTorch" : "NumPy") + "'s " + k.name() + "= as " + other + "=)");
    }
    String hint = Suggestions.closest(k.name(), keywords).orElse(null);
    throw new ClaimSyntaxException(k.pos(), "unknown keyword '" + k.name() + "' for " + label()
        + (hint == null ? "; it takes " + String.join(", ", keywords) : " (did you mean '" + hint + "'?)"));
  }

  /** The library as a message names it. */
  private String libraryName() {
    return switch (library) {
      case NUMPY -> "NumPy";
      case SCIPY -> "SciPy";
      case TORCH -> "PyTorch";
      case GRADPROOF -> "gradproof";
    };
  }

  /** E.g. "2 arguments", "1 to 3 arguments", "1 to 2 positional arguments". */
  private String arity() {
    int tensor = tensorMethod ? 1 : 0; // a tensor method's arguments follow its tensor
    int required = (int) params.stream().filter(Param::required).count() - tensor;
    long positional = params.stream().filter(p -> !p.keywordOnly() && !p.variadic()).count() - tensor;
    boolean variadic = params.stream().anyMatch(Param::variadic);
    String noun = positional + tensor < params.size() && !variadic ? " positional argument" : " argument";
    if (variadic) {
      return "at least " + required + noun + (required == 1 ? "" : "s");
    }
    if (required == positional) {
      return positional + noun + (positional == 1 ? "" : "s");
    }
    return required + " to " + positional + noun + "s";
  }

  private String keywordOnlyHint() {
    List<String> kw = params.stream().filter(Param::keywordOnly).map(p -> p.name() + "=").toList();
    return kw.isEmpty() ? "" : "; give " + String.join(", ", kw) + " by keyword";
  }

  @Override
  public String toString() {
    return signature();
  }

  /** Starts a NumPy function ({@code numpy.name}). */
  static Builder numpy(String name) {
    return new Builder(name, Library.NUMPY, "numpy." + name);
  }

  /** Starts a {@code torch.nn.functional} function. */
  static Builder torch(String name) {
    return new Builder(name, Library.TORCH, "torch.nn.functional." + name);
  }

  /** Starts a SciPy function ({@code scipy.special.name}). */
  static Builder scipy(String name) {
    return new Builder(name, Library.SCIPY, "scipy.special." + name);
  }

  /**
   * Starts a PyTorch tensor method that is no function of the language ({@code torch.Tensor.name}),
   * called as {@code x.name(...)} with {@code x} its first parameter.
   */
  static Builder tensorMethod(String name) {
    Builder b = new Builder(name, Library.TORCH, "torch.Tensor." + name);
    b.methodStyle = MethodStyle.BOUND;
    b.tensorMethod = true;
    return b;
  }

  /** Starts one of gradproof's own functions. */
  static Builder own(String name) {
    return new Builder(name, Library.GRADPROOF, name);
  }

  /** Declares a function, parameter by parameter. */
  static final class Builder {
    private final String name;
    private final Library library;
    private String counterpart;
    private final List<Param> params = new ArrayList<>();
    private ResultRule result;
    private Evaluation evaluation;
    private Notation notation;
    private MethodStyle methodStyle = MethodStyle.NONE;
    private boolean tensorMethod;
    private boolean attribute;

    private Builder(String name, Library library, String counterpart) {
      this.name = name;
      this.library = library;
      this.counterpart = counterpart;
    }

    /** The mirrored function's full name when it is not the default one. */
    Builder counterpart(String fullName) {
      this.counterpart = fullName;
      return this;
    }

    /** A required positional parameter. */
    Builder param(String param, ParamType type) {
      return add(new Param(param, type, true, null, false, false, List.of(), List.of()));
    }

    /** An optional positional parameter with its default. */
    Builder param(String param, ParamType type, Object defaultValue) {
      return add(new Param(param, type, false, defaultValue, false, false, List.of(), List.of()));
    }

    /** A keyword-only parameter with its default. */
    Builder keyword(String param, ParamType type, Object defaultValue) {
      return add(new Param(param, type, false, defaultValue, true, false, List.of(), List.of()));
    }

    /** A parameter collecting the remaining positional arguments. */
    Builder variadic(String param, ParamType type) {
      return add(new Param(param, type, false, null, false, true, List.of(), List.of()));
    }

    /** Another keyword accepted for the last parameter. */
    Builder alias(String alias) {
      Param p = params.remove(params.size() - 1);
      List<String> aliases = new ArrayList<>(p.aliases());
      aliases.add(alias);
      return add(new Param(p.name(), p.type(), p.required(), p.defaultValue(), p.keywordOnly(), p.variadic(),
          aliases, p.choices()));
    }

    /** The strings the last (string) parameter accepts. */
    Builder choices(String... values) {
      Param p = params.remove(params.size() - 1);
      return add(new Param(p.name(), p.type(), p.required(), p.defaultValue(), p.keywordOnly(), p.variadic(),
          p.aliases(), List.of(values)));
    }

    private Builder add(Param p) {
      params.add(p);
      return this;
    }

    /** The static result of a call. */
    Builder result(ResultRule rule) {
      this.result = rule;
      return this;
    }

    /** The static shape of a call whose result is a tensor. */
    Builder shape(ShapeRule rule) {
      this.result = a -> StaticType.tensor(a.guard(rule));
      return this;
    }

    /** The evaluation of a call. */
    Builder evalValue(Evaluation eval) {
      this.evaluation = eval;
      return this;
    }

    /** The evaluation of a call whose result is a tensor. */
    Builder eval(TensorEvaluation eval) {
      this.evaluation = a -> new Value.TensorValue(eval.apply(a));
      return this;
    }

    /** Its notation. */
    Builder math(Notation n) {
      this.notation = n;
      return this;
    }

    /** Also an array method, {@code x.name(...)}. */
    Builder method() {
      this.methodStyle = MethodStyle.BOUND;
      return this;
    }

    /** Also an array method whose positional arguments pack into a tuple, as {@code x.reshape(3, 4)}. */
    Builder packedMethod() {
      this.methodStyle = MethodStyle.PACKED;
      return this;
    }

    /** A tensor attribute rather than a method: {@code x.mT}, without parentheses. */
    Builder attribute() {
      this.attribute = true;
      return this;
    }

    Function build() {
      if (result == null || evaluation == null || notation == null) {
        throw new IllegalStateException(name + ": a function needs a result rule, an evaluation and a notation");
      }
      return new Function(this);
    }
  }
}

package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of every function a claim or forward line can call, by family. Each family file
 * declares its functions completely ({@link Function}); the parser, the checker, the evaluator and
 * the renderer read them from here. Adding a function means adding its name and its case to one
 * family (and its tests and documentation).
 */
public final class Functions {

  /**
   * The families, in registry order. The registry knows every name from the start but builds a
   * function, and links its lambdas, only when it is first asked for: a cold build pays for the few
   * functions its quiz files call, not for all of them (docs/BENCHMARKS.md: initialising the whole
   * registry took 70–94 ms of a one-phase rebuild).
   */
  private enum Family {
    ELEMENTWISE, REDUCTION, ARRAY, LINALG, NETWORK, EXPERIMENT, TENSOR_METHOD;

    List<String> names() {
      return switch (this) {
        case ELEMENTWISE -> ElementwiseFunctions.NAMES;
        case REDUCTION -> ReductionFunctions.NAMES;
        case ARRAY -> ArrayFunctions.NAMES;
        case LINALG -> LinalgFunctions.NAMES;
        case NETWORK -> NetworkFunctions.NAMES;
        case EXPERIMENT -> ExperimentFunctions.NAMES;
        case TENSOR_METHOD -> TensorMethods.NAMES;
      };
    }

    Function build(String name) {
      return switch (this) {
        case ELEMENTWISE -> ElementwiseFunctions.build(name);
        case REDUCTION -> ReductionFunctions.build(name);
        case ARRAY -> ArrayFunctions.build(name);
        case LINALG -> LinalgFunctions.build(name);
        case NETWORK -> NetworkFunctions.build(name);
        case EXPERIMENT -> ExperimentFunctions.build(name);
        case TENSOR_METHOD -> TensorMethods.build(name);
      };
    }
  }

  /** The family of every function name, in registry order (families in order, each in declaration order). */
  private static final Map<String, Family> FAMILY_OF = new LinkedHashMap<>();
  /** PyTorch's tensor methods that are no function of the language, by method name, in declaration order. */
  private static final List<String> TENSOR_METHOD_NAMES = TensorMethods.NAMES;
  private static final Map<String, Function> FUNCTIONS = new ConcurrentHashMap<>();
  private static final Map<String, Function> TENSOR_METHODS = new ConcurrentHashMap<>();

  static {
    for (Family family : Family.values()) {
      if (family == Family.TENSOR_METHOD) {
        if (new HashSet<>(TENSOR_METHOD_NAMES).size() != TENSOR_METHOD_NAMES.size()) {
          throw new IllegalStateException("a tensor method is declared twice: " + TENSOR_METHOD_NAMES);
        }
        continue;
      }
      for (String name : family.names()) {
        if (FAMILY_OF.put(name, family) != null) {
          throw new IllegalStateException("function '" + name + "' is declared twice");
        }
      }
    }
  }

  private Functions() {}

  /**
   * The function by its name in claims, or {@code null}; a tensor method by its {@link Function#callName()}
   * ({@code Tensor.t}), which only a method call turned into a call carries.
   */
  public static Function named(String name) {
    Function f = function(name);
    if (f == null && name.startsWith(TENSOR_PREFIX)) {
      return tensorMethod(name.substring(TENSOR_PREFIX.length()));
    }
    return f;
  }

  private static final String TENSOR_PREFIX = "Tensor.";

  /**
   * The function behind the method {@code x.name(...)} (or the attribute {@code x.mT}), or {@code null}.
   * A tensor method of that name comes first: {@code x.norm()} is PyTorch's, not {@code norm(x)}.
   */
  public static Function method(String name) {
    Function t = tensorMethod(name);
    if (t != null) {
      return t;
    }
    Function f = function(name);
    return f != null && f.isMethod() ? f : null;
  }

  /** The function of the language named {@code name}, built on its first use, or {@code null}. */
  private static Function function(String name) {
    Function f = FUNCTIONS.get(name);
    if (f != null) {
      return f;
    }
    Family family = FAMILY_OF.get(name);
    return family == null ? null : once(FUNCTIONS, family.build(name));
  }

  /** The tensor method named {@code name}, built on its first use, or {@code null}. */
  private static Function tensorMethod(String name) {
    Function f = TENSOR_METHODS.get(name);
    if (f != null || !TENSOR_METHOD_NAMES.contains(name)) {
      return f;
    }
    return once(TENSOR_METHODS, Family.TENSOR_METHOD.build(name));
  }

  /** The first {@code built} function of its name that reached {@code cache}: one instance per name. */
  private static Function once(Map<String, Function> cache, Function built) {
    Function earlier = cache.putIfAbsent(built.name(), built);
    return earlier != null ? earlier : built;
  }

  /** PyTorch's tensor methods that are no function of the language, in declaration order. */
  public static List<Function> tensorMethods() {
    return TENSOR_METHOD_NAMES.stream().map(Functions::tensorMethod).toList();
  }

  /** Every function, in registry order (families in order, each in declaration order). */
  public static List<Function> all() {
    return FAMILY_OF.keySet().stream().map(Functions::function).toList();
  }

  /** Every function name, for "did you mean". */
  public static List<String> names() {
    return List.copyOf(FAMILY_OF.keySet());
  }

  /** Every method name (functions' methods, then tensor methods), for "did you mean". */
  public static List<String> methodNames() {
    List<String> names = new ArrayList<>(all().stream().filter(Function::isMethod)
        .filter(f -> !TENSOR_METHOD_NAMES.contains(f.name())).map(Function::name).toList());
    tensorMethods().stream().filter(f -> !f.isAttribute()).map(Function::name).forEach(names::add);
    return List.copyOf(names);
  }
}

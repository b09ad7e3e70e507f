package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of every function a claim or forward line can call, by family. Each family file
 * declares its functions completely ({@link Function}); the parser, the checker, the evaluator and
 * the renderer read them from here. Adding a function means adding its entry to one family (and
 * its tests and documentation).
 */
public final class Functions {

  private static final Map<String, Function> BY_NAME = new LinkedHashMap<>();
  /** PyTorch's tensor methods that are no function of the language, by method name. */
  private static final Map<String, Function> TENSOR_METHODS = new LinkedHashMap<>();

  static {
    List<List<Function>> families = List.of(
        ElementwiseFunctions.all(),
        ReductionFunctions.all(),
        ArrayFunctions.all(),
        LinalgFunctions.all(),
        NetworkFunctions.all(),
        ExperimentFunctions.all());
    for (List<Function> family : families) {
      for (Function f : family) {
        if (BY_NAME.put(f.name(), f) != null) {
          throw new IllegalStateException("function '" + f.name() + "' is declared twice");
        }
      }
    }
    for (Function f : TensorMethods.all()) {
      if (TENSOR_METHODS.put(f.name(), f) != null) {
        throw new IllegalStateException("tensor method '" + f.name() + "' is declared twice");
      }
    }
  }

  private Functions() {}

  /**
   * The function by its name in claims, or {@code null}; a tensor method by its {@link Function#callName()}
   * ({@code Tensor.t}), which only a method call turned into a call carries.
   */
  public static Function named(String name) {
    Function f = BY_NAME.get(name);
    if (f == null && name.startsWith(TENSOR_PREFIX)) {
      return TENSOR_METHODS.get(name.substring(TENSOR_PREFIX.length()));
    }
    return f;
  }

  private static final String TENSOR_PREFIX = "Tensor.";

  /**
   * The function behind the method {@code x.name(...)} (or the attribute {@code x.mT}), or {@code null}.
   * A tensor method of that name comes first: {@code x.norm()} is PyTorch's, not {@code norm(x)}.
   */
  public static Function method(String name) {
    Function t = TENSOR_METHODS.get(name);
    if (t != null) {
      return t;
    }
    Function f = BY_NAME.get(name);
    return f != null && f.isMethod() ? f : null;
  }

  /** PyTorch's tensor methods that are no function of the language, in declaration order. */
  public static List<Function> tensorMethods() {
    return List.copyOf(TENSOR_METHODS.values());
  }

  /** Every function, in registry order (families in order, each in declaration order). */
  public static List<Function> all() {
    return Collections.unmodifiableList(new ArrayList<>(BY_NAME.values()));
  }

  /** Every function name, for "did you mean". */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /** Every method name (functions' methods, then tensor methods), for "did you mean". */
  public static List<String> methodNames() {
    List<String> names = new ArrayList<>(BY_NAME.values().stream().filter(Function::isMethod)
        .filter(f -> !TENSOR_METHODS.containsKey(f.name())).map(Function::name).toList());
    TENSOR_METHODS.values().stream().filter(f -> !f.isAttribute()).map(Function::name).forEach(names::add);
    return List.copyOf(names);
  }
}

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
  }

  private Functions() {}

  /** The function by its name in claims, or {@code null}. */
  public static Function named(String name) {
    return BY_NAME.get(name);
  }

  /** The function behind the array method {@code x.name(...)}, or {@code null}. */
  public static Function method(String name) {
    Function f = BY_NAME.get(name);
    return f != null && f.isMethod() ? f : null;
  }

  /** Every function, in registry order (families in order, each in declaration order). */
  public static List<Function> all() {
    return Collections.unmodifiableList(new ArrayList<>(BY_NAME.values()));
  }

  /** Every function name, for "did you mean". */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /** Every method name, for "did you mean". */
  public static List<String> methodNames() {
    return BY_NAME.values().stream().filter(Function::isMethod).map(Function::name).toList();
  }
}

package io.github.gradproof.render;

import io.github.gradproof.claim.CheckedLine;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Shape;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.quiz.Setup;
import io.github.gradproof.verify.ClaimResult;
import io.github.gradproof.verify.QuestionResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a shape in the symbols of the question's setup, so that a reason speaks the prompt's
 * language: {@code (M, K)} rather than only {@code (3, 4)}. A shape gets symbols from the first
 * rule that knows them:
 *
 * <ol>
 *   <li>an input, or the gradient of an input ({@code A}, {@code dA}): the shape its setup
 *       declares ({@code A: [M, K]}), which holds in every trial;
 *   <li>a sub-expression of a claim whose static shape the checker derived
 *       ({@code CheckedLine#shape}): that shape ({@code (N, C, (H - 2)//2 + 1, ...)}), when it
 *       evaluates to the trial's shape and no axis is a slice's length; otherwise it has no
 *       symbols;
 *   <li>any other value: each axis read back from the trial's dims assignment, only when every
 *       axis equals exactly one dim ({@code (4, 3)} with {@code M = 3, K = 4} reads
 *       {@code (K, M)}); with two dims of the same size, or an axis no dim has, there are no
 *       symbols, never a guess.
 * </ol>
 *
 * Autograd's gradient {@code dX} of a forward name takes the static shape of {@code dX} or {@code X}
 * where a claim reads one. Reading back is used only when no static facts are given at all, since
 * an axis computed from the dims (a halved {@code H}) can happen to equal another dim.
 */
final class ShapeSymbols {

  private final Map<String, InputSpec> inputs;
  private final List<CheckedLine> facts;

  private ShapeSymbols(Map<String, InputSpec> inputs, List<CheckedLine> facts) {
    this.inputs = inputs;
    this.facts = facts;
  }

  /** The symbols of a setup; {@code null} (a question without a setup) knows only dims. */
  static ShapeSymbols of(Setup setup) {
    return of(setup, List.of());
  }

  /** The symbols of a question's setup and the static facts of its claims. */
  static ShapeSymbols of(Setup setup, QuestionResult result) {
    List<CheckedLine> facts = new ArrayList<>();
    result.choices().forEach(c -> c.claims().forEach(r -> addFacts(facts, r)));
    result.answerClaims().forEach(r -> addFacts(facts, r));
    return of(setup, facts);
  }

  private static void addFacts(List<CheckedLine> facts, ClaimResult r) {
    if (r.facts() != null) {
      facts.add(r.facts());
    }
  }

  private static ShapeSymbols of(Setup setup, List<CheckedLine> facts) {
    Map<String, InputSpec> inputs = new HashMap<>();
    if (setup != null) {
      setup.inputs().forEach(in -> inputs.put(in.name(), in));
    }
    return new ShapeSymbols(inputs, facts);
  }

  /**
   * The symbols of a shape, {@code (M, K)}, or empty when none are known or they add nothing.
   *
   * @param expression the sub-expression the shape belongs to, or {@code null} (autograd's gradient)
   * @param gradient the gradient's name when the shape is autograd's gradient ({@code dA}), else {@code null}
   * @param shape the shape in this trial
   * @param dims the trial's dims assignment
   */
  Optional<String> of(Expr expression, String gradient, int[] shape, Map<String, Integer> dims) {
    Optional<List<String>> declared = declared(expression, gradient, shape.length);
    List<String> axes = declared.orElseGet(() -> {
      if (facts.isEmpty()) {
        return readBack(shape, dims); // no static facts were given
      }
      if (expression != null) {
        CheckedLine known = facts.stream().filter(f -> f.type(expression) != null).findFirst().orElse(null);
        return known == null ? null : derived(known, expression, shape, dims);
      }
      return gradient == null ? null : named(gradient, shape, dims);
    });
    if (axes == null || axes.isEmpty() || axes.stream().allMatch(ShapeSymbols::isLiteral)) {
      return Optional.empty();
    }
    return Optional.of(tuple(axes));
  }

  /** The declared shape of an input or of an input's gradient, when its rank is the shape's. */
  private Optional<List<String>> declared(Expr expression, String gradient, int rank) {
    String name = expression instanceof Expr.Name n ? n.name() : expression == null ? gradient : null;
    if (name == null) {
      return Optional.empty();
    }
    InputSpec in = inputs.get(name);
    if (in == null && name.startsWith("d")) {
      in = inputs.get(name.substring(1));
    }
    return in == null || in.shape().size() != rank ? Optional.empty() : Optional.of(in.shape());
  }

  /**
   * The static shape of a gradient {@code dX} (autograd's, which no claim expression stands for), from
   * a claim that reads {@code dX} or {@code X} (of the same shape); {@code null} when none does.
   */
  private List<String> named(String gradient, int[] shape, Map<String, Integer> dims) {
    for (CheckedLine f : facts) {
      for (Expr e : f.expressions()) {
        if (e instanceof Expr.Name n && (n.name().equals(gradient) || n.name().equals(gradient.substring(1)))) {
          return derived(f, e, shape, dims);
        }
      }
    }
    return null;
  }

  /** The checker's static shape of a sub-expression, or {@code null} when it is not known or not this one. */
  private static List<String> derived(CheckedLine known, Expr expression, int[] shape, Map<String, Integer> dims) {
    Shape s = known.shape(expression);
    if (s == null || !s.isFullyKnown() || s.rank() != shape.length) {
      return null;
    }
    int[] evaluated = s.evaluate(dims);
    if (evaluated == null || !Arrays.equals(evaluated, shape)) {
      return null;
    }
    List<String> axes = new ArrayList<>(shape.length);
    for (int i = 0; i < shape.length; i++) {
      String axis = s.dim(i).toString();
      if (axis.contains("len(")) {
        return null; // a slice's or a range's length has no short symbol a reader would recognise
      }
      axes.add(axis);
    }
    return axes;
  }

  /** Each axis as the one dim of that size, or {@code null} when an axis has no such dim. */
  private static List<String> readBack(int[] shape, Map<String, Integer> dims) {
    List<String> axes = new ArrayList<>(shape.length);
    for (int size : shape) {
      List<String> names = dims.entrySet().stream().filter(e -> e.getValue() == size).map(Map.Entry::getKey).toList();
      if (names.size() != 1) {
        return null;
      }
      axes.add(names.get(0));
    }
    return axes;
  }

  private static boolean isLiteral(String axis) {
    return axis.chars().allMatch(Character::isDigit);
  }

  /** {@code (M, K)}, {@code (D,)}. */
  private static String tuple(List<String> axes) {
    return axes.size() == 1 ? "(" + axes.get(0) + ",)" : "(" + String.join(", ", axes) + ")";
  }
}

package io.github.gradproof.verify;

import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.Line;
import io.github.gradproof.quiz.Distribution;
import io.github.gradproof.quiz.InputSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A forward line that produced NaN or an infinity: the setup asks for a value that does not exist
 * on the drawn inputs (the square root or logarithm of a negative number, 0/0, log 0, an overflow).
 * That is an authoring error of the setup, never a verdict on a claim or on the engine: it names the
 * line, the element and the inputs the line reads, and suggests {@code dist: positive}.
 */
final class NonFiniteForward {

  private NonFiniteForward() {}

  /** The flat index of the first NaN or infinity of {@code t}, or -1. */
  static int firstNonFinite(Tensor t) {
    double[] v = t.toArray();
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        return i;
      }
    }
    return -1;
  }

  /** The inputs a forward line reads, directly or through earlier forward names. */
  static Set<String> inputsRead(Line.Definition line, Map<String, Set<String>> inputsOf) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : Claims.names(line)) {
      if (!name.equals(line.name()) && inputsOf.containsKey(name)) {
        out.addAll(inputsOf.get(name));
      }
    }
    return out;
  }

  /**
   * The author's paragraph for {@code value} (non-finite at {@code flat}) of a line reading {@code inputs};
   * a line that writes {@code inf} itself is told how to use it instead.
   */
  static String message(Tensor value, int flat, Set<String> inputs, List<InputSpec> specs, String when,
      boolean writesInfinity) {
    double bad = value.toArray()[flat];
    String what = Double.isNaN(bad) ? "NaN" : bad > 0 ? "inf" : "-inf";
    String where = value.rank() == 0 ? "" : " at index " + java.util.Arrays.toString(ClaimJudge.index(value.shape(), flat));
    if (writesInfinity) {
      return "this forward line gives " + what + where + " when " + when + ": " + writtenInfinity(Double.isNaN(bad));
    }
    StringBuilder s = new StringBuilder("this forward line gives " + what + where + " when " + when
        + ": it is undefined on the drawn inputs (" + (Double.isNaN(bad)
            ? "the square root or logarithm of a negative number, 0/0, inf - inf"
            : "the logarithm of 0, a division by 0, an overflow of exp") + "), so nothing can be checked");
    List<InputSpec> read = specs.stream().filter(in -> inputs.contains(in.name())
        && in.distribution() != Distribution.POSITIVE && !in.distribution().isConstant()).toList();
    List<String> drawn = read.stream().filter(in -> !in.distribution().hasRange())
        .map(in -> "'" + in.name() + "' (dist: " + in.distribution().yamlName() + ")").toList();
    List<String> ranged = read.stream().filter(in -> in.distribution().hasRange())
        .map(in -> "'" + in.name() + "' (dist: " + in.distribution().yamlName() + ")").toList();
    if (!drawn.isEmpty()) {
      s.append("; it reads ").append(String.join(", ", drawn)).append(", which takes values of either sign"
          + " (or zero): declare it 'dist: positive' if the line needs positive values, or change the line");
    } else if (!ranged.isEmpty()) {
      s.append("; it reads ").append(String.join(", ", ranged)).append(": choose a range on which the line is"
          + " defined, or change the line");
    } else {
      s.append("; change the line so that it is defined on its inputs");
    }
    return s.toString();
  }

  /**
   * Why a line that writes {@code inf} gave a non-finite value. A forward value must be finite (the
   * gradient check perturbs its elements), so an infinity is used on the line that consumes it; the
   * NaN of a softmax over a row that is {@code -inf} everywhere is PyTorch's too.
   */
  private static String writtenInfinity(boolean nan) {
    if (nan) {
      return "the line writes inf, and inf - inf, 0 * inf, or a softmax or log_softmax of a row that is -inf"
          + " everywhere (a fully masked row; PyTorch gives NaN there too) is undefined, so nothing can be checked;"
          + " leave at least one position of every row unmasked (a causal mask triu(ones((T, T)), k=1) == 1 keeps"
          + " the diagonal)";
    }
    return "a forward value must be finite, since the gradient check perturbs each of its elements; the line"
        + " writes inf, so use the infinity on the line that consumes it, as softmax(s.masked_fill(mask, -inf),"
        + " dim=-1) does (a filled position gets probability 0), or fill with a large finite value such as -1e9";
  }
}

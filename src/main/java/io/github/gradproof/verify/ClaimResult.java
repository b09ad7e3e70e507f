package io.github.gradproof.verify;

import io.github.gradproof.claim.CheckedLine;
import io.github.gradproof.claim.Line;
import io.github.gradproof.diag.SourceSpan;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The computed facts about one claim, for the verification table.
 *
 * @param claim the claim as written, with its location
 * @param line the claim parsed: its syntax tree, from which pages draw the claim as math
 * @param shape the shape of the claimed value in the first trial ({@code {3, 4}}), or {@code null}
 *     when it could not be computed or is not a tensor
 * @param error the largest absolute error of the claimed value against autograd over all trials;
 *     {@code NaN} when not a gradient claim or not comparable (shape mismatch)
 * @param engineError the largest error of the engine's gradient against central differences over
 *     all trials, relative to the gradient's scale ({@link
 *     io.github.gradproof.autograd.GradCheckResult#relativeError()}); {@code NaN} when not a gradient claim
 * @param trials how many trials were run
 * @param verdict holds, false, or not checkable (a question with {@code verify: false})
 * @param reason why it is false; {@code null} otherwise
 * @param facts the claim's static facts (each expression's type and symbolic shape), from which pages
 *     draw it as a textbook would (which operands are scalars, how many axes a reduction's operand
 *     has); {@code null} for a claim that was only parsed. Derived from {@code line}, so not part of
 *     equality.
 * @param shapes every distinct shape of the claimed value over the trials, in trial order (empty when
 *     none could be computed or the value is not a tensor); {@code shape} is the first
 * @param engineSkipped whether the engine's gradient check compared no point at all, in any trial,
 *     because every central difference straddled a kink (relu, abs, max): then {@code engineError}
 *     is {@code NaN} although the claim is a gradient claim
 */
public record ClaimResult(
    SourceSpan claim,
    Line line,
    int[] shape,
    double error,
    double engineError,
    int trials,
    Verdict verdict,
    Reason reason,
    CheckedLine facts,
    List<int[]> shapes,
    boolean engineSkipped) {

  public ClaimResult {
    shape = shape == null ? null : Arrays.copyOf(shape, shape.length);
    shapes = shapes.stream().map(int[]::clone).toList();
  }

  /** A result whose claimed value had one shape in every trial and whose engine check compared points. */
  public ClaimResult(SourceSpan claim, Line line, int[] shape, double error, double engineError, int trials,
      Verdict verdict, Reason reason, CheckedLine facts) {
    this(claim, line, shape, error, engineError, trials, verdict, reason, facts,
        shape == null ? List.of() : List.<int[]>of(shape), false);
  }

  /** A result without static facts: its claim is drawn from its syntax alone. */
  public ClaimResult(SourceSpan claim, Line line, int[] shape, double error, double engineError, int trials,
      Verdict verdict, Reason reason) {
    this(claim, line, shape, error, engineError, trials, verdict, reason, null);
  }

  @Override
  public int[] shape() {
    return shape == null ? null : Arrays.copyOf(shape, shape.length);
  }

  @Override
  public List<int[]> shapes() {
    return shapes.stream().map(int[]::clone).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClaimResult c && claim.equals(c.claim) && line.equals(c.line) && Arrays.equals(shape, c.shape)
        && Double.compare(error, c.error) == 0 && Double.compare(engineError, c.engineError) == 0
        && trials == c.trials && verdict == c.verdict && Objects.equals(reason, c.reason)
        && shapes.size() == c.shapes.size()
        && java.util.stream.IntStream.range(0, shapes.size()).allMatch(i -> Arrays.equals(shapes.get(i), c.shapes.get(i)))
        && engineSkipped == c.engineSkipped;
  }

  @Override
  public int hashCode() {
    return Objects.hash(claim, line, Arrays.hashCode(shape), error, engineError, trials, verdict, reason,
        shapes.stream().mapToInt(Arrays::hashCode).sum(), engineSkipped);
  }

  @Override
  public String toString() {
    return "ClaimResult[claim=" + claim + ", line=" + line + ", shape=" + Arrays.toString(shape) + ", error=" + error
        + ", engineError=" + engineError + ", trials=" + trials + ", verdict=" + verdict + ", reason=" + reason + ", shapes="
        + shapes.stream().map(Arrays::toString).toList() + ", engineSkipped=" + engineSkipped + "]";
  }
}

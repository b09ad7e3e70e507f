package io.github.gradproof.verify;

import io.github.gradproof.diag.SourceSpan;

/**
 * The computed facts about one claim, as the verification table shows them.
 *
 * @param claim the claim as written
 * @param mathMl the claim rendered as a MathML {@code <math>} element from its syntax tree
 * @param shape the shape of the claimed value in the first trial, NumPy style ({@code (3, 4)}),
 *     or {@code null} when it could not be computed or is not a tensor
 * @param error the largest absolute error of the claimed value against autograd over all trials;
 *     {@code NaN} when not a gradient claim or not comparable (shape mismatch)
 * @param engineError the largest absolute error of the engine's gradient against central
 *     differences over all trials; {@code NaN} when not a gradient claim
 * @param trials how many trials were run
 * @param verdict holds or false
 * @param reason why it is false; {@code null} when it holds
 */
public record ClaimResult(
    SourceSpan claim,
    String mathMl,
    String shape,
    double error,
    double engineError,
    int trials,
    Verdict verdict,
    Reason reason) {}

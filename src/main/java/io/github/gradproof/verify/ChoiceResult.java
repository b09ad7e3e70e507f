package io.github.gradproof.verify;

import java.util.List;

/**
 * The verification of one choice.
 *
 * @param number the 1-based choice number
 * @param claims one result per claim of the choice (empty when not machine-checkable)
 * @param verdict holds when every claim holds, false when any is false, not checkable when none
 * @param keyed whether the answer key marks this choice correct
 */
public record ChoiceResult(int number, List<ClaimResult> claims, Verdict verdict, boolean keyed) {
  public ChoiceResult {
    claims = List.copyOf(claims);
  }

  /**
   * Whether the verdict agrees with the key: a holding choice is keyed, a false one is not. A
   * choice that is not checkable agrees by definition.
   */
  public boolean agreesWithKey() {
    return switch (verdict) {
      case HOLDS -> keyed;
      case FALSE -> !keyed;
      case NOT_CHECKABLE -> true;
    };
  }
}

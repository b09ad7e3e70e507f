package io.github.gradproof.verify;

import io.github.gradproof.claim.Line;
import io.github.gradproof.diag.SourceSpan;
import java.util.Set;

/**
 * A claim parsed and checked once per question, ready to evaluate in every trial.
 *
 * @param text the claim as written
 * @param line its syntax tree
 * @param mathMl the claim as MathML
 * @param differentiated the names whose gradient it uses
 */
record CompiledClaim(SourceSpan text, Line line, String mathMl, Set<String> differentiated) {}

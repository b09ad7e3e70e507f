package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;

/**
 * One line of the claim language as written in a quiz file: a claim, or a forward line of a
 * setup.
 *
 * @param source the line itself, without quotes or indentation
 * @param location where its first character stands in the file (so an error at offset {@code i}
 *     inside {@code source} is at {@code location.shiftColumns(i)})
 * @param sourceLine the whole physical line of the file, for the caret display
 */
public record ClaimText(String source, SourceLocation location, String sourceLine) {}

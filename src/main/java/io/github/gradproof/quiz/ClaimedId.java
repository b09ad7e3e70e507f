package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;

/**
 * A question id a quiz file claimed, and where: ids are unique across a site, so a load records
 * every file's ids, and a file remembered from an earlier load ({@link LoadMemo}) claims its ids
 * again without being parsed.
 *
 * @param id the question's id
 * @param at where the file declares it
 */
public record ClaimedId(String id, SourceLocation at) {}

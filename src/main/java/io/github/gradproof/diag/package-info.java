/** Located problems in user input: {@link io.github.gradproof.diag.Diagnostic} and friends. */
package io.github.gradproof.diag;

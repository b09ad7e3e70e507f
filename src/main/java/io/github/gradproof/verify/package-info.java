/**
 * Verification: runs every claim of a question against the autograd engine and checks the key.
 * Results are facts (verdicts, errors, shapes, reasons as records); the render stage words them.
 */
package io.github.gradproof.verify;

/** Verification: runs every claim of a question against the autograd engine and checks the key. */
package io.github.gradproof.verify;

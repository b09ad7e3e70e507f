/** A small float64 tensor library with NumPy broadcasting, reverse-mode gradients and a finite-difference gradient check. */
package io.github.gradproof.autograd;

/**
 * Rendering, and all presentation: Markdown fields, Pebble pages, MathML of claims, the wording of
 * reasons, the verification-table model, number formatting, escaping, the convergence plot, JSON
 * and Markdown mirrors.
 */
package io.github.gradproof.render;

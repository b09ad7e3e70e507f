/** Rendering: Markdown fields, Pebble pages, the convergence plot, JSON and Markdown mirrors. */
package io.github.gradproof.render;

/** Benchmark tools: synthetic quiz corpora, an equivalent Hugo site, and the in-process harness. */
package io.github.gradproof.bench;

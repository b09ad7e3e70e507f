/** The claim language: lexer, parser, syntax tree, static checks and evaluation on autograd values. */
package io.github.gradproof.claim;

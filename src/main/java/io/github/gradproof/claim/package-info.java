/** The claim language: lexer, parser, syntax tree, static checks, evaluation on autograd values and MathML. */
package io.github.gradproof.claim;

/** The quiz model (phases, questions, choices, setups) and its YAML loader. */
package io.github.gradproof.quiz;

package io.github.gradproof.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  private static final List<String> KEYS =
      List.of("id", "kind", "title", "prompt", "setup", "choices", "answer", "explanation");

  @Test
  void suggestsASingleEditTypo() {
    assertEquals(Optional.of("title"), Suggestions.closest("titel", KEYS));
    assertEquals(Optional.of("choices"), Suggestions.closest("choice", KEYS));
    assertEquals(Optional.of("explanation"), Suggestions.closest("explantion", KEYS));
  }

  @Test
  void suggestsACaseOnlyDifference() {
    assertEquals(Optional.of("B"), Suggestions.closest("b", List.of("A", "B")));
    assertEquals(Optional.of("Kind"), Suggestions.closest("kind", List.of("Kind")));
  }

  @Test
  void shortNamesAllowOneEdit() {
    assertEquals(Optional.of("B"), Suggestions.closest("Bt", List.of("A", "B", "C")));
    assertEquals(Optional.of("id"), Suggestions.closest("ix", KEYS));
  }

  @Test
  void oneLetterNamesOnlyMatchByCase() {
    assertEquals(Optional.empty(), Suggestions.closest("M", List.of("N", "K")));
    assertEquals(Optional.of("K"), Suggestions.closest("k", List.of("N", "K")));
  }

  @Test
  void nothingWhenTooFar() {
    assertEquals(Optional.empty(), Suggestions.closest("banana", KEYS));
    assertEquals(Optional.empty(), Suggestions.closest("xyz", List.of("abc")));
    assertEquals(Optional.empty(), Suggestions.closest("x", List.of()));
  }

  @Test
  void neverSuggestsTheWordItself() {
    assertEquals(Optional.empty(), Suggestions.closest("kind", List.of("kind")));
  }

  @Test
  void tiesGoToTheFirstCandidate() {
    assertEquals(Optional.of("ab"), Suggestions.closest("aa", List.of("ab", "ba")));
  }

  @Test
  void distanceCountsATranspositionAsOneEdit() {
    assertEquals(1, Suggestions.distance("sum", "smu"));
    assertEquals(3, Suggestions.distance("kitten", "sitting"));
    assertEquals(0, Suggestions.distance("", ""));
    assertEquals(4, Suggestions.distance("", "abcd"));
  }
}

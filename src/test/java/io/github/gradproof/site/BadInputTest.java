package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.QuizFiles;
import io.github.gradproof.verify.PhaseVerifier;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: each {@code bad/NAME.yaml} must fail to load, or to verify, with exactly
 * the diagnostics written in {@code bad/NAME.expected} — loading and verification are the two
 * stages that read quiz files, so the corpus runs both.
 *
 * <p>Each case is loaded as {@code phase-01-bad.yaml} (so the file-name check passes) and shown
 * as {@code bad/NAME.yaml}.
 */
class BadInputTest {

  @TempDir Path tmp;

  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(corpus())) {
      List<String> names = files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - ".yaml".length()))
          .sorted()
          .toList();
      assertFalse(names.isEmpty(), "the corpus is missing");
      return names.stream();
    }
  }

  private static Path corpus() throws URISyntaxException {
    return Path.of(BadInputTest.class.getResource("/bad").toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsWithTheExpectedDiagnostics(String name) throws Exception {
    Path file = tmp.resolve("phase-01-bad.yaml");
    Files.copy(corpus().resolve(name + ".yaml"), file);
    String expected =
        Files.readString(corpus().resolve(name + ".expected"), StandardCharsets.UTF_8).stripTrailing();

    DiagnosticException e = assertThrows(DiagnosticException.class, () -> {
      Phase phase = QuizFiles.load(file, "bad/" + name + ".yaml", List.of("en", "es"));
      new PhaseVerifier().check(List.of(phase));
    });

    assertEquals(expected, e.getMessage());
  }
}

package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.QuizFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The claim language's question corpus ({@code src/test/resources/language/}): quiz files of
 * course-style questions, one or more per function and syntax form, each keyed so that its correct
 * gradient claims must hold and its wrong ones must be refused. A file verifies only when every
 * key is proven and the engine agrees with finite differences.
 */
class LanguageCorpusTest {

  static Path directory() throws URISyntaxException {
    return Path.of(LanguageCorpusTest.class.getResource("/language").toURI());
  }

  static Stream<Path> files() throws IOException, URISyntaxException {
    try (Stream<Path> s = Files.list(directory())) {
      return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  static Phase load(Path file) {
    return QuizFiles.load(file, "language/" + file.getFileName(), List.of("en"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyKeyIsProven(Path file) {
    PhaseResult result = new PhaseVerifier().verify(load(file));
    assertEquals(List.of(), result.problems().stream().map(d -> d.format()).toList());
    for (QuestionResult q : result.questions()) {
      assertTrue(q.choices().stream().anyMatch(c -> c.verdict() == Verdict.HOLDS), q.question().id() + " proves nothing");
      assertTrue(q.choices().stream().anyMatch(c -> c.verdict() == Verdict.FALSE), q.question().id() + " refuses nothing");
    }
  }
}

package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.QuizFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof corpus ({@code src/test/resources/proofs/<group>/*.yaml}): quiz files, each stating
 * the verdict its questions must get. Every line of the form
 * <pre>
 * # expect: proven
 * # expect: LINE:COLUMN text that the diagnostic at LINE:COLUMN contains
 * </pre>
 * is one expectation. {@code proven} means the file verifies with no problem at all. Otherwise
 * every expected diagnostic must be reported (authoring error or drift alike), at exactly that
 * line and column of the file, containing that text; and nothing else may be reported. A file
 * without expectations is an error of the corpus.
 */
class ProofCorpusTest {

  private static final String EXPECT = "# expect: ";

  static Stream<Path> files() throws IOException, URISyntaxException {
    Path root = Path.of(ProofCorpusTest.class.getResource("/proofs").toURI());
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void verdictIsTheExpectedOne(Path file) throws IOException {
    List<String> expected = expectations(file);
    assertFalse(expected.isEmpty(), file + " states no '# expect:' line");
    String name = file.getParent().getFileName() + "/" + file.getFileName();
    List<Diagnostic> reported = report(file, name);
    if (expected.equals(List.of("proven"))) {
      assertEquals(List.of(), reported.stream().map(Diagnostic::format).toList(), name + " must verify");
      return;
    }
    List<Diagnostic> unmatched = new ArrayList<>(reported);
    for (String e : expected) {
      Diagnostic hit = unmatched.stream().filter(d -> matches(e, d)).findFirst().orElse(null);
      if (hit == null) {
        fail(name + ": expected a diagnostic at " + e + "\nbut got:\n"
            + String.join("\n", reported.stream().map(Diagnostic::format).toList()));
      }
      unmatched.remove(hit);
    }
    assertEquals(List.of(), unmatched.stream().map(Diagnostic::format).toList(), name + ": unexpected diagnostics");
  }

  private static List<Diagnostic> report(Path file, String name) {
    Phase phase;
    try {
      phase = QuizFiles.load(file, name, List.of("en"));
    } catch (DiagnosticException e) {
      return e.diagnostics();
    }
    try {
      return new PhaseVerifier().verify(phase).problems();
    } catch (DiagnosticException e) {
      return e.diagnostics();
    }
  }

  private static boolean matches(String expectation, Diagnostic d) {
    int space = expectation.indexOf(' ');
    String where = space < 0 ? expectation : expectation.substring(0, space);
    String text = space < 0 ? "" : expectation.substring(space + 1);
    return where.equals(d.location().line() + ":" + d.location().column()) && d.message().contains(text);
  }

  private static List<String> expectations(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith(EXPECT)) {
        out.add(line.substring(EXPECT.length()).trim());
      }
    }
    return out;
  }
}

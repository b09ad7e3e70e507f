package io.github.gradproof.quiz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and mutated input never escapes as anything but a result or located diagnostics: no
 * other exception, no stack trace, every diagnostic inside the file.
 */
class QuizLoaderFuzzTest {

  private static final byte[] SEED = read(Path.of("data/quizzes/phase-08-tensor-autograd.yaml"));
  private static final String SYMBOLS = " \n\t:-[]{},&*!|>'\"#%@`?~\\0123456789abcdeklnopqsxyzBCD";

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One edit: delete, insert or overwrite a few bytes somewhere. */
  private record Edit(int kind, double where, int length, String with) {
    byte[] apply(byte[] in) {
      int at = (int) (where * in.length);
      int end = Math.min(in.length, at + length);
      byte[] insert = with.getBytes(StandardCharsets.UTF_8);
      byte[] head = java.util.Arrays.copyOfRange(in, 0, at);
      byte[] tail = java.util.Arrays.copyOfRange(in, kind == 1 ? at : end, in.length);
      byte[] mid = kind == 0 ? new byte[0] : insert;
      byte[] out = new byte[head.length + mid.length + tail.length];
      System.arraycopy(head, 0, out, 0, head.length);
      System.arraycopy(mid, 0, out, head.length, mid.length);
      System.arraycopy(tail, 0, out, head.length + mid.length, tail.length);
      return out;
    }
  }

  @Provide
  Arbitrary<List<Edit>> edits() {
    Arbitrary<Edit> edit = Combinators.combine(
            Arbitraries.integers().between(0, 2),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.integers().between(1, 12),
            Arbitraries.strings().withChars(SYMBOLS).ofMinLength(1).ofMaxLength(6))
        .as(Edit::new);
    return edit.list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 200)
  void mutatedPhase8FileLoadsOrFailsWithLocatedDiagnostics(@ForAll("edits") List<Edit> edits)
      throws IOException {
    byte[] bytes = SEED;
    for (Edit e : edits) {
      bytes = e.apply(bytes);
    }
    check(bytes);
  }

  @Property(tries = 200)
  void randomTextFailsWithLocatedDiagnostics(
      @ForAll("yamlish") String text) throws IOException {
    check(text.getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> yamlish() {
    return Arbitraries.strings().withChars(SYMBOLS).ofMaxLength(200);
  }

  @Property(tries = 100)
  void randomBytesFailWithLocatedDiagnostics(@ForAll byte[] bytes) throws IOException {
    check(bytes);
  }

  private static void check(byte[] bytes) throws IOException {
    Path dir = Files.createTempDirectory("fuzz");
    Path file = dir.resolve("phase-08-tensor-autograd.yaml");
    try {
      Files.write(file, bytes);
      try {
        assertNotNull(QuizFiles.load(file, "f.yaml", QuizFiles.LANGUAGES));
      } catch (DiagnosticException e) {
        assertFalse(e.diagnostics().isEmpty());
        long lines = bytes.length == 0 ? 1 : new String(bytes, StandardCharsets.UTF_8).lines().count() + 1;
        for (Diagnostic d : e.diagnostics()) {
          assertFalse(d.message().isBlank());
          if (d.location().line() < 1 || d.location().line() > lines || d.location().column() < 1) {
            throw new AssertionError("diagnostic outside the file: " + d.format());
          }
        }
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }
}

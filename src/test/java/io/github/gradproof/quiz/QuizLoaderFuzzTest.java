package io.github.gradproof.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.CourseFixture;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.SourceSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and mutated input never escapes as anything but a sound model or located diagnostics:
 * no other exception, no stack trace, every diagnostic inside the file; and whatever loads is a
 * model the rest of the build can trust (every text in every language, unique ids, every claim
 * and forward line exactly where its location says).
 */
class QuizLoaderFuzzTest {

  private static final byte[] SEED = read(CourseFixture.PHASE_8);
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

  @Example
  void theUnmutatedSeedLoadsAsASoundModel() throws IOException {
    assertSound(load(SEED), SEED);
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

  /** What a loaded phase promises the later stages. */
  private static void assertSound(Phase phase, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertEquals("f.yaml", phase.sourcePath());
    assertFalse(phase.questions().isEmpty(), "a phase has questions");
    assertEquals(phase.questions().size(), phase.questions().stream().map(Question::id).distinct().count(),
        "question ids are unique");
    assertTranslated(phase.title());
    assertTranslated(phase.summary());
    for (Question q : phase.questions()) {
      assertTrue(q.id().matches("[a-z0-9-]+"), q.id());
      assertTranslated(q.title());
      assertTranslated(q.prompt());
      List<SourceSpan> spans = new ArrayList<>(q.answer().claims());
      q.choices().forEach(c -> spans.addAll(c.claims()));
      if (q.setup() != null) {
        spans.addAll(q.setup().forward());
      }
      spans.forEach(span -> assertWhereItSays(span, text));
    }
  }

  private static void assertTranslated(Localized text) {
    assertEquals(Set.copyOf(QuizFiles.LANGUAGES), text.texts().keySet(), text.toString());
  }

  /** The span's text stands in its line at its column, and that line is a line of the file. */
  private static void assertWhereItSays(SourceSpan span, String file) {
    String line = span.sourceLine();
    int index = line.offsetByCodePoints(0, span.location().column() - 1);
    assertTrue(line.startsWith(span.source(), index), () -> span + " is not at its column");
    assertTrue(file.contains(line), () -> "'" + line + "' is not a line of the file");
    assertEquals("f.yaml", span.location().file());
  }

  private static void check(byte[] bytes) throws IOException {
    try {
      assertSound(load(bytes), bytes);
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
  }

  /** Loads {@code bytes} as a Phase 8 file, shown as {@code f.yaml}. */
  private static Phase load(byte[] bytes) throws IOException {
    Path dir = Files.createTempDirectory("fuzz");
    Path file = dir.resolve("phase-08-tensor-autograd.yaml");
    try {
      Files.write(file, bytes);
      return QuizFiles.load(file, "f.yaml", QuizFiles.LANGUAGES);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }
}

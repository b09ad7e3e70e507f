package io.github.gradproof.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.CourseFixture;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the course fixture's Phase 8 file and checks its content, claims and their exact locations. */
class Phase8ContentTest {

  private static final String DISPLAY = "data/quizzes/phase-08-tensor-autograd.yaml";
  private static final Path FILE = CourseFixture.PHASE_8;
  private static final Pattern CODE = Pattern.compile("`([^`]*)`");

  private static Phase phase;
  private static List<String> fileLines;

  @BeforeAll
  static void load() throws IOException {
    phase = QuizFiles.load(FILE, DISPLAY, QuizFiles.LANGUAGES);
    fileLines = Files.readAllLines(FILE);
  }

  private static Question question(int n) {
    return phase.questions().get(n - 1);
  }

  private static List<String> sources(List<SourceSpan> claims) {
    return claims.stream().map(SourceSpan::source).toList();
  }

  @Test
  void phaseHeader() {
    assertEquals(DISPLAY, phase.sourcePath());
    assertEquals(8, phase.number());
    assertEquals("tensor-autograd", phase.slug());
    assertEquals("phase-08-tensor-autograd", phase.pageName());
    assertEquals(Map.of("en", "Phase 8 — Tensor autograd", "es", "Fase 8 — Autograd de tensores"), phase.title().texts());
    assertEquals(
        "Centrado en los dos problemas nuevos de la fase: gradientes con broadcasting y derivadas de"
            + " matmul y de softmax-CE por lotes.",
        phase.summary().in("es"));
    assertTrue(phase.summary().in("en").startsWith("Focused on the two new problems of the phase"));
  }

  @Test
  void fiveQuestionsWithKindsAndKeys() {
    assertEquals(List.of("q-08-01", "q-08-02", "q-08-03", "q-08-04", "q-08-05"),
        phase.questions().stream().map(Question::id).toList());
    assertEquals(List.of(QuestionKind.SINGLE, QuestionKind.MULTI, QuestionKind.FREE,
            QuestionKind.SINGLE, QuestionKind.FREE),
        phase.questions().stream().map(Question::kind).toList());
    assertEquals(List.of(2), question(1).answer().choices());
    assertEquals(List.of(1, 2), question(2).answer().choices());
    assertEquals(List.of(), question(3).answer().choices());
    assertEquals(List.of(2), question(4).answer().choices());
    assertEquals(List.of(4, 5, 0, 4, 0),
        phase.questions().stream().map(q -> q.choices().size()).toList());
    for (Question q : phase.questions()) {
      assertTrue(q.verify(), q.id());
      assertNull(q.verifyReason(), q.id());
    }
  }

  @Test
  void seedTextIsFaithful() {
    assertEquals("Broadcasting in the backward pass", question(1).title().in("en"));
    assertEquals("Reshape `(4, 3)` to `(3,)` by dropping the first axis.",
        question(1).choices().get(0).text().in("en"));
    assertEquals("NumPy handles it automatically.", question(1).choices().get(3).text().in("en"));
    assertEquals("Matmul gradients", question(2).title().in("en"));
    assertEquals("Gradientes de matmul", question(2).title().in("es"));
    assertNull(question(2).choices().get(0).text(), "a claim-only choice has no text");
    assertEquals("`dA = dC * B.T` (elemento a elemento)", question(2).choices().get(4).text().in("es"));
    assertEquals("It is computationally cheaper.", question(4).choices().get(0).text().in("en"));
    assertTrue(question(4).explanation().in("en").startsWith(
        "Central differences cancel the leading `O(ε)` error term, so at ε ≈ 1e-4"), question(4).explanation().in("en"));
    assertEquals("`dL/dz = (p - one_hot(y, K)) / B` where `p = softmax(z)`.",
        question(5).answer().text().in("en"));
  }

  @Test
  void everyHumanReadableFieldHasBothLanguagesWithTheSameCode() {
    List<Localized> fields = new ArrayList<>(List.of(phase.title(), phase.summary()));
    for (Question q : phase.questions()) {
      fields.add(q.title());
      fields.add(q.prompt());
      fields.add(q.explanation());
      if (q.answer().text() != null) {
        fields.add(q.answer().text());
      }
      q.choices().stream().map(Choice::text).filter(t -> t != null).forEach(fields::add);
    }
    assertEquals(2 + 5 * 3 + 2 + (4 + 1 + 4), fields.size());
    for (Localized field : fields) {
      assertEquals(QuizFiles.LANGUAGES, List.copyOf(field.texts().keySet()), field.location().toString());
      assertFalse(field.in("en").isBlank(), field.location().toString());
      assertFalse(field.in("es").isBlank(), field.location().toString());
      assertEquals(code(field.in("en")), code(field.in("es")),
          "inline code must read the same in both languages at " + field.location());
    }
  }

  private static List<String> code(String markdown) {
    List<String> spans = new ArrayList<>();
    Matcher m = CODE.matcher(markdown);
    while (m.find()) {
      spans.add(m.group(1));
    }
    return spans;
  }

  @Test
  void setupsFollowTheContract() {
    Setup s1 = question(1).setup();
    assertEquals(Map.of("R", List.of(4), "D", List.of(3)), s1.dims());
    assertEquals(List.of("R", "D"), List.copyOf(s1.dims().keySet()));
    assertEquals(List.of("a", "b"), s1.inputs().stream().map(InputSpec::name).toList());
    assertEquals(List.of("D"), s1.inputs().get(0).shape());
    assertEquals(List.of("R", "D"), s1.inputs().get(1).shape());
    assertEquals(List.of("c = a + b"), sources(s1.forward()));

    Setup s2 = question(2).setup();
    assertEquals(List.of("M", "K", "N"), List.copyOf(s2.dims().keySet()));
    assertEquals(List.of("M", "K"), s2.inputs().get(0).shape());
    assertEquals(List.of("K", "N"), s2.inputs().get(1).shape());
    assertEquals(List.of("C = A @ B"), sources(s2.forward()));

    assertEquals(Map.of("R", List.of(3), "C", List.of(5)), question(3).setup().dims());
    assertEquals(List.of("s = sum(x)"), sources(question(3).setup().forward()));

    assertEquals(Map.of("N", List.of(6)), question(4).setup().dims());
    assertEquals(List.of("f = sum(tanh(x) * exp(x / 2))"), sources(question(4).setup().forward()));

    Setup s5 = question(5).setup();
    assertEquals(List.of(4, 6), s5.dims().get("B"));
    assertEquals(List.of(3), s5.dims().get("K"));
    InputSpec z = s5.inputs().get(0);
    InputSpec y = s5.inputs().get(1);
    assertEquals(Distribution.NORMAL, z.distribution());
    assertNull(z.classes());
    assertEquals("y", y.name());
    assertEquals(List.of("B"), y.shape());
    assertEquals(Distribution.LABELS, y.distribution());
    assertEquals("K", y.classes());
    assertEquals(List.of("p = softmax(z, axis=1)", "L = cross_entropy(z, y)"), sources(s5.forward()));
  }

  @Test
  void claimsFollowTheContract() {
    assertEquals(List.of(List.of("da = reshape(dc, (D,))"), List.of("da = sum(dc, axis=0)"),
            List.of("da = dc * one_hot(0, D)"), List.of("da = dc")),
        question(1).choices().stream().map(c -> sources(c.claims())).toList());
    assertEquals(List.of(List.of("dA = dC @ B.T"), List.of("dB = A.T @ dC"), List.of("dA = B @ dC.T"),
            List.of("dB = dC @ A"), List.of("dA = dC * B.T")),
        question(2).choices().stream().map(c -> sources(c.claims())).toList());
    assertEquals(List.of("dx = ones_like(x) * ds", "dx.shape == (R, C)"),
        sources(question(3).answer().claims()));
    assertEquals(List.of(List.of("fd_evals(central) < fd_evals(forward)"),
            List.of("fd_order(forward) ~ 1", "fd_order(central) ~ 2"), List.of(), List.of()),
        question(4).choices().stream().map(c -> sources(c.claims())).toList());
    assertEquals(List.of("dz = (p - one_hot(y, K)) / B"), sources(question(5).answer().claims()));
  }

  @Test
  void claimLocationsAreExact() {
    assertEquals(at(55, 17), question(2).choices().get(0).claims().get(0).location());
    assertEquals("      - claim: \"dA = dC @ B.T\"", question(2).choices().get(0).claims().get(0).sourceLine());
    assertEquals(at(53, 9), question(2).setup().forward().get(0).location());
    assertEquals(at(133, 9), question(5).setup().forward().get(0).location());
    assertEquals(at(134, 9), question(5).setup().forward().get(1).location());
    assertEquals(at(108, 14), question(4).choices().get(1).claims().get(0).location());
    assertEquals(at(109, 14), question(4).choices().get(1).claims().get(1).location());
    assertEquals(at(139, 15), question(5).answer().claims().get(0).location());
  }

  @Test
  void everyClaimPointsAtItsOwnTextInTheFile() {
    List<SourceSpan> all = new ArrayList<>();
    for (Question q : phase.questions()) {
      all.addAll(q.setup().forward());
      q.choices().forEach(c -> all.addAll(c.claims()));
      all.addAll(q.answer().claims());
    }
    assertEquals(6 + 4 + 5 + 2 + 3 + 1, all.size());
    for (SourceSpan claim : all) {
      SourceLocation at = claim.location();
      assertEquals(DISPLAY, at.file());
      String line = fileLines.get(at.line() - 1);
      assertEquals(line, claim.sourceLine());
      assertTrue(line.startsWith(claim.source(), at.column() - 1), claim + " is not at " + at);
    }
  }

  @Test
  void otherLocations() {
    assertEquals(at(10, 5), question(1).location());
    assertEquals(at(38, 13), question(1).answer().location());
    assertEquals(at(16, 5), question(1).setup().location());
    assertEquals(at(17, 17), question(1).setup().dimLocations().get("R"));
    assertEquals(at(22, 9), question(1).choices().get(0).location());
    assertEquals(at(4, 8), phase.title().location());
  }

  @Test
  void loadAllFindsThePhaseInItsFolder() {
    List<Phase> phases = QuizFiles.loadAll(CourseFixture.DIR, "data/quizzes", QuizFiles.LANGUAGES);
    assertEquals(List.of("phase-08-tensor-autograd", CourseFixture.NUMERIC_PAGE, CourseFixture.WIDE_CLAIMS_PAGE),
        phases.stream().map(Phase::pageName).toList());
    assertEquals(DISPLAY, phases.get(0).sourcePath());
  }

  @Test
  void windowsLineEndingsAndAByteOrderMarkGiveTheSameModel(@TempDir Path tmp) throws IOException {
    String text = Files.readString(FILE).replace("\n", "\r\n");
    Path copy = tmp.resolve(FILE.getFileName());
    Files.write(copy, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
    assertEquals(phase, QuizFiles.load(copy, DISPLAY, QuizFiles.LANGUAGES));
  }

  private static SourceLocation at(int line, int column) {
    return new SourceLocation(DISPLAY, line, column);
  }
}

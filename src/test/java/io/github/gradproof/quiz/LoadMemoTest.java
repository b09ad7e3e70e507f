package io.github.gradproof.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.bench.CorpusGenerator;
import io.github.gradproof.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading with a memo of earlier loads: the same phases and problems as loading every file afresh. */
class LoadMemoTest {

  @TempDir Path data;

  private final LoadMemo memo = new LoadMemo();

  private List<Phase> load(LoadMemo with, List<Diagnostic> problems) {
    return QuizLoader.loadAll(data, "data", List.of("en", "es"), List.of(), Runnable::run, problems, with);
  }

  private static List<String> messages(List<Diagnostic> problems) {
    return problems.stream().map(Diagnostic::format).toList();
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = data.resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), from);
    Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
  }

  @Test
  void unchangedFilesGiveTheSamePhaseObjectAndChangedOnesAreLoadedAgain() throws IOException {
    CorpusGenerator.write(data, 1, 3);
    List<Phase> first = load(memo, new ArrayList<>());
    assertEquals(3, memo.size());
    edit("phase-02-bench-2.yaml", "Benchmark\"", "Benchmark, edited\"");
    List<Diagnostic> problems = new ArrayList<>();
    List<Phase> second = load(memo, problems);
    assertEquals(List.of(), problems);
    assertEquals(load(null, new ArrayList<>()), second, "what a load without memo gives");
    assertSame(first.get(0), second.get(0));
    assertNotSame(first.get(1), second.get(1));
    assertSame(first.get(2), second.get(2));
  }

  @Test
  void aRememberedFileWhoseIdIsNowTakenReportsTheDuplicateAsAFreshLoadDoes() throws IOException {
    CorpusGenerator.write(data, 1, 3);
    load(memo, new ArrayList<>());
    // Phase 1, loaded first, now takes an id of phase 2, which is unchanged and remembered.
    edit("phase-01-bench-1.yaml", "id: q-01-01", "id: q-02-01");
    List<Diagnostic> withMemo = new ArrayList<>();
    List<Phase> phases = load(memo, withMemo);
    List<Diagnostic> fresh = new ArrayList<>();
    assertEquals(load(null, fresh), phases);
    assertEquals(messages(fresh), messages(withMemo));
    assertEquals(1, withMemo.size(), withMemo.toString());
    assertTrue(withMemo.get(0).format().startsWith("data/phase-02-bench-2.yaml:"), withMemo.get(0).format());
    assertEquals(List.of(1, 3), phases.stream().map(Phase::number).toList());
    // Undo: phase 2 loads again, and its file was never remembered with a problem.
    edit("phase-01-bench-1.yaml", "id: q-02-01", "id: q-01-01");
    List<Diagnostic> fixed = new ArrayList<>();
    assertEquals(3, load(memo, fixed).size());
    assertEquals(List.of(), fixed);
  }

  @Test
  void aFileWithAProblemIsNeverRememberedAndDeletedFilesAreForgotten() throws IOException {
    CorpusGenerator.write(data, 1, 2);
    edit("phase-02-bench-2.yaml", "kind: multi", "kind: several");
    List<Diagnostic> first = new ArrayList<>();
    load(memo, first);
    assertEquals(1, memo.size());
    List<Diagnostic> again = new ArrayList<>();
    load(memo, again);
    assertEquals(messages(first), messages(again), "the problem is reported every time");
    Files.delete(data.resolve("phase-01-bench-1.yaml"));
    load(memo, new ArrayList<>());
    assertEquals(0, memo.size());
  }

  @Test
  void otherLanguagesAreAnotherLoad() throws IOException {
    CorpusGenerator.write(data, 1, 1);
    Phase both = load(memo, new ArrayList<>()).get(0);
    Phase english = QuizLoader.loadAll(data, "data", List.of("en"), List.of("es"), Runnable::run, new ArrayList<>(),
        memo).get(0);
    assertNotSame(both, english);
    assertEquals(QuizLoader.loadAll(data, "data", List.of("en"), List.of("es"), Runnable::run, new ArrayList<>()).get(0),
        english);
  }
}

package io.github.gradproof.quiz;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads quiz files ({@code phase-NN-slug.yaml}) into the validated, immutable quiz model.
 *
 * <p>YAML is read with the YAML 1.2 core schema (the Spanish {@code no} stays a string) through
 * SnakeYAML Engine's node API, so every value keeps its line and column. Every problem in every
 * file is collected, each as {@code file:line:column: message} with the offending line and a
 * caret; only files without problems give a phase.
 *
 * <p>Hostile input is refused early, with a message naming the limit: files over
 * {@value #MAX_FILE_BYTES} bytes, nesting deeper than {@value YamlParser#MAX_DEPTH} levels, more
 * than {@value YamlParser#MAX_COLLECTION_ALIASES} aliases to maps or lists, recursive aliases,
 * inputs over {@value SetupReader#MAX_ELEMENTS} elements, more than {@value
 * SetupReader#MAX_DIM_COMBINATIONS} dim combinations per question, and any YAML tag outside the
 * core schema (so no tag can construct an object).
 */
public final class QuizLoader {

  /** Largest quiz file accepted, in bytes (1 MiB). */
  public static final int MAX_FILE_BYTES = 1 << 20;

  /** Files parsed ahead of validation by {@link #loadAll}; bounds the memory of parse trees. */
  private static final int PARSE_AHEAD = 64;

  private QuizLoader() {}

  /**
   * Loads every quiz file ({@code *.yaml}, {@code *.yml}) directly inside {@code dir}, checks that
   * question ids are unique across all of them, and returns the phases sorted by phase number,
   * then slug. Other files are ignored; an empty directory gives an empty list.
   *
   * <p>Loading does not stop at problems: each is added to {@code out} as {@code file:line:column:
   * message} with the offending line and a caret, and only the phases of the files that loaded
   * without any are returned, so a build can verify those and report every problem in every file
   * in one run.
   *
   * @param displayDir how diagnostics show the directory, e.g. {@code data/quizzes}
   * @param languages the configured languages, e.g. {@code [en, es]}; every human-readable field
   *     must have exactly these
   * @param executor reads and parses files ahead of validation (the build's workers; a direct
   *     executor loads on the calling thread)
   * @param out receives every problem in every file, in file order
   */
  public static List<Phase> loadAll(
      Path dir, String displayDir, List<String> languages, Executor executor, List<Diagnostic> out) {
    List<String> langs = checked(languages);
    Problems problems = new Problems();
    IdRegistry ids = new IdRegistry();
    List<Path> files = quizFiles(dir, displayDir);
    // Reading and YAML parsing are independent per file and most of the cost: the executor
    // parses ahead (at most PARSE_AHEAD files, as parse trees are large) while this thread
    // validates the parsed files in file order. Validation registers ids across files, so the
    // phases and the order of problems are exactly those of a sequential load.
    List<Phase> phases = new ArrayList<>();
    List<Future<Parsed>> parsed = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      parsed.add(i < PARSE_AHEAD ? submit(executor, files.get(i), displayDir) : null);
    }
    for (int i = 0; i < files.size(); i++) {
      if (i + PARSE_AHEAD < files.size()) {
        parsed.set(i + PARSE_AHEAD, submit(executor, files.get(i + PARSE_AHEAD), displayDir));
      }
      Parsed file = join(parsed.get(i));
      parsed.set(i, null);
      int before = problems.count();
      Phase phase = read(file, files.get(i).getFileName().toString(), langs, ids, problems);
      if (phase != null && problems.count() == before) {
        phases.add(phase);
      }
    }
    out.addAll(problems.list());
    phases.sort(Comparator.comparingInt(Phase::number).thenComparing(Phase::slug));
    return List.copyOf(phases);
  }

  private static Future<Parsed> submit(Executor executor, Path file, String displayDir) {
    String name = file.getFileName().toString();
    String display = displayDir.isEmpty() || displayDir.endsWith("/") ? displayDir + name : displayDir + "/" + name;
    return CompletableFuture.supplyAsync(() -> parse(file, display), executor);
  }

  private static Parsed join(Future<Parsed> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading quiz files", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** A file read and parsed into YAML nodes, with the problems found so far. */
  record Parsed(SourceText source, Optional<Node> root, Problems problems) {}

  /** Reads and parses one file (any thread): the first step of loading it. */
  static Parsed parse(Path file, String displayPath) {
    Problems problems = new Problems();
    SourceText source;
    try {
      source = read(file, displayPath);
    } catch (DiagnosticException e) {
      problems.addAll(e.diagnostics());
      return new Parsed(null, Optional.empty(), problems);
    }
    return new Parsed(source, new YamlParser(source, problems).parse(), problems);
  }

  private static List<Path> quizFiles(Path dir, String displayDir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yaml")
              || p.getFileName().toString().endsWith(".yml"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new DiagnosticException(Diagnostic.at(new SourceLocation(displayDir, 1, 1),
          "cannot list the quiz directory (" + e + "); check that it exists and is readable"));
    }
  }

  /**
   * Validates a parsed file into its phase (in file order: ids are registered across files),
   * adding its problems to {@code problems}; {@code null} when it has no YAML document.
   */
  static Phase read(Parsed file, String fileName, List<String> languages, IdRegistry ids, Problems problems) {
    problems.addAll(file.problems().list());
    if (file.root().isEmpty()) {
      return null;
    }
    NodeReader reader = new NodeReader(file.source(), problems, languages);
    return PhaseReader.read(reader, file.root().get(), fileName, ids);
  }

  private static SourceText read(Path file, String displayPath) {
    SourceLocation start = new SourceLocation(displayPath, 1, 1);
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new DiagnosticException(Diagnostic.at(start, "the file is " + size + " bytes, over"
            + " the limit of " + MAX_FILE_BYTES + " bytes (1 MiB) for a quiz file; split it into"
            + " several phases"));
      }
      return SourceText.decode(displayPath, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new DiagnosticException(Diagnostic.at(start,
          "cannot read the file (" + e + "); check that it exists and is readable"));
    }
  }

  static List<String> checked(List<String> languages) {
    Objects.requireNonNull(languages, "languages");
    if (languages.isEmpty()) {
      throw new IllegalArgumentException("languages must not be empty");
    }
    return List.copyOf(languages);
  }
}

package io.github.gradproof.quiz;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.RealFiles;
import io.github.gradproof.diag.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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
   * Loads every quiz file ({@code *.yaml}, {@code *.yml}, in any case) directly inside {@code dir},
   * checks that question ids are unique across all of them, and returns the phases sorted by phase
   * number, then slug. Hidden files, editor backups ({@code name~}) and files not named like a
   * phase are ignored; a file named like a phase with another extension, and a folder without any
   * quiz file, are errors.
   *
   * <p>Loading does not stop at problems: each is added to {@code out} as {@code file:line:column:
   * message} with the offending line and a caret, and only the phases of the files that loaded
   * without any are returned, so a build can verify those and report every problem in every file
   * in one run.
   *
   * @param displayDir how diagnostics show the directory, e.g. {@code data/quizzes}
   * @param languages the languages to publish, e.g. {@code [en, es]}; every human-readable field
   *     must have each of them
   * @param ignoredLanguages languages a field may also have, which are skipped (the site's other
   *     languages): a site can be published in a subset of the languages its files are written in
   * @param executor reads and parses files ahead of validation (the build's workers; a direct
   *     executor loads on the calling thread)
   * @param out receives every problem in every file, in file order
   */
  public static List<Phase> loadAll(Path dir, String displayDir, List<String> languages,
      Collection<String> ignoredLanguages, Executor executor, List<Diagnostic> out) {
    return loadAll(dir, displayDir, languages, ignoredLanguages, executor, out, null);
  }

  /**
   * {@link #loadAll(Path, String, List, Collection, Executor, List)}, reusing the phases of the
   * files {@code memo} has seen with the same bytes (and remembering the others): the same phases
   * and problems, without parsing what did not change.
   *
   * @param memo the phases of earlier loads, or {@code null} to parse every file
   */
  public static List<Phase> loadAll(Path dir, String displayDir, List<String> languages,
      Collection<String> ignoredLanguages, Executor executor, List<Diagnostic> out, LoadMemo memo) {
    List<String> langs = checked(languages);
    List<String> others = others(langs, ignoredLanguages);
    Problems problems = new Problems();
    IdRegistry ids = new IdRegistry();
    List<Path> files = quizFiles(dir, displayDir, problems);
    // Reading and YAML parsing are independent per file and most of the cost: the executor
    // parses ahead (at most PARSE_AHEAD files, as parse trees are large) while this thread
    // validates the parsed files in file order. Validation registers ids across files, so the
    // phases and the order of problems are exactly those of a sequential load.
    List<Phase> phases = new ArrayList<>();
    List<Future<Parsed>> parsed = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      parsed.add(i < PARSE_AHEAD ? submit(executor, files.get(i), displayDir, memo, langs, others) : null);
    }
    for (int i = 0; i < files.size(); i++) {
      if (i + PARSE_AHEAD < files.size()) {
        parsed.set(i + PARSE_AHEAD, submit(executor, files.get(i + PARSE_AHEAD), displayDir, memo, langs, others));
      }
      Parsed file = join(parsed.get(i));
      parsed.set(i, null);
      if (file.remembered() != null) {
        if (ids.claimAll(file.remembered().ids())) {
          phases.add(file.remembered().phase());
          continue;
        }
        file = parse(files.get(i), display(displayDir, files.get(i).getFileName().toString()));
      }
      int before = problems.count();
      int mark = ids.size();
      Phase phase = read(file, files.get(i).getFileName().toString(), langs, others, ids, problems);
      if (phase != null && problems.count() == before) {
        phases.add(phase);
        if (memo != null && file.digest() != null) {
          memo.remember(display(displayDir, files.get(i).getFileName().toString()), new LoadMemo.Remembered(file.digest(), langs, others, phase, ids.since(mark)));
        }
      }
    }
    if (memo != null) {
      memo.retainOnly(files.stream().map(f -> display(displayDir, f.getFileName().toString()))
          .collect(java.util.stream.Collectors.toSet()));
    }
    out.addAll(problems.list());
    phases.sort(Comparator.comparingInt(Phase::number).thenComparing(Phase::slug));
    return List.copyOf(phases);
  }

  private static Future<Parsed> submit(Executor executor, Path file, String displayDir, LoadMemo memo,
      List<String> languages, List<String> others) {
    String display = display(displayDir, file.getFileName().toString());
    return CompletableFuture.supplyAsync(() -> memo == null ? parse(file, display)
        : parse(file, display, memo, languages, others), executor);
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

  /**
   * A file read and parsed into YAML nodes, with the problems found so far; or, when a
   * {@link LoadMemo} knows its bytes, the phase it loaded into before (and no nodes).
   *
   * @param digest the SHA-256 of the file's bytes when loading with a memo, else {@code null}
   * @param remembered the memo's phase for these bytes, or {@code null}
   */
  record Parsed(SourceText source, Optional<Node> root, Problems problems, byte[] digest,
      LoadMemo.Remembered remembered) {

    Parsed(SourceText source, Optional<Node> root, Problems problems) {
      this(source, root, problems, null, null);
    }
  }

  /** Reads one file and, unless {@code memo} knows its bytes, parses it (any thread). */
  static Parsed parse(Path file, String displayPath, LoadMemo memo, List<String> languages, List<String> others) {
    LoadMemo.Remembered read = memo.justRead(displayPath, languages, others);
    if (read != null) {
      return new Parsed(null, Optional.empty(), new Problems(), read.digest(), read);
    }
    byte[] bytes;
    try {
      bytes = readQuizFile(file, displayPath);
    } catch (DiagnosticException e) {
      return parse(file, displayPath); // reports the problem exactly as a load without a memo does
    }
    LoadMemo.Remembered known = memo.find(displayPath, bytes, languages, others);
    if (known != null) {
      return new Parsed(null, Optional.empty(), new Problems(), known.digest(), known);
    }
    byte[] digest = LoadMemo.digest(bytes);
    Problems problems = new Problems();
    SourceText source;
    try {
      source = SourceText.decode(displayPath, bytes);
    } catch (DiagnosticException e) {
      problems.addAll(e.diagnostics());
      return new Parsed(null, Optional.empty(), problems);
    }
    return new Parsed(source, new YamlParser(source, problems).parse(), problems, digest, null);
  }

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

  /** Why the quiz folder cannot be listed, in words, and what to do. */
  private static String cannotList(IOException e) {
    if (e instanceof java.nio.file.NotDirectoryException) {
      return "the quiz folder is a file, not a folder; point gradproof.data (<data> in the POM) at the folder that"
          + " holds the phase-NN-slug.yaml files";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "the quiz folder does not exist; create it with a phase-NN-slug.yaml file, or point gradproof.data"
          + " (<data> in the POM) at the folder that holds the quiz files";
    }
    return "cannot list the quiz folder (" + e.getMessage() + "); check that it is a readable folder";
  }

  /**
   * The quiz files of a folder: every visible file whose extension is {@code yaml} or {@code yml}
   * in any case (a name that does not follow {@code phase-NN-slug.yaml} is reported once its phase
   * and slug are known). Files named like a phase with another extension are reported by name, so
   * a misnamed quiz is never silently left out, and so is a folder with no quiz file at all.
   */
  private static List<Path> quizFiles(Path dir, String displayDir, Problems problems) {
    List<Path> files;
    try (Stream<Path> entries = Files.list(dir)) {
      files = entries.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    } catch (IOException e) {
      throw new DiagnosticException(Diagnostic.at(new SourceLocation(displayDir, 1, 1), cannotList(e)));
    }
    List<Path> quizzes = new ArrayList<>();
    boolean misnamed = false;
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (QuizFileNames.isQuiz(name)) {
        quizzes.add(file);
      } else if (QuizFileNames.looksLikeQuiz(name)) {
        misnamed = true;
        problems.add(Diagnostic.at(new SourceLocation(display(displayDir, name), 1, 1),
            QuizFileNames.misnamed(name, displayDir)));
      }
    }
    if (quizzes.isEmpty() && !misnamed) {
      problems.add(Diagnostic.at(new SourceLocation(displayDir, 1, 1), "no quiz files in " + displayDir
          + "; a site needs at least one phase-NN-slug.yaml file, so add one (mvn site:new"
          + " -Dgradproof.phase=1 -Dgradproof.slug=intro writes a valid example) or point -Dgradproof.data"
          + " (<data> in the POM) at the folder that holds them"));
    }
    return quizzes;
  }

  /**
   * How a file of the folder shown as {@code displayDir} is shown, normalised as a path: the data
   * folder shown as {@code .} (the project folder itself) gives {@code phase-01-intro.yaml}, never
   * {@code ./phase-01-intro.yaml}, which is the name the site's cache and pages give the same file.
   */
  private static String display(String displayDir, String name) {
    return displayDir.isEmpty() ? name : Path.of(displayDir).resolve(name).normalize().toString().replace('\\', '/');
  }

  /**
   * Validates a parsed file into its phase (in file order: ids are registered across files),
   * adding its problems to {@code problems}; {@code null} when it has no YAML document.
   *
   * @param others languages a field may also have, skipped (not among {@code languages})
   */
  static Phase read(Parsed file, String fileName, List<String> languages, List<String> others, IdRegistry ids,
      Problems problems) {
    problems.addAll(file.problems().list());
    if (file.root().isEmpty()) {
      return null;
    }
    NodeReader reader = new NodeReader(file.source(), problems, languages, others);
    return PhaseReader.read(reader, file.root().get(), fileName, ids);
  }

  /**
   * Reads a quiz file under the rules of {@link RealFiles} (a regular file inside its folder, read
   * with a bound that does not trust the reported size) and decodes it as strict UTF-8.
   */
  private static SourceText read(Path file, String displayPath) {
    return SourceText.decode(displayPath, readQuizFile(file, displayPath));
  }

  /**
   * The bytes of a quiz file, read under the loader's rules: a regular file in its folder (a link
   * may not lead out of it), at most {@link #MAX_FILE_BYTES} long.
   *
   * @throws DiagnosticException when the file breaks a rule or cannot be read
   */
  public static byte[] readQuizFile(Path file, String displayPath) {
    Path folder = file.toAbsolutePath().getParent();
    return RealFiles.read(file, folder, displayPath, MAX_FILE_BYTES, "(1 MiB) for a quiz file",
        "split it into several phases");
  }

  /** The ignored languages that are not also required, in order, without repeats. */
  private static List<String> others(List<String> languages, Collection<String> ignored) {
    return ignored.stream().filter(l -> !languages.contains(l)).distinct().toList();
  }

  static List<String> checked(List<String> languages) {
    Objects.requireNonNull(languages, "languages");
    if (languages.isEmpty()) {
      throw new IllegalArgumentException("languages must not be empty");
    }
    return List.copyOf(languages);
  }
}

package io.github.gradproof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The course fixture ({@code src/test/resources/course/}): a frozen copy of a real phase file, with
 * a convergence plot and wrong choices with and without claims, and a phase of numeric questions
 * (variants, placeholders, a tolerance of its own), so every question kind is there, and a phase
 * whose claims are far wider than a page. Tests that
 * need known content read it, never {@code data/}: authors change and add phases there, and the
 * only thing a test may assume about {@code data/} is that it verifies.
 */
public final class CourseFixture {

  /** The folder holding the fixture's quiz files. */
  public static final Path DIR = Path.of("src", "test", "resources", "course").toAbsolutePath();
  /** The Phase 8 file of the fixture. */
  public static final Path PHASE_8 = DIR.resolve("phase-08-tensor-autograd.yaml");
  /** The page name of the fixture's phase of numeric questions. */
  public static final String NUMERIC_PAGE = "phase-09-worked-numbers";
  /** The fixture's phase of numeric questions. */
  public static final Path NUMERIC = DIR.resolve(NUMERIC_PAGE + ".yaml");

  /** The page name of the fixture's phase whose claim is about 1,600 px of math. */
  public static final String WIDE_CLAIMS_PAGE = "phase-10-wide-claims";

  private CourseFixture() {}

  /** The Phase 8 file's text. */
  public static String phase8() {
    try {
      return Files.readString(PHASE_8, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the fixture's Phase 8 file into {@code dataDir} (created if needed) and returns the copy. */
  public static Path copyPhase8(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      return Files.copy(PHASE_8, dataDir.resolve(PHASE_8.getFileName()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

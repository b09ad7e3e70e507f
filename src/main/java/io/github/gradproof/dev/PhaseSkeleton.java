package io.github.gradproof.dev;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.site.SiteConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a new phase file for {@code mvn site:new}: valid, verifiable, with one example question
 * whose claim holds, and every text of the non-reference languages marked {@code TODO} so the
 * translation report lists them.
 */
public final class PhaseSkeleton {

  private PhaseSkeleton() {}

  /**
   * Writes {@code phase-NN-slug.yaml} into the data folder.
   *
   * @return the file written
   * @throws DiagnosticException if the phase or slug is invalid or the file already exists
   */
  public static Path write(SiteConfig config, int phase, String slug) {
    String name = fileName(phase, slug);
    Path file = config.dataDir().resolve(name);
    SourceLocation at = new SourceLocation(config.display(file), 1, 1);
    if (phase < 0 || phase > 9999) {
      throw new DiagnosticException(Diagnostic.at(at, "phase number " + phase + " is out of range; use 0 to 9999"));
    }
    if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new DiagnosticException(Diagnostic.at(at,
          "slug '" + slug + "' is not valid; use lower-case letters, digits and single dashes, e.g. 'optimizers'"));
    }
    if (Files.exists(file)) {
      throw new DiagnosticException(Diagnostic.at(at,
          "the file already exists; edit it, or choose another phase number or slug"));
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml(phase, slug), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  /** The file name for a phase: {@code phase-NN-slug.yaml}. */
  public static String fileName(int phase, String slug) {
    return String.format(Locale.ROOT, "phase-%02d-%s.yaml", phase, slug);
  }

  /** The skeleton's text. */
  public static String yaml(int phase, String slug) {
    String id = String.format(Locale.ROOT, "q-%02d-01", phase);
    // A string template, not a text block: the plugin descriptor tooling cannot parse text blocks.
    String template = String.join("\n",
        "# Phase %1$d quiz. Every claim below is checked by `mvn site:check`; see docs/FORMAT.md.",
        "# Texts marked TODO are listed by the translation report until they are translated.",
        "phase: %1$d",
        "slug: %2$s",
        "title: {en: \"Phase %1$d — Quizzes\", es: \"TODO: Fase %1$d — Cuestionarios\"}",
        "summary:",
        "  en: \"TODO: one sentence on what this phase's questions are about.\"",
        "  es: \"TODO: una frase sobre el tema de las preguntas de esta fase.\"",
        "",
        "questions:",
        "  - id: %3$s",
        "    kind: single",
        "    title: {en: \"Gradient of a sum of squares\", es: \"TODO: Gradiente de una suma de cuadrados\"}",
        "    prompt:",
        "      en: \"`s = sum(x ** 2)` with `x.shape = (N,)`. What is `dx`?\"",
        "      es: \"TODO: `s = sum(x ** 2)` con `x.shape = (N,)`. ¿Cuánto vale `dx`?\"",
        "    setup:",
        "      dims: {N: 5}",
        "      inputs: {x: [N]}",
        "      forward: |",
        "        s = sum(x ** 2)",
        "    choices:",
        "      - claim: \"dx = 2 * x\"",
        "      - claim: \"dx = x\"",
        "      - claim: \"dx = 2 * sum(x)\"",
        "    answer: 1",
        "    explanation:",
        "      en: \"Power rule, elementwise: `d(x_i²)/dx_i = 2 x_i`, and `ds = 1`.\"",
        "      es: \"TODO: Regla de la potencia, elemento a elemento: `d(x_i²)/dx_i = 2 x_i`, y `ds = 1`.\"",
        "");
    return String.format(Locale.ROOT, template, phase, slug, id);
  }
}

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
import java.util.List;
import java.util.Locale;

/**
 * Writes a new phase file for {@code mvn site:new}: valid, verifiable, with two example questions
 * (a single choice whose claim holds, and a numeric question with variants), the summary still to
 * write and every text of the languages after the first
 * marked {@code TODO}, so the translation report lists each of them (a warning; strict
 * translations refuse to publish them).
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
    SourceLocation at = new SourceLocation(config.displaySource(file), 1, 1);
    if (phase < 0 || phase > 9999) {
      throw new DiagnosticException(Diagnostic.at(at, "phase number " + phase + " is out of range; use 0 to 9999"));
    }
    if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new DiagnosticException(Diagnostic.at(at,
          "slug '" + slug + "' is not valid; use lower-case letters, digits and single dashes, e.g. 'optimizers'"));
    }
    if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) { // a dangling link counts: never write through it
      throw new DiagnosticException(Diagnostic.at(at,
          "the file already exists; edit it, or choose another phase number or slug"));
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml(phase, slug, config.languages()), StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  /** The file name for a phase: {@code phase-NN-slug.yaml}. */
  public static String fileName(int phase, String slug) {
    return String.format(Locale.ROOT, "phase-%02d-%s.yaml", phase, slug);
  }

  /** The skeleton's text in English and Spanish. */
  public static String yaml(int phase, String slug) {
    return yaml(phase, slug, SiteConfig.DEFAULT_LANGUAGES);
  }

  /**
   * The skeleton's text with a field for every language: the first language's text as it is
   * (English or Spanish; any other language gets the English text marked TODO), every other
   * language's marked TODO.
   */
  public static String yaml(int phase, String slug, List<String> languages) {
    String id = String.format(Locale.ROOT, "q-%02d-01", phase);
    return String.join("\n",
        "# Phase " + phase + " quiz. Every claim below is checked by `mvn site:check`; see docs/FORMAT.md.",
        "# Texts marked TODO are build warnings until they are written (strictTranslations=true refuses them).",
        "phase: " + phase,
        "slug: " + slug,
        field("", "title", languages, "Phase " + phase + " — " + topic(slug), "Fase " + phase + " — " + topic(slug)),
        field("", "summary", languages, "TODO: one sentence on what this phase's questions are about.",
            "TODO: una frase sobre el tema de las preguntas de esta fase."),
        "",
        "questions:",
        "  - id: " + id,
        "    kind: single",
        field("    ", "title", languages, "Gradient of a sum of squares", "Gradiente de una suma de cuadrados"),
        field("    ", "prompt", languages, "`s = sum(x ** 2)` with `x.shape = (N,)`. What is `dx`?",
            "`s = sum(x ** 2)` con `x.shape = (N,)`. ¿Cuánto vale `dx`?"),
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
        field("    ", "explanation", languages, "Power rule, elementwise: `d(x_i²)/dx_i = 2 x_i`, and `ds = 1`.",
            "Regla de la potencia, elemento a elemento: `d(x_i²)/dx_i = 2 x_i`, y `ds = 1`."),
        numericExample(phase, languages),
        "");
  }

  /**
   * A numeric question: small inputs the reader sees, one number to work out by hand, a new
   * variant on every try; the explanation names the variant's values with {@code {{...}}}.
   */
  private static String numericExample(int phase, List<String> languages) {
    return String.join("\n",
        "  - id: " + String.format(Locale.ROOT, "q-%02d-02", phase),
        "    kind: numeric",
        field("    ", "title", languages, "One entry of a gradient, by hand", "Un elemento de un gradiente, a mano"),
        field("    ", "prompt", languages, "`s = sum(w * x ** 2)` with the `w` and `x` shown. What is `dx[0]`?",
            "`s = sum(w * x ** 2)` con los `w` y `x` que se muestran. ¿Cuánto vale `dx[0]`?"),
        "    setup:",
        "      dims: {N: 3}",
        "      inputs:",
        "        x: {shape: [N], dist: small_int}",
        "        w: {shape: [N], dist: small_int, range: [1, 3]}",
        "      forward: |",
        "        s = sum(w * x ** 2)",
        "    ask: \"dx[0]\"",
        field("    ", "explanation", languages, "`dx = 2 * w * x`, so `dx[0]` = 2 · {{w[0]}} · ({{x[0]}}) = {{answer}}.",
            "`dx = 2 * w * x`, así que `dx[0]` = 2 · {{w[0]}} · ({{x[0]}}) = {{answer}}."));
  }

  /** The slug as a title's topic: {@code tensor-autograd} reads "Tensor autograd". */
  static String topic(String slug) {
    String words = slug.replace('-', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A localized field, one line per language. */
  private static String field(String indent, String name, List<String> languages, String en, String es) {
    StringBuilder out = new StringBuilder(indent).append(name).append(':');
    for (int i = 0; i < languages.size(); i++) {
      String language = languages.get(i);
      String known = language.equals("en") ? en : language.equals("es") ? es : null;
      String value = i == 0 && known != null ? known : todo(known != null ? known : en);
      out.append('\n').append(indent).append("  ").append(language).append(": \"").append(value).append('"');
    }
    return out.toString();
  }

  private static String todo(String text) {
    return text.startsWith("TODO") ? text : "TODO: " + text;
  }
}

package io.github.gradproof.site;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a build reads and writes, and in which languages. Paths are resolved against
 * {@link #baseDir()}; messages name files relative to it, with forward slashes.
 *
 * @param baseDir the project folder (Maven's {@code ${basedir}})
 * @param dataDir the quiz files, default {@code data/quizzes}
 * @param templatesDir templates, UI strings and assets, default {@code templates}
 * @param outputDir the generated site, default {@code site}
 * @param languages page languages in order; the first is the root page's language
 * @param strictTranslations whether translation findings (untranslated fields, differing inline
 *     code) fail the build instead of being reported
 */
public record SiteConfig(
    Path baseDir, Path dataDir, Path templatesDir, Path outputDir, List<String> languages, boolean strictTranslations) {

  /** Default data folder. */
  public static final String DEFAULT_DATA = "data/quizzes";
  /** Default templates folder. */
  public static final String DEFAULT_TEMPLATES = "templates";
  /** Default output folder. */
  public static final String DEFAULT_OUTPUT = "site";
  /** Default languages. */
  public static final List<String> DEFAULT_LANGUAGES = List.of("en", "es");

  public SiteConfig {
    Objects.requireNonNull(baseDir, "baseDir");
    baseDir = baseDir.toAbsolutePath().normalize();
    dataDir = baseDir.resolve(Objects.requireNonNull(dataDir, "dataDir")).normalize();
    templatesDir = baseDir.resolve(Objects.requireNonNull(templatesDir, "templatesDir")).normalize();
    outputDir = baseDir.resolve(Objects.requireNonNull(outputDir, "outputDir")).normalize();
    languages = List.copyOf(languages);
    if (languages.isEmpty()) {
      throw new IllegalArgumentException("languages must name at least one language");
    }
    for (String language : languages) {
      if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
        throw new IllegalArgumentException(
            "language '" + language + "' is not a language code such as 'en' or 'es'");
      }
    }
  }

  /** A configuration that reports translation findings without failing on them. */
  public SiteConfig(Path baseDir, Path dataDir, Path templatesDir, Path outputDir, List<String> languages) {
    this(baseDir, dataDir, templatesDir, outputDir, languages, false);
  }

  /** The same configuration writing to another output folder (the preview server's). */
  public SiteConfig withOutputDir(Path output) {
    return new SiteConfig(baseDir, dataDir, templatesDir, output, languages, strictTranslations);
  }

  /** Parses a comma-separated language list such as {@code en,es}. */
  public static List<String> parseLanguages(String list) {
    return java.util.Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** How a path under the project is shown in messages: relative, with forward slashes. */
  public String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(baseDir) ? baseDir.relativize(absolute) : absolute;
    String text = shown.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }
}

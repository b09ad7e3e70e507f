package io.github.gradproof.site;

import io.github.gradproof.render.Theme;
import io.github.gradproof.verify.WorkLimits;
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
 * @param baseUrl the absolute {@code http(s)} URL the site is published at, ending in {@code /},
 *     or {@code null} for a site that only uses relative links (and opens from {@code file://})
 * @param limits how much verifying one question may cost; a question over them is refused
 */
public record SiteConfig(
    Path baseDir, Path dataDir, Path templatesDir, Path outputDir, List<String> languages, boolean strictTranslations,
    String baseUrl, WorkLimits limits) {

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
    if (new java.util.HashSet<>(languages).size() < languages.size()) {
      throw new IllegalArgumentException("the languages " + String.join(",", languages) + " name a language twice;"
          + " name each page language once (gradproof.languages)");
    }
    baseUrl = BaseUrl.normalize(baseUrl);
    limits = Objects.requireNonNull(limits, "limits");
  }

  /** A configuration under the default {@link WorkLimits}. */
  public SiteConfig(Path baseDir, Path dataDir, Path templatesDir, Path outputDir, List<String> languages,
      boolean strictTranslations, String baseUrl) {
    this(baseDir, dataDir, templatesDir, outputDir, languages, strictTranslations, baseUrl, WorkLimits.DEFAULT);
  }

  /**
   * A configuration without a base URL that reports translation findings without failing on them
   * (see {@link #withStrictTranslations} and {@link #withBaseUrl}).
   */
  public SiteConfig(Path baseDir, Path dataDir, Path templatesDir, Path outputDir, List<String> languages) {
    this(baseDir, dataDir, templatesDir, outputDir, languages, false, null);
  }

  /** The same configuration failing on translation findings ({@code strict}) or only reporting them. */
  public SiteConfig withStrictTranslations(boolean strict) {
    return new SiteConfig(baseDir, dataDir, templatesDir, outputDir, languages, strict, baseUrl, limits);
  }

  /** The same configuration writing to another output folder (the preview server's). */
  public SiteConfig withOutputDir(Path output) {
    return new SiteConfig(baseDir, dataDir, templatesDir, output, languages, strictTranslations, baseUrl, limits);
  }

  /**
   * The same configuration published at {@code url} ({@code null} or blank: relative links only).
   *
   * @throws IllegalArgumentException if {@code url} is not an absolute http or https URL
   */
  public SiteConfig withBaseUrl(String url) {
    return new SiteConfig(baseDir, dataDir, templatesDir, outputDir, languages, strictTranslations, url, limits);
  }

  /** The same configuration refusing questions over {@code workLimits}. */
  public SiteConfig withLimits(WorkLimits workLimits) {
    return new SiteConfig(baseDir, dataDir, templatesDir, outputDir, languages, strictTranslations, baseUrl,
        workLimits);
  }

  /**
   * The languages a project gets when it names none: the built-in theme's ({@code en, es}), then
   * every language whose UI strings the project's templates folder adds ({@code i18n/fr.yaml}).
   */
  public static List<String> themeLanguages(Path baseDir, Path templatesDir) {
    return Theme.layered(baseDir.resolve(templatesDir), DEFAULT_TEMPLATES).languages();
  }

  /**
   * Every language the theme has UI strings for (built-in and the project's): quiz files may
   * carry texts in these beyond {@link #languages()}, and a build skips them, so a site can be
   * published in any subset of its files' languages.
   */
  public List<String> knownLanguages() {
    return themeLanguages(baseDir, templatesDir);
  }

  /** Parses a comma-separated language list such as {@code en,es}. */
  public static List<String> parseLanguages(String list) {
    return java.util.Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** The theme of this configuration: its templates folder laid over the built-in theme. */
  public Theme theme() {
    return Theme.layered(templatesDir, display(templatesDir));
  }

  /**
   * How a quiz file, or the data folder, is shown: on the page's footer, in
   * {@code verification.json}, in messages, and in the file's cache key. Relative to the project
   * folder when the data folder is inside it ({@code data/quizzes/phase-01-intro.yaml}), else
   * relative to the data folder's parent ({@code quizzes/phase-01-intro.yaml}): never absolute, so
   * that the output does not tell the author's folders and is the same on every machine.
   */
  public String displaySource(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    String text = sourceRoot().relativize(absolute).toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }

  /** The file a quiz file's shown path ({@link #displaySource}) names. */
  public Path sourceFile(String shown) {
    return sourceRoot().resolve(shown).normalize();
  }

  /** What {@link #displaySource} is relative to: the project folder, or the data folder's parent. */
  private Path sourceRoot() {
    if (dataDir.startsWith(baseDir)) {
      return baseDir;
    }
    return dataDir.getParent() == null ? dataDir : dataDir.getParent();
  }

  /** How a path under the project is shown in messages: relative, with forward slashes. */
  public String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(baseDir) ? baseDir.relativize(absolute) : absolute;
    String text = shown.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }
}

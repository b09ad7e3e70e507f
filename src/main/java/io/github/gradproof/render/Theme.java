package io.github.gradproof.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The theme a site is rendered with: the project's templates folder laid over the built-in theme
 * that ships in the plugin jar, file by file.
 *
 * <p>Every file is named by its path inside the theme ({@code layout.peb},
 * {@code partials/question.peb}, {@code i18n/es.yaml}, {@code assets/style.css}). Lookup order:
 *
 * <ol>
 *   <li>the project's file of that path under the templates folder, if there is anything but a
 *       folder there (a link out of the folder, a pipe or a device is then refused by name when
 *       read, never silently replaced by the built-in file);
 *   <li>otherwise the built-in file of that path;
 *   <li>otherwise there is no such file.
 * </ol>
 *
 * <p>So a course overrides one template, partial, UI-strings file or asset by writing a file of
 * the same path, adds a language by writing {@code i18n/<lang>.yaml}, and adds assets or partials
 * of its own by writing new paths. Nothing is merged inside a file: an overriding file replaces
 * the built-in one whole. Instances are immutable and safe to share between threads.
 */
public final class Theme {

  /** Where a file of the theme comes from. */
  public enum Layer {
    /** The project's templates folder. */
    PROJECT,
    /** The theme in the plugin jar. */
    BUILT_IN
  }

  /** The class-path folder of the built-in theme. */
  static final String RESOURCES = "io/github/gradproof/theme/";

  /** How messages name the built-in theme's folder. */
  public static final String BUILT_IN_DISPLAY = "(built-in theme)";

  private static final String INDEX = "io/github/gradproof/theme.files";
  private static final Pattern LANGUAGE_FILE = Pattern.compile("i18n/([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\\.yaml");

  private final Path projectDir;
  private final String projectDisplay;

  private Theme(Path projectDir, String projectDisplay) {
    this.projectDir = projectDir;
    this.projectDisplay = projectDisplay;
  }

  /**
   * The project's templates folder over the built-in theme.
   *
   * @param projectDir the templates folder; it need not exist (then every file is built in)
   * @param projectDisplay how messages name that folder, e.g. {@code templates}
   */
  public static Theme layered(Path projectDir, String projectDisplay) {
    return new Theme(projectDir.toAbsolutePath().normalize(), projectDisplay);
  }

  /** The built-in theme alone. */
  public static Theme builtIn() {
    return new Theme(null, null);
  }

  /** The file of a theme path, from the first layer that has it; empty when none has it. */
  public Optional<ThemeFile> find(String path) {
    if (!isThemePath(path)) {
      return Optional.empty();
    }
    Optional<ThemeFile> project = projectFile(path);
    return project.isPresent() ? project : findBuiltIn(path);
  }

  /** The built-in file of a theme path, whether or not the project overrides it. */
  public Optional<ThemeFile> findBuiltIn(String path) {
    return BuiltIn.PATHS.contains(path)
        ? Optional.of(new ThemeFile(path, Layer.BUILT_IN, BUILT_IN_DISPLAY + "/" + path, null, null))
        : Optional.empty();
  }

  /** The paths of the built-in theme, in its listing's order. */
  public static List<String> builtInPaths() {
    return BuiltIn.PATHS;
  }

  /**
   * Every file of the theme under {@code folder} (e.g. {@code assets}), at any depth, from both
   * layers: the project's files, and the built-in files the project does not override. Sorted by
   * path.
   */
  public List<ThemeFile> list(String folder) {
    TreeMap<String, ThemeFile> files = new TreeMap<>();
    for (String path : BuiltIn.PATHS) {
      if (path.startsWith(folder + "/")) {
        files.put(path, findBuiltIn(path).orElseThrow());
      }
    }
    for (ThemeFile file : projectFiles(folder)) {
      files.put(file.path(), file);
    }
    return List.copyOf(files.values());
  }

  /** Every file of the project's templates folder, sorted by path (empty without one). */
  public List<ThemeFile> projectFiles() {
    return projectFiles("");
  }

  /**
   * The languages the theme has UI strings for: the built-in ones in the theme's order, then the
   * ones the project adds (by writing {@code i18n/<lang>.yaml}), in alphabetical order.
   */
  public List<String> languages() {
    List<String> languages = new ArrayList<>(builtInLanguages());
    for (ThemeFile file : projectFiles("i18n")) {
      String language = languageOf(file.path());
      if (language != null && !languages.contains(language)) {
        languages.add(language);
      }
    }
    return List.copyOf(languages);
  }

  /** The languages of the built-in theme, in order; the first is the default root language. */
  public static List<String> builtInLanguages() {
    List<String> languages = new ArrayList<>();
    for (String path : BuiltIn.PATHS) {
      String language = languageOf(path);
      if (language != null) {
        languages.add(language);
      }
    }
    return List.copyOf(languages);
  }

  /** How messages name a theme path in the project's folder (where an override would go). */
  public String projectDisplay(String path) {
    return (projectDisplay == null ? BUILT_IN_DISPLAY : projectDisplay) + "/" + path;
  }

  /** The language of a UI-strings path such as {@code i18n/fr.yaml}, or {@code null}. */
  static String languageOf(String path) {
    Matcher m = LANGUAGE_FILE.matcher(path);
    return m.matches() ? m.group(1) : null;
  }

  /** A relative path of plain segments with forward slashes: nothing that could leave the theme. */
  static boolean isThemePath(String path) {
    if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The project's entry at a theme path: anything there but a folder. A link or a pipe is listed
   * here too, not skipped for the built-in file: reading it ({@link ThemeFile#readBytes()}) then
   * refuses it by name, so a course sees why its override is not used.
   */
  private Optional<ThemeFile> projectFile(String path) {
    if (projectDir == null) {
      return Optional.empty();
    }
    Path file = projectDir.resolve(path);
    return Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
        ? Optional.of(projectEntry(path))
        : Optional.empty();
  }

  /**
   * The project's entries under {@code folder} ("" for all), at any depth, sorted by path: every
   * entry but folders, links and special files included (see {@link #projectFile}). Links are not
   * followed while listing; a link or special file where the folder itself should be is listed
   * under the folder's own name, so the build refuses it by that name.
   */
  private List<ThemeFile> projectFiles(String folder) {
    Path base = realProjectDir();
    if (base == null) {
      return List.of();
    }
    Path root = folder.isEmpty() ? base : base.resolve(folder);
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      boolean special = Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(root, LinkOption.NOFOLLOW_LINKS);
      return special ? List.of(projectEntry(folder)) : List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      List<ThemeFile> files = new ArrayList<>();
      for (Path file : walk.filter(f -> !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
        files.add(projectEntry(base.relativize(file).toString().replace('\\', '/')));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + projectDisplay + "/" + folder, e);
    }
  }

  /** The templates folder's real path (it may itself be a link, e.g. to a shared theme), or {@code null}. */
  private Path realProjectDir() {
    if (projectDir == null || !Files.isDirectory(projectDir)) {
      return null;
    }
    try {
      return projectDir.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  private ThemeFile projectEntry(String path) {
    return new ThemeFile(path, Layer.PROJECT, projectDisplay + "/" + path, projectDir.resolve(path), projectDir);
  }

  /** The listing of the built-in theme, read once. */
  private static final class BuiltIn {
    static final List<String> PATHS = read();

    private static List<String> read() {
      try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(INDEX)) {
        if (in == null) {
          throw new IllegalStateException("the plugin jar lacks " + INDEX + ", the listing of its built-in theme");
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + INDEX, e);
      }
    }
  }
}

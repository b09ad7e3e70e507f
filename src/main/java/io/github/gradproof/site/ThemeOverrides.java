package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.Suggestions;
import io.github.gradproof.render.Theme;
import io.github.gradproof.render.ThemeFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a project does with the built-in theme, for {@code mvn site:theme}: which files it
 * overrides and adds, and a copy of a built-in file into the templates folder to start an
 * override from (the built-in files are inside the plugin jar, so an author cannot otherwise see
 * them).
 */
public final class ThemeOverrides {

  private ThemeOverrides() {}

  /** One line per file of the theme: built-in, overridden, or added by the project. */
  public static List<String> describe(SiteConfig config) {
    Theme theme = config.theme();
    List<String> lines = new ArrayList<>();
    for (String path : Theme.builtInPaths()) {
      ThemeFile file = theme.find(path).orElseThrow();
      lines.add(path + (file.overridden() ? "  overridden by " + file.display() : "  built in"));
    }
    for (ThemeFile file : theme.projectFiles()) {
      if (!Theme.builtInPaths().contains(file.path())) {
        lines.add(file.path() + "  added by " + file.display());
      }
    }
    return lines;
  }

  /**
   * Project files that override nothing but are one typo away from a built-in file they do not
   * override ({@code partials/questoin.peb}): probably meant as an override, so worth a warning.
   */
  public static List<String> likelyTypos(Theme theme) {
    List<String> overridable = new ArrayList<>(Theme.builtInPaths());
    List<ThemeFile> files = theme.projectFiles();
    files.forEach(f -> overridable.remove(f.path()));
    List<String> warnings = new ArrayList<>();
    for (ThemeFile file : files) {
      if (Theme.builtInPaths().contains(file.path()) || file.path().startsWith("i18n/")) {
        continue; // an override, or a new language's strings (checked with the others)
      }
      Optional<String> meant = Suggestions.closest(file.path(), overridable);
      meant.ifPresent(path -> warnings.add(file.display() + " overrides no file of the built-in theme; did you mean "
          + path + "? (mvn site:theme lists the theme's files)"));
    }
    return warnings;
  }

  /**
   * Copies the built-in file {@code path} into the templates folder, as {@code to} (or under its
   * own path when {@code to} is null or blank), where it overrides the built-in one.
   *
   * @return the file written
   * @throws DiagnosticException if there is no such built-in file, or the target exists
   */
  public static Path copy(SiteConfig config, String path, String to) {
    Theme theme = config.theme();
    String target = to == null || to.isBlank() ? path : to.strip();
    String display = theme.projectDisplay(target);
    Optional<ThemeFile> source = theme.findBuiltIn(path);
    if (source.isEmpty()) {
      String hint = Suggestions.closest(path, Theme.builtInPaths()).map(p -> "did you mean " + p + "? ").orElse("");
      throw fail(display, "the built-in theme has no file '" + path + "'; " + hint + "its files are "
          + Theme.builtInPaths());
    }
    Path file = config.templatesDir().resolve(target).normalize();
    if (!file.startsWith(config.templatesDir()) || target.contains("\\")) {
      throw fail(display, "the copy must go inside " + config.display(config.templatesDir()) + "/");
    }
    // A dangling link at the name counts as the file existing: a copy is never written through a link.
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw exists(display);
    }
    try {
      Files.createDirectories(file.getParent());
      if (!file.getParent().toRealPath().startsWith(config.templatesDir().toRealPath())) {
        throw fail(display, "a folder on the way is a symbolic link that leads outside "
            + config.display(config.templatesDir()) + "/; the copy must go inside it");
      }
      Files.write(file, source.get().readBytes(), StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      throw exists(display);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + display, e);
    }
    return file;
  }

  private static DiagnosticException exists(String display) {
    return fail(display, "this file exists already; delete it first to start again from the built-in one");
  }

  private static DiagnosticException fail(String display, String message) {
    return new DiagnosticException(Diagnostic.at(new SourceLocation(display, 1, 1), message));
  }
}

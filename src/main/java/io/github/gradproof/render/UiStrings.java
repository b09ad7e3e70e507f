package io.github.gradproof.render;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The interface strings of every page language, one file per language ({@code i18n/<lang>.yaml},
 * a flat map of key to text), each found by the {@link Theme}'s lookup: the project's file when it
 * has one, else the built-in one.
 *
 * <p>Every language needs the same keys: every key of the built-in theme, plus any key a project
 * file adds for its own templates. An overriding file replaces the built-in one whole, so a key
 * it lacks is an error naming the key and the file (never a silent fallback to another language's
 * text); a key in it that is a near miss of a missing one is reported as a typo.
 */
public final class UiStrings {

  private final Map<String, Map<String, String>> byLanguage;

  private UiStrings(Map<String, Map<String, String>> byLanguage) {
    this.byLanguage = byLanguage;
  }

  /**
   * Loads the strings of the given languages from a templates folder laid over the built-in theme.
   *
   * @param templatesDir the project's templates folder (it need not exist)
   * @param displayDir how to name that folder in messages
   * @throws DiagnosticException if a file is missing or malformed, or the key sets differ
   */
  public static UiStrings load(Path templatesDir, String displayDir, List<String> languages) {
    return load(Theme.layered(templatesDir, displayDir), languages);
  }

  /**
   * Loads the strings of the given languages from a theme.
   *
   * @throws DiagnosticException listing every problem: missing or malformed files, missing keys,
   *     unknown keys
   */
  public static UiStrings load(Theme theme, List<String> languages) {
    Map<String, UiStringsFile> files = new LinkedHashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (String language : languages) {
      Optional<ThemeFile> file = theme.find(path(language));
      if (file.isEmpty()) {
        problems.add(missingFile(theme, language));
        continue;
      }
      try {
        files.put(language, UiStringsFile.read(file.get()));
      } catch (DiagnosticException e) {
        problems.addAll(e.diagnostics());
      }
    }
    if (problems.isEmpty()) {
      problems.addAll(new KeyCheck(reference(theme), files).problems());
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
    files.forEach((language, file) -> byLanguage.put(language, file.strings()));
    return new UiStrings(Collections.unmodifiableMap(byLanguage));
  }

  /** The strings of one language, key to text. */
  public Map<String, String> of(String language) {
    Map<String, String> strings = byLanguage.get(language);
    if (strings == null) {
      throw new IllegalArgumentException("no UI strings for language '" + language + "'");
    }
    return strings;
  }

  /** One string. */
  public String get(String language, String key) {
    String text = of(language).get(key);
    if (text == null) {
      throw new IllegalArgumentException("no UI string '" + key + "' for language '" + language + "'");
    }
    return text;
  }

  /** The theme path of a language's strings. */
  static String path(String language) {
    return "i18n/" + language + ".yaml";
  }

  /** The built-in strings of the theme's first language: they define the keys every language needs. */
  private static UiStringsFile reference(Theme theme) {
    String language = Theme.builtInLanguages().get(0);
    return UiStringsFile.read(theme.findBuiltIn(path(language)).orElseThrow());
  }

  private static Diagnostic missingFile(Theme theme, String language) {
    String first = Theme.builtInLanguages().get(0);
    return Diagnostic.at(new SourceLocation(theme.projectDisplay(path(language)), 1, 1),
        "no UI strings for language '" + language + "': the built-in theme has " + Theme.builtInLanguages()
            + "; create this file with every key of the built-in " + path(first) + " translated (mvn site:theme"
            + " -Dgradproof.file=" + path(first) + " -Dgradproof.to=" + path(language) + " writes a copy to"
            + " translate), or leave '" + language + "' out of gradproof.languages");
  }

  /** Compares the key sets of the languages' files with the theme's keys. */
  private static final class KeyCheck {
    private final UiStringsFile reference;
    private final Map<String, UiStringsFile> files;
    private final List<Diagnostic> problems = new ArrayList<>();
    /** Keys a project file adds, with where they are first defined. */
    private final Map<String, SourceLocation> added = new LinkedHashMap<>();
    /** Keys a project file holds that are near misses of keys it lacks: reported once, as typos. */
    private final Map<UiStringsFile, Set<String>> typos = new LinkedHashMap<>();
    private final Map<UiStringsFile, Set<String>> fixedByTypo = new LinkedHashMap<>();

    KeyCheck(UiStringsFile reference, Map<String, UiStringsFile> files) {
      this.reference = reference;
      this.files = files;
    }

    List<Diagnostic> problems() {
      for (UiStringsFile file : files.values()) {
        if (file.file().overridden()) {
          findTyposAndAddedKeys(file);
        }
      }
      for (UiStringsFile file : files.values()) {
        checkComplete(file);
      }
      return problems;
    }

    private void findTyposAndAddedKeys(UiStringsFile file) {
      List<String> missing = reference.strings().keySet().stream().filter(k -> !file.strings().containsKey(k)).toList();
      for (String key : file.strings().keySet()) {
        if (reference.strings().containsKey(key)) {
          continue;
        }
        Optional<String> meant = Suggestions.closest(key, missing);
        if (meant.isPresent() && !fixedByTypo.getOrDefault(file, Set.of()).contains(meant.get())) {
          typos.computeIfAbsent(file, f -> new LinkedHashSet<>()).add(key);
          fixedByTypo.computeIfAbsent(file, f -> new LinkedHashSet<>()).add(meant.get());
          problems.add(Diagnostic.at(file.keys().get(key), "unknown UI string '" + key + "'; did you mean '"
              + meant.get() + "'? This file lacks '" + meant.get() + "', a key of the built-in theme"));
        } else {
          added.putIfAbsent(key, file.keys().get(key));
        }
      }
    }

    private void checkComplete(UiStringsFile file) {
      Set<String> skip = fixedByTypo.getOrDefault(file, Set.of());
      for (String key : reference.strings().keySet()) {
        if (!file.strings().containsKey(key) && !skip.contains(key)) {
          problems.add(Diagnostic.at(file.end(), "missing UI string '" + key + "': an overriding file replaces the"
              + " built-in one whole and needs every key of the built-in theme; add " + key + ": \""
              + reference.strings().get(key) + "\" translated (the built-in English text)"));
        }
      }
      for (Map.Entry<String, SourceLocation> key : added.entrySet()) {
        if (file.strings().containsKey(key.getKey()) || typos.getOrDefault(file, Set.of()).contains(key.getKey())) {
          continue;
        }
        if (file.file().overridden()) {
          problems.add(Diagnostic.at(file.end(), "missing UI string '" + key.getKey() + "', which " + key.getValue()
              + " adds; every language needs the same keys, so add it here too or remove it there"));
        } else {
          problems.add(Diagnostic.at(key.getValue(), "UI string '" + key.getKey() + "' is not a key of the built-in"
              + " theme, and the built-in " + file.file().path() + " lacks it; override " + file.file().path()
              + " as well (with every key) or remove this one"));
        }
      }
    }
  }
}

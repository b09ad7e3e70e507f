package io.github.gradproof.render;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.RealFiles;
import io.github.gradproof.diag.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The interface strings of every page language, read from {@code templates/i18n/<lang>.yaml}
 * (flat maps of key to text). All languages must define the same keys.
 */
public final class UiStrings {

  /** Largest UI strings file read, in bytes (1 MiB). */
  static final int MAX_BYTES = 1 << 20;

  private final Map<String, Map<String, String>> byLanguage;

  private UiStrings(Map<String, Map<String, String>> byLanguage) {
    this.byLanguage = byLanguage;
  }

  /**
   * Loads the strings of the given languages.
   *
   * @param templatesDir the templates folder
   * @param displayDir how to name that folder in messages
   * @throws DiagnosticException if a file is missing, malformed, or the key sets differ
   */
  public static UiStrings load(Path templatesDir, String displayDir, List<String> languages) {
    Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (String language : languages) {
      String display = displayDir + "/i18n/" + language + ".yaml";
      try {
        byLanguage.put(language, read(templatesDir.resolve("i18n").resolve(language + ".yaml"), templatesDir, display));
      } catch (DiagnosticException e) {
        problems.addAll(e.diagnostics());
      }
    }
    if (problems.isEmpty()) {
      problems.addAll(compareKeys(byLanguage, displayDir));
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
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

  private static Map<String, String> read(Path file, Path templatesDir, String display) {
    if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new DiagnosticException(
          Diagnostic.at(
              new SourceLocation(display, 1, 1),
              "missing UI strings file; copy templates/i18n/en.yaml to this name and translate its values"));
    }
    Object data;
    try {
      String text = RealFiles.readText(file, templatesDir, display, MAX_BYTES);
      data = new Load(LoadSettings.builder().setLabel(display).build()).loadFromString(text);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
      int column = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(1);
      throw new DiagnosticException(
          Diagnostic.at(new SourceLocation(display, line, column), "malformed YAML: " + e.getProblem()));
    } catch (YamlEngineException e) {
      throw new DiagnosticException(
          Diagnostic.at(new SourceLocation(display, 1, 1), "cannot read UI strings: " + e.getMessage()));
    }
    if (!(data instanceof Map<?, ?> map)) {
      throw new DiagnosticException(
          Diagnostic.at(new SourceLocation(display, 1, 1), "UI strings must be a map of key: text"));
    }
    Map<String, String> strings = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      strings.put(String.valueOf(entry.getKey()), String.valueOf(entry.getValue()));
    }
    return Collections.unmodifiableMap(strings);
  }

  private static List<Diagnostic> compareKeys(Map<String, Map<String, String>> byLanguage, String displayDir) {
    List<Diagnostic> problems = new ArrayList<>();
    TreeSet<String> all = new TreeSet<>();
    byLanguage.values().forEach(m -> all.addAll(m.keySet()));
    for (Map.Entry<String, Map<String, String>> entry : byLanguage.entrySet()) {
      TreeSet<String> missing = new TreeSet<>(all);
      missing.removeAll(entry.getValue().keySet());
      if (!missing.isEmpty()) {
        problems.add(
            Diagnostic.at(
                new SourceLocation(displayDir + "/i18n/" + entry.getKey() + ".yaml", 1, 1),
                "missing UI strings " + missing + "; add them so every language has the same keys"));
      }
    }
    return problems;
  }
}

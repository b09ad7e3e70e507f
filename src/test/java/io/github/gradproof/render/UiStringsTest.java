package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UI strings: each language's file from the theme's lookup, every key in every language, errors located. */
class UiStringsTest {

  @TempDir Path project;

  private Theme theme() {
    return Theme.layered(project.resolve("templates"), "templates");
  }

  private static String builtIn(String language) {
    return Theme.builtIn().findBuiltIn("i18n/" + language + ".yaml").orElseThrow().readText();
  }

  /** The built-in file without the line of one key. */
  private static String without(String text, String key) {
    String result = text.replaceAll("(?m)^" + java.util.regex.Pattern.quote(key) + ":.*\\n", "");
    if (result.equals(text)) {
      throw new IllegalArgumentException("no key " + key);
    }
    return result;
  }

  private void write(String language, String text) throws IOException {
    Path file = project.resolve("templates/i18n/" + language + ".yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private List<String> problems(List<String> languages) {
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> UiStrings.load(theme(), languages));
    return e.diagnostics().stream().map(Diagnostic::format).toList();
  }

  private static int lines(String text) {
    return (int) text.lines().count();
  }

  @Test
  void everyBuiltInLanguageHasTheSameKeys() {
    UiStrings ui = UiStrings.load(Theme.builtIn(), Theme.builtInLanguages());
    for (String language : Theme.builtInLanguages()) {
      assertEquals(ui.of("en").keySet(), ui.of(language).keySet(), language);
    }
    assertEquals("Español", ui.get("es", "language.name"));
  }

  @Test
  void anOverrideReplacesTheBuiltInFileForItsLanguageOnly() throws IOException {
    write("es", builtIn("es").replace("answer.show: \"Ver respuesta\"", "answer.show: \"Mostrar\""));
    UiStrings ui = UiStrings.load(theme(), List.of("en", "es"));
    assertEquals("Mostrar", ui.get("es", "answer.show"));
    assertEquals("Show answer", ui.get("en", "answer.show"));
  }

  @Test
  void aKeyMissingFromAnOverrideIsAnErrorNamingTheKeyAndTheFile() throws IOException {
    String text = without(builtIn("es"), "verify.title");
    write("es", text);
    assertEquals(List.of("templates/i18n/es.yaml:" + (lines(text) + 1) + ":1: missing UI string 'verify.title': an"
        + " overriding file replaces the built-in one whole and needs every key of the built-in theme; add"
        + " verify.title: \"How the answer was checked\" translated (the built-in English text)"), problems(List.of("en", "es")));
  }

  @Test
  void everyMissingKeyIsReported() throws IOException {
    write("en", without(without(builtIn("en"), "skip"), "nav.home"));
    List<String> problems = problems(List.of("en", "es"));
    assertEquals(2, problems.size(), problems.toString());
    assertEquals(true, problems.get(0).contains("'skip'") && problems.get(1).contains("'nav.home'"), problems.toString());
  }

  @Test
  void aMisspeltKeyIsReportedOnceWhereItIs() throws IOException {
    String text = builtIn("es").replace("verify.title:", "verify.titel:");
    write("es", text);
    int line = text.lines().toList().indexOf(text.lines().filter(l -> l.startsWith("verify.titel:")).findFirst()
        .orElseThrow()) + 1;
    assertEquals(List.of("templates/i18n/es.yaml:" + line + ":1: unknown UI string 'verify.titel'; did you mean"
        + " 'verify.title'? This file lacks 'verify.title', a key of the built-in theme"), problems(List.of("en", "es")));
  }

  @Test
  void aKeyOfTheProjectsOwnIsFineWhenEveryLanguageHasIt() throws IOException {
    write("en", builtIn("en") + "course.name: \"Deep learning\"\n");
    write("es", builtIn("es") + "course.name: \"Aprendizaje profundo\"\n");
    UiStrings ui = UiStrings.load(theme(), List.of("en", "es"));
    assertEquals("Aprendizaje profundo", ui.get("es", "course.name"));
  }

  @Test
  void aKeyOfTheProjectsOwnThatABuiltInLanguageLacksIsAnErrorWhereItIsDefined() throws IOException {
    String text = builtIn("en") + "course.name: \"Deep learning\"\n";
    write("en", text);
    assertEquals(List.of("templates/i18n/en.yaml:" + lines(text) + ":1: UI string 'course.name' is not a key of the"
        + " built-in theme, and the built-in i18n/es.yaml lacks it; override i18n/es.yaml as well (with every key) or"
        + " remove this one"), problems(List.of("en", "es")));
  }

  @Test
  void aKeyOfTheProjectsOwnThatAnotherOverrideLacksIsAnErrorInThatFile() throws IOException {
    String en = builtIn("en") + "course.name: \"Deep learning\"\n";
    write("en", en);
    write("es", builtIn("es"));
    assertEquals(List.of("templates/i18n/es.yaml:" + (lines(builtIn("es")) + 1) + ":1: missing UI string"
        + " 'course.name', which templates/i18n/en.yaml:" + lines(en) + ":1 adds; every language needs the same keys,"
        + " so add it here too or remove it there"), problems(List.of("en", "es")));
  }

  @Test
  void aLanguageWithoutUiStringsSaysHowToAddThem() {
    assertEquals(List.of("templates/i18n/fr.yaml:1:1: no UI strings for language 'fr': the built-in theme has"
        + " [en, es]; create this file with every key of the built-in i18n/en.yaml translated (mvn site:theme"
        + " -Dgradproof.file=i18n/en.yaml -Dgradproof.to=i18n/fr.yaml writes a copy to translate), or leave 'fr'"
        + " out of gradproof.languages"), problems(List.of("en", "es", "fr")));
  }

  @Test
  void aNewLanguageNeedsEveryKey() throws IOException {
    write("fr", without(builtIn("en"), "answer.show"));
    List<String> problems = problems(List.of("en", "es", "fr"));
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(true, problems.get(0).startsWith("templates/i18n/fr.yaml:") && problems.get(0).contains("'answer.show'"),
        problems.get(0));
  }

  @Test
  void malformedFilesAreLocated() throws IOException {
    write("en", "a: \"open\n");
    write("es", "- a list\n- of lines\n");
    write("fr", "ok: \"yes\"\nnested:\n  key: value\nlisted: [1, 2]\nok: \"again\"\n");
    List<String> problems = problems(List.of("en", "es", "fr"));
    assertEquals(true, problems.get(0).startsWith("templates/i18n/en.yaml:2:1: malformed YAML: "), problems.get(0));
    assertEquals("templates/i18n/es.yaml:1:1: UI strings must be a map of key: \"text\" lines", problems.get(1));
    assertEquals(List.of(
        "templates/i18n/fr.yaml:3:3: UI string 'nested' must be text, not a map; write nested: \"text\"",
        "templates/i18n/fr.yaml:4:9: UI string 'listed' must be text, not a list; write listed: \"text\"",
        "templates/i18n/fr.yaml:5:1: duplicate UI string 'ok' (first at line 1); keep one"),
        problems.subList(2, problems.size()));
  }

  @Test
  void emptyNonUtf8AndMultiDocumentFilesAreErrors() throws IOException {
    write("en", "# only a comment\n");
    Path es = project.resolve("templates/i18n/es.yaml");
    Files.write(es, new byte[] {'a', ':', ' ', (byte) 0xC3, '\n'});
    write("fr", builtIn("en") + "---\nmore: \"x\"\n");
    List<String> problems = problems(List.of("en", "es", "fr"));
    assertEquals(List.of(
        "templates/i18n/en.yaml:2:1: the file is empty; UI strings are a map of key: \"text\" lines",
        "templates/i18n/es.yaml:1:4: the file is not valid UTF-8: byte 0xC3 cannot start or continue a character"
            + " here; save the file as UTF-8",
        "templates/i18n/fr.yaml:" + (lines(builtIn("en")) + 1) + ":1: a second YAML document; UI strings are one map,"
            + " remove the '---'"), problems);
  }

  @Test
  void valuesKeepTheTextAsWritten() throws IOException {
    write("en", builtIn("en").replace("key.no: \"no\"", "key.no: no").replace("answer.and: \"and\"", "answer.and: 1.0"));
    UiStrings ui = UiStrings.load(theme(), List.of("en"));
    assertEquals("no", ui.get("en", "key.no"));
    assertEquals("1.0", ui.get("en", "answer.and"));
  }
}

package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.TestProject;
import io.github.gradproof.diag.DiagnosticException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} renders every page in memory and runs {@code generate}'s link check on them: a
 * broken link or a clashing id in a quiz file's Markdown or in a template fails both goals with
 * the same messages, and {@code check} still writes nothing.
 */
class CheckLinksTest {

  private static final String FILE = "data/quizzes/phase-31-x.yaml";

  @TempDir Path project;

  private SiteConfig config() {
    return TestProject.config(project, "data/quizzes", "site");
  }

  private void quizFile(String fixture) throws IOException {
    Path data = Files.createDirectories(project.resolve("data/quizzes"));
    try (var in = CheckLinksTest.class.getResourceAsStream("/links/" + fixture)) {
      Files.copy(in, data.resolve("phase-31-x.yaml"));
    }
  }

  /** The message both goals fail with (asserted equal); nothing is written. */
  private String problemsOfBothGoals() {
    SiteGenerator generator = SiteGenerator.standard(config(), BuildLog.silent());
    String byCheck = assertThrows(DiagnosticException.class, generator::check).getMessage();
    assertFalse(Files.exists(project.resolve("site")), "check writes nothing");
    String byGenerate = assertThrows(DiagnosticException.class, generator::generate).getMessage();
    assertEquals(byGenerate, byCheck);
    assertFalse(Files.exists(project.resolve("site")), "a failed build writes nothing");
    return byCheck;
  }

  @Test
  void aFragmentNoPageHasFailsCheckAsItFailsGenerate() throws IOException {
    quizFile("broken-anchor.yaml");
    assertEquals(FILE + ":19:23: link '#q-31-99' in the 'en' text of the explanation of question q-31-01 (on"
        + " en/phase-31-x.html) names an id that the target page does not have; link to an id the page has, such as a"
        + " question id: did you mean 'q-31-01'?\n\n"
        + FILE + ":19:23: link 'phase-31-x.html#nope' in the 'en' text of the explanation of question q-31-01 (on"
        + " en/phase-31-x.html) names an id that the target page does not have; link to an id the page has, such as a"
        + " question id", problemsOfBothGoals());
  }

  @Test
  void aLinkToAMissingPageOrAnotherHostFailsCheckAsItFailsGenerate() throws IOException {
    quizFile("missing-page.yaml");
    assertEquals(FILE + ":19:23: link 'phase-08-tensor-autograd.html' in the 'en' text of the explanation of question"
        + " q-31-01 (on en/phase-31-x.html) points to a file that is not in the site; fix the link target, or link to"
        + " an existing page (a phase page is phase-NN-slug.html)\n\n"
        + FILE + ":19:23: link '//evil.example/x' in the 'en' text of the explanation of question q-31-01 (on"
        + " en/phase-31-x.html) is protocol-relative: it leaves the site for the host 'evil.example'; write the full"
        + " address (https://...) for a page of another site, or a relative link into this one",
        problemsOfBothGoals());
  }

  /**
   * With the build cache on, a second build of the same broken input still locates the link in the
   * quiz file: the failed build dropped the cache entry of the phase whose page has it, so the phase
   * is rendered (and traced) again instead of taken from the cache.
   */
  @Test
  void aSecondCachedBuildOfABrokenLinkStillPointsAtTheQuizFile() throws IOException {
    quizFile("missing-page.yaml");
    BuildOptions cached = BuildOptions.DEFAULT.withCache(project.resolve("target/gradproof-cache"));
    String first = assertThrows(DiagnosticException.class,
        () -> SiteGenerator.standard(config(), BuildLog.silent(), cached).generate()).getMessage();
    String second = assertThrows(DiagnosticException.class,
        () -> SiteGenerator.standard(config(), BuildLog.silent(), cached).generate()).getMessage();
    assertTrue(first.startsWith(FILE + ":19:23: link 'phase-08-tensor-autograd.html'"), first);
    assertEquals(first, second);
  }

  @Test
  void aLinkCloseToAPageOfTheSiteNamesIt() throws IOException {
    quizFile("missing-page.yaml");
    Path file = project.resolve(FILE);
    Files.writeString(file, Files.readString(file).replace("es: \"Regla de la potencia.\"}",
        "es: \"Ver [fase 31](phase-31-y.html).\"}").replace(" and [c](//evil.example/x)", ""));
    String problems = problemsOfBothGoals();
    assertTrue(problems.endsWith(FILE + ":19:76: link 'phase-31-y.html' in the 'es' text of the explanation of"
        + " question q-31-01 (on es/phase-31-x.html) points to a file that is not in the site; fix the link target,"
        + " or link to an existing page (a phase page is phase-NN-slug.html): did you mean 'phase-31-x.html'?"),
        problems);
  }

  @Test
  void anIdThatClashesWithTheTemplatesFailsCheckAsItFailsGenerate() throws IOException {
    quizFile("id-clash.yaml");
    String advice = "', which another element of the page already has (the theme's or another question's); give the"
        + " question another id";
    assertEquals(FILE + ":6:5: question id 'main' gives its page the id 'main" + advice + "\n\n"
        + FILE + ":20:5: question id 'main-title' gives its page the id 'main-title" + advice + "\n\n"
        + FILE + ":34:5: question id 'toc-heading' gives its page the id 'toc-heading" + advice,
        problemsOfBothGoals(), "one problem for both languages' pages, at the question's id");
  }

  @Test
  void aBrokenLinkOfATemplateFailsCheckAsItFailsGenerate() throws IOException {
    quizFile("broken-anchor.yaml");
    Files.writeString(project.resolve("data/quizzes/phase-31-x.yaml"), Files.readString(
        project.resolve("data/quizzes/phase-31-x.yaml")).replace("See [q](#q-31-99) and [p](phase-31-x.html#nope).",
        "Power rule."));
    Path layout = Files.createDirectories(project.resolve("templates")).resolve("layout.peb");
    String builtIn = TestProject.defaults(project).theme().findBuiltIn("layout.peb").orElseThrow().readText();
    Files.writeString(layout, builtIn.replace("</head>", "<link rel=\"help\" href=\"help.html\">\n</head>"),
        StandardCharsets.UTF_8);
    String problems = problemsOfBothGoals();
    assertTrue(problems.contains("site/en/index.html:12:1: link 'help.html'"), problems);
    assertTrue(problems.contains("link 'help.html' points to a file that is not in the site"), problems);
  }

  @Test
  void aSoundSiteStillPassesCheck() throws IOException {
    quizFile("broken-anchor.yaml");
    Path file = project.resolve("data/quizzes/phase-31-x.yaml");
    Files.writeString(file, Files.readString(file).replace("[q](#q-31-99) and [p](phase-31-x.html#nope)",
        "[q](#q-31-01), [the index](index.html) and [p](phase-31-x.html#q-31-01)"));
    assertEquals(List.of(1), List.of(SiteGenerator.standard(config(), BuildLog.silent()).check().questionCount()));
    assertFalse(Files.exists(project.resolve("site")));
  }

  @Test
  void anOutputFolderGenerateWouldRefuseFailsCheckToo() throws IOException {
    quizFile("broken-anchor.yaml");
    Files.writeString(Files.createDirectories(project.resolve("site")).resolve("notes.txt"), "mine");
    SiteGenerator generator = SiteGenerator.standard(config(), BuildLog.silent());
    String byCheck = assertThrows(DiagnosticException.class, generator::check).getMessage();
    assertEquals(assertThrows(DiagnosticException.class, generator::generate).getMessage(), byCheck);
    assertTrue(byCheck.startsWith("site:1:1: the output 'site'"), byCheck);
    assertEquals(List.of("notes.txt"), List.of(project.resolve("site").toFile().list()));
  }
}

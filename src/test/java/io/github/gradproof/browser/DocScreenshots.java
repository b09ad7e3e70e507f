package io.github.gradproof.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.TestProject;
import io.github.gradproof.site.BuildLog;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.site.SiteGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Writes the README's screenshots: a phase page of this project's {@code data/} with every answer
 * and every technical detail open, at a phone's 390 px and a desktop's 1280 px, in every
 * language. Rerun after changing the theme or the data:
 *
 * <pre>
 * mvn test -Dtest=DocScreenshots -Dgradproof.screenshots=docs/screenshots
 * </pre>
 *
 * {@code -Dgradproof.screenshots.page=phase-08-tensor-autograd} picks the page (default: the first
 * phase page). Without {@code gradproof.screenshots} the test is skipped; the browser tests take
 * the same pictures of the test site into {@code target/screenshots/} with {@link #shoot}.
 */
class DocScreenshots {

  /** The widths pictured: a phone and a desktop, in CSS pixels. */
  static final List<Integer> WIDTHS = List.of(390, Browser.DESKTOP_WIDTH);
  private static final int HEIGHT = 844;

  /** {@link #WIDTHS}, as a parameter source. */
  static List<Integer> widths() {
    return WIDTHS;
  }

  @Test
  void writeTheReadmeScreenshots() {
    String out = System.getProperty("gradproof.screenshots");
    Assumptions.assumeTrue(out != null && !out.isBlank(),
        "set -Dgradproof.screenshots=docs/screenshots to write the README's screenshots");
    Path project = Path.of("").toAbsolutePath();
    Path site = project.resolve("target/doc-screenshots-site");
    SiteConfig config = TestProject.defaults(project).withOutputDir(site);
    SiteGenerator.standard(config, BuildLog.silent()).generate();
    String page = System.getProperty("gradproof.screenshots.page", firstPhasePage(site.resolve(config.languages().get(0))));
    List<Path> written = shoot(Browser.shared(), site, page, project.resolve(out), config.languages());
    written.forEach(file -> System.out.println("[screenshots] wrote " + project.relativize(file)));
  }

  /**
   * Pictures {@code page} ({@code phase-08-tensor-autograd}) of each language with every
   * {@code details} open, full length, at each of {@link #WIDTHS}, as
   * {@code <page>-<lang>-<width>.png} in {@code dir}.
   */
  static List<Path> shoot(Browser browser, Path site, String page, Path dir, List<String> languages) {
    List<Path> written = new ArrayList<>();
    try {
      for (String language : languages) {
        for (int width : WIDTHS) {
          browser.emulatePhone(width, HEIGHT);
          browser.open(site.resolve(language).resolve(page + ".html"));
          browser.openAllDetails();
          Map<String, Number> extent = browser.js("const e = document.documentElement;"
              + " return {w: e.scrollWidth, h: e.scrollHeight};");
          Path file = dir.resolve(page + "-" + language + "-" + width + ".png");
          browser.screenshotFullPage(file, extent.get("w").intValue(), extent.get("h").intValue());
          byte[] png = Files.readAllBytes(file);
          assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', file + " is a PNG");
          written.add(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      browser.resetViewport();
    }
    return written;
  }

  private static String firstPhasePage(Path languageDir) {
    try (Stream<Path> files = Files.list(languageDir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("phase-.*\\.html")).sorted()
          .findFirst().orElseThrow(() -> new IllegalStateException("no phase page in " + languageDir))
          .replaceAll("\\.html$", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.render.VerificationJson;
import io.github.gradproof.verify.PhaseResult;
import io.github.gradproof.verify.WorkLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the files of one verified phase, on a worker thread: its page and Markdown mirror in
 * every language, the link facts of its pages and its {@code verification.json} entry. Both goals
 * render through it: {@code generate} then writes the files, {@code check} keeps only the facts.
 */
final class PhasePages {

  private PhasePages() {}

  /**
   * A phase's files (pages, then mirrors, as paths relative to the site's root and their texts),
   * the link facts of its pages ({@code null} for a mirror) and its JSON entry.
   */
  record Rendered(List<String> paths, List<String> texts, List<LinkChecker.PageFacts> facts, byte[] fragment) {}

  /**
   * Renders phase {@code i} of {@code run} with {@code renderers}, scanning its pages with
   * {@code links}; {@code null} when rendering failed, with the failure or problem in the phase's slot.
   */
  static Rendered render(BuildRun run, ThemeRenderers renderers, LinkChecker links, Phase phase, int i,
      PhaseResult result) {
    long t = System.nanoTime();
    try {
      return render(run.config.languages(), renderers, links, phase, result);
    } catch (RuntimeException e) {
      run.slots().failed(i, e);
      return null;
    } catch (OutOfMemoryError e) {
      // A phase's pages are small: running out here means the heap is too small for the build or
      // held by a question verified at the same time. The rendered text is unreachable again, so
      // the build goes on and fails with this located problem instead of a crash.
      run.slots().problems(i, List.of(Diagnostic.at(new SourceLocation(phase.sourcePath(), 1, 1),
          "rendering the pages of this phase ran out of memory (the Java heap holds at most "
          + WorkLimits.bytes(Runtime.getRuntime().maxMemory()) + "); give the build more memory "
          + "(MAVEN_OPTS=-Xmx2g), or verify one question at a time with -Dgradproof.threads=1")));
      return null;
    } finally {
      run.renderNanos.add(System.nanoTime() - t);
    }
  }

  private static Rendered render(List<String> languages, ThemeRenderers renderers, LinkChecker links, Phase phase,
      PhaseResult result) {
    List<String> paths = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (String language : languages) {
      paths.add(language + "/" + phase.pageName() + ".html");
      texts.add(renderers.pages().phasePage(language, result));
    }
    for (String language : languages) {
      paths.add("md/" + language + "/" + phase.pageName() + ".md");
      texts.add(renderers.mirror().render(language, result));
    }
    List<LinkChecker.PageFacts> facts = new ArrayList<>();
    for (int f = 0; f < paths.size(); f++) {
      facts.add(paths.get(f).endsWith(".html") ? links.pageFacts(texts.get(f)) : null);
    }
    for (int l = 0; l < languages.size(); l++) {
      links.trace(paths.get(l), AuthorOrigins.of(phase, languages.get(l), facts.get(l)));
    }
    return new Rendered(paths, texts, facts, VerificationJson.phaseFragment(result));
  }

  /** Tells {@code links} about a file of a phase: a page with its facts, or another file ({@code null} facts). */
  static void addToLinks(LinkChecker links, String path, LinkChecker.PageFacts facts) {
    if (facts != null) {
      links.add(path, facts);
    } else {
      links.addFile(path);
    }
  }
}

package io.github.gradproof.site;

import io.github.gradproof.SampleQuiz;
import io.github.gradproof.quiz.Phase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A child process for {@link OneBuildAtATimeTest}: builds a sample site into {@code args[0]/site},
 * and while it holds the output (during verification) prints {@code holding} and waits for a line
 * on its input before going on, so the test decides when it lets go.
 */
public final class HeldBuildMain {

  private HeldBuildMain() {}

  public static void main(String[] args) {
    Path project = Path.of(args[0]);
    Path templates = Path.of(args[1]);
    SiteConfig config = new SiteConfig(project, Path.of("data"), templates, Path.of("site"), List.of("en", "es"));
    AtomicBoolean first = new AtomicBoolean(true);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    TestPipeline.generator(config, List.of(SampleQuiz.phase("Child")), (Phase p) -> {
      if (first.getAndSet(false)) {
        System.out.println("holding");
        System.out.flush();
        try {
          in.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return SampleQuiz.result(p);
    }, BuildOptions.DEFAULT.withThreads(1)).generate();
    System.out.println("published");
  }
}

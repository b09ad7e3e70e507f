package io.github.gradproof.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.CourseFixture;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code site:serve} when a build really runs out of memory (limits raised above a 64 MiB heap, as
 * when an estimate misses): the preview shows the located error, keeps watching, and serves the
 * pages again once the file is fixed. Run in a child JVM so that only its small heap runs out.
 */
class DevServerOutOfMemoryTest {

  private static final String PAGE = "en/phase-08-tensor-autograd.html";
  private static final String HEAVY = "data/quizzes/phase-09-heavy.yaml";

  @TempDir Path project;

  @Test
  void theWatcherSurvivesARealOutOfMemoryErrorAndShowsItLocated() throws Exception {
    Path quizzes = Files.createDirectories(project.resolve("data/quizzes"));
    Files.copy(CourseFixture.PHASE_8, quizzes.resolve("phase-08-tensor-autograd.yaml"));
    Files.copy(Path.of(DevServerOutOfMemoryTest.class.getResource("/limits/phase-09-heavy.yaml").toURI()),
        project.resolve(HEAVY));
    String java = Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
        .toString();
    // One processor, so one worker thread: the heavy question is the one that runs out of memory
    // (with two, a Phase 8 question verified beside it can be the allocation that fails).
    Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:ActiveProcessorCount=1", "-cp", System.getProperty("java.class.path"),
        ServeOutOfMemoryMain.class.getName(), project.toString()).redirectErrorStream(true).start();
    try (OutputStream console = child.getOutputStream()) {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String url = address(out);

      HttpResponse<String> failed = PreviewClient.await(url + PAGE, r -> r.statusCode() == 500);
      assertTrue(failed.body().contains(HEAVY + ":8:5: q-09-01: verifying this question ran out of memory"),
          failed.body());

      Files.delete(project.resolve(HEAVY));
      HttpResponse<String> back = PreviewClient.await(url + PAGE, r -> r.statusCode() == 200);
      assertTrue(back.body().contains("Phase 8 — Tensor autograd"));

      console.write("\n".getBytes(StandardCharsets.US_ASCII));
      console.flush();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the preview did not stop on a blank line");
      assertEquals(0, child.exitValue());
    } finally {
      child.destroyForcibly();
    }
  }

  /** The address from the preview's "serving http://127.0.0.1:PORT/ ..." line. */
  private static String address(BufferedReader out) throws Exception {
    Pattern serving = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+/)");
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      Matcher m = serving.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "child-output");
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
    }
    throw new AssertionError("the preview never started:\n" + seen);
  }
}

package io.github.gradproof.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.CourseFixture;
import io.github.gradproof.TestProject;
import io.github.gradproof.site.BuildLog;
import io.github.gradproof.site.SiteConfig;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code site:serve} with a work bomb saved into the data folder: the rebuild refuses it at once
 * and the preview shows the located refusal; the watcher keeps rebuilding, and removing the file
 * brings the pages back.
 */
class DevServerLimitsTest {

  private static final String PAGE = "en/phase-08-tensor-autograd.html";
  private static final String BOMB = "data/quizzes/phase-09-bomb.yaml";

  @TempDir Path project;

  @Test
  void aRefusedQuestionIsAnErrorPageAndTheWatcherKeepsRebuilding() throws Exception {
    Path quizzes = Files.createDirectories(project.resolve("data/quizzes"));
    Files.copy(CourseFixture.PHASE_8, quizzes.resolve("phase-08-tensor-autograd.yaml"));
    SiteConfig config = TestProject.config(project, "data/quizzes", "site");
    try (DevServer server = Preview.server(config, project.resolve("target/gradproof-serve"), 0, BuildLog.silent())) {
      server.start();
      assertEquals(200, PreviewClient.get(server.url() + PAGE).statusCode());

      Path source = Path.of(DevServerLimitsTest.class.getResource("/bad/work-bomb-chained-matmuls.yaml").toURI());
      String bomb = Files.readString(source, StandardCharsets.UTF_8)
          .replace("phase: 1\nslug: bad", "phase: 9\nslug: bomb").replace("q-01-01", "q-09-01");
      long saved = System.nanoTime();
      Files.writeString(project.resolve(BOMB), bomb, StandardCharsets.UTF_8);
      HttpResponse<String> refused = PreviewClient.await(server.url() + PAGE, r -> r.statusCode() == 500);
      double seconds = (System.nanoTime() - saved) / 1e9;
      assertTrue(refused.body().contains(BOMB + ":14:9: q-09-01: this question is too costly to verify"),
          refused.body());
      assertTrue(refused.body().contains("gradproof.maxWork"), refused.body());
      assertTrue(seconds < 20, "the refusal took " + seconds + " s, watcher delay included");

      Files.delete(project.resolve(BOMB));
      HttpResponse<String> back = PreviewClient.await(server.url() + PAGE, r -> r.statusCode() == 200);
      assertTrue(back.body().contains("Phase 8 — Tensor autograd"));
    }
  }
}

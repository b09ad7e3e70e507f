package io.github.gradproof.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.CourseFixture;
import io.github.gradproof.TestProject;
import io.github.gradproof.site.BuildLog;
import io.github.gradproof.site.BuildOptions;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.site.SiteGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview server on a free loopback port: edit, break and fix a quiz file while it runs. */
class DevServerTest {

  private static final String PAGE = "en/phase-08-tensor-autograd.html";
  /** The fixture's Phase 8 file in the test's project, as diagnostics show it. */
  private static final String PHASE_8 = "data/quizzes/phase-08-tensor-autograd.yaml";

  @TempDir Path project;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void servesRebuildsShowsErrorsAndRecovers() throws Exception {
    Path quiz = project.resolve(PHASE_8);
    Files.createDirectories(quiz.getParent());
    String original = CourseFixture.phase8();
    Files.writeString(quiz, original, StandardCharsets.UTF_8);
    SiteConfig config = TestProject.config(project, "data/quizzes", "target/serve/site");
    Path cache = project.resolve("target/serve/cache");
    try (DevServer server = new DevServer(config, 0, BuildLog.silent(),
        c -> SiteGenerator.standard(c, BuildLog.silent(), BuildOptions.DEFAULT.withCache(cache)))) {
      server.start();
      assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());

      HttpResponse<String> first = get(server, PAGE);
      assertEquals(200, first.statusCode());
      assertTrue(first.body().contains("Phase 8 — Tensor autograd"));
      assertTrue(first.body().contains(DevServer.VERSION_PATH), "served pages carry the reload hook");
      assertFalse(Files.readString(project.resolve("target/serve/site/" + PAGE)).contains(DevServer.VERSION_PATH),
          "the files on disk never carry the reload hook");

      Files.writeString(quiz, original.replace("Phase 8 — Tensor autograd", "Phase 8 — Edited live"), StandardCharsets.UTF_8);
      HttpResponse<String> edited = awaitPage(server, r -> r.body().contains("Phase 8 — Edited live"));
      assertEquals(200, edited.statusCode());

      Files.writeString(quiz, original.replace("answer: [1, 2]", "answer: [1, 3]"), StandardCharsets.UTF_8);
      HttpResponse<String> broken = awaitPage(server, r -> r.statusCode() == 500);
      assertTrue(broken.body().contains(PHASE_8 + ":"), broken.body());
      assertTrue(broken.body().contains("q-08-02"), broken.body());

      Files.writeString(quiz, original, StandardCharsets.UTF_8);
      HttpResponse<String> fixed = awaitPage(server, r -> r.statusCode() == 200);
      assertTrue(fixed.body().contains("Phase 8 — Tensor autograd"));
      assertEquals(404, get(server, "en/nothing-here.html").statusCode());
      assertEquals(400, get(server, "../../etc/passwd").statusCode(), "a path out of the site is malformed");
    }
  }

  @Test
  void previewBuildsIntoItsWorkFolderAndStopsOnABlankLine() throws Exception {
    Path quiz = project.resolve(PHASE_8);
    Files.createDirectories(quiz.getParent());
    Files.copy(CourseFixture.PHASE_8, quiz);
    SiteConfig config = TestProject.config(project, "data/quizzes", "site");
    DevServer server = Preview.server(config, project.resolve("target/gradproof-serve"), 0, BuildLog.silent());
    Preview.serveUntilStopped(server, new ByteArrayInputStream("keep going\n\nnot read\n".getBytes(StandardCharsets.UTF_8)),
        BuildLog.silent());
    assertEquals(1, server.buildCount());
    assertTrue(Files.isRegularFile(project.resolve("target/gradproof-serve/site/" + PAGE)));
    assertTrue(Files.isDirectory(project.resolve("target/gradproof-serve/cache")), "rebuilds use a cache");
    assertFalse(Files.exists(project.resolve("site")), "the preview never writes the project's own site");
    assertFalse(server.isServing(), "stopped after the blank line");
    assertTrue(connectionRefused(server), "nothing answers on the port once stopped");
  }

  /**
   * Whether a connection to the stopped server is refused. A loopback connect to a free port in
   * the ephemeral range can, rarely, connect the client to itself (TCP simultaneous open) when
   * the kernel picks that very port as the source; so a few attempts are allowed.
   */
  private boolean connectionRefused(DevServer server) throws InterruptedException {
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        get(server, PAGE);
      } catch (ConnectException refused) {
        return true;
      } catch (IOException selfConnected) {
        // the client talked to itself; try again from another source port
      }
    }
    return false;
  }

  private HttpResponse<String> awaitPage(DevServer server, Predicate<HttpResponse<String>> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    HttpResponse<String> response = get(server, PAGE);
    while (!done.test(response)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the server did not rebuild within 30 s; last status " + response.statusCode());
      }
      Thread.sleep(100);
      response = get(server, PAGE);
    }
    return response;
  }

  private HttpResponse<String> get(DevServer server, String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(10)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}

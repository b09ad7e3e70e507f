package io.github.gradproof.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.SampleQuiz;
import io.github.gradproof.TestProject;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.render.Theme;
import io.github.gradproof.site.BuildLog;
import io.github.gradproof.site.BuildOptions;
import io.github.gradproof.site.Pipeline;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.site.SiteGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview server over real sockets: only this machine's Host names are answered, malformed
 * requests get 400 (each rule in {@link LoopbackHttpServerTest}), slow clients stall nobody, and
 * the rebuild loop survives any failure (an OutOfMemoryError included) and folders that vanish
 * and come back.
 */
class DevServerHardeningTest {

  private static final String PAGE = "en/phase-03-sample.html";

  @TempDir Path project;
  private final AtomicBoolean outOfMemory = new AtomicBoolean();
  private DevServer server;

  @BeforeEach
  void start() throws IOException {
    Files.createDirectories(project.resolve("data"));
    Files.writeString(project.resolve("data/title.txt"), "First", StandardCharsets.UTF_8);
    SiteConfig config = new SiteConfig(project, Path.of("data"), Path.of("templates"), Path.of("target/serve/site"),
        List.of("en", "es"));
    Pipeline pipeline = new Pipeline("test", (cfg, executor, problems) -> List.of(SampleQuiz.phase(title(cfg))),
        this::verify);
    server = new DevServer(config, 0, BuildLog.silent(),
        c -> new SiteGenerator(c, BuildLog.silent(), pipeline, BuildOptions.DEFAULT), Duration.ofSeconds(2));
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The phase title, read from {@code data/title.txt}: a data folder the build depends on. */
  private static String title(SiteConfig config) {
    try {
      return Files.readString(config.dataDir().resolve("title.txt"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DiagnosticException(Diagnostic.at(new SourceLocation("data", 1, 1), "no data: " + e));
    }
  }

  private io.github.gradproof.verify.PhaseResult verify(Phase phase) {
    if (outOfMemory.get()) {
      throw new OutOfMemoryError("Java heap space");
    }
    return SampleQuiz.result(phase);
  }

  private int port() {
    return Integer.parseInt(server.url().replaceAll(".*:(\\d+)/", "$1"));
  }

  /** Sends raw bytes and returns the whole response. */
  private String raw(byte[] request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String raw(String request) throws IOException {
    return raw(request.replace("PORT", Integer.toString(port())).getBytes(StandardCharsets.ISO_8859_1));
  }

  private static int status(String response) {
    assertTrue(response.startsWith("HTTP/1.1 "), response);
    return Integer.parseInt(response.substring(9, 12));
  }

  private String get(String path) throws IOException {
    return raw("GET /" + path + " HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\n\r\n");
  }

  @Test
  void answersOnlyThisMachinesHostNames() throws IOException {
    assertEquals(200, status(raw("GET /" + PAGE + " HTTP/1.1\r\nHost: localhost:PORT\r\n\r\n")));
    assertEquals(421, status(raw("GET /" + PAGE + " HTTP/1.1\r\nHost: evil.example:PORT\r\n\r\n")));
    assertEquals(400, status(raw("GET /%00 HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\n\r\n")));
  }

  @Test
  void slowClientsStallNobodyAndAreCutOff() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Socket socket = new Socket("127.0.0.1", port());
        socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        slow.add(socket);
      }
      Socket silent = new Socket("127.0.0.1", port());
      slow.add(silent);
      long start = System.nanoTime();
      assertEquals(200, status(get(PAGE)), "served while nine clients hold connections");
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(),
          "served before the slow clients' head timeout, so it did not wait for them");
      for (Socket socket : slow) {
        socket.setSoTimeout(20_000);
        String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertEquals(408, status(response), "a client that never finishes its head is answered 408 and closed");
      }
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  @Test
  void theRebuildLoopSurvivesAnOutOfMemoryErrorAndShowsIt() throws Exception {
    outOfMemory.set(true);
    Files.writeString(project.resolve("data/title.txt"), "Second", StandardCharsets.UTF_8);
    String failed = await(r -> status(r) == 500);
    assertTrue(failed.contains("java.lang.OutOfMemoryError: Java heap space"), failed);
    outOfMemory.set(false);
    Files.writeString(project.resolve("data/title.txt"), "Third", StandardCharsets.UTF_8);
    assertTrue(await(r -> status(r) == 200).contains("Third"), "the watcher still rebuilds after the error");
  }

  @Test
  void theWatcherRecoversWhenFoldersVanishAndReturn() throws Exception {
    TestProject.deleteTree(project.resolve("data"));
    assertTrue(await(r -> status(r) == 500).contains("no data"), "the missing data folder is shown");
    Files.createDirectories(project.resolve("data"));
    Files.writeString(project.resolve("data/title.txt"), "Back again", StandardCharsets.UTF_8);
    assertTrue(await(r -> status(r) == 200 && r.contains("Back again")).contains("Back again"));

    // No templates folder at the start: the built-in theme. One created later is watched, and so
    // is one that is renamed away (the built-in theme is back) and returns.
    overrideLayout("Theme one");
    assertTrue(await(r -> status(r) == 200 && r.contains("Theme one")).contains("Theme one"));
    Path templates = project.resolve("templates");
    Path aside = project.resolve("templates-aside");
    Files.move(templates, aside);
    assertTrue(await(r -> status(r) == 200 && !r.contains("Theme one")).contains("Back again"),
        "without the templates folder the built-in theme renders the page");
    Files.move(aside, templates);
    assertTrue(await(r -> status(r) == 200 && r.contains("Theme one")).contains("Theme one"));
    overrideLayout("Theme two");
    assertTrue(await(r -> status(r) == 200 && r.contains("Theme two")).contains("Theme two"),
        "the returned templates folder is watched again");
  }

  /** Overrides the built-in layout with a copy that shows {@code marker} in every page. */
  private void overrideLayout(String marker) throws IOException {
    String builtIn = Theme.builtIn().findBuiltIn("layout.peb").orElseThrow().readText();
    assertTrue(builtIn.contains("</body>"), "the built-in layout ends its body");
    Path layout = project.resolve("templates/layout.peb");
    Files.createDirectories(layout.getParent());
    Files.writeString(layout, builtIn.replace("</body>", "<!-- " + marker + " --></body>"), StandardCharsets.UTF_8);
  }

  private String await(Predicate<String> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String response = get(PAGE);
    while (!done.test(response)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no such page within 30 s; last:\n" + response);
      }
      Thread.sleep(50);
      response = get(PAGE);
    }
    return response;
  }
}

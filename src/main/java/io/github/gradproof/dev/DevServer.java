package io.github.gradproof.dev;

import io.github.gradproof.dev.LoopbackHttpServer.Response;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.render.Html;
import io.github.gradproof.site.BuildLog;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.site.SiteGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The live preview behind {@code mvn site:serve}: builds the site into a private folder, serves
 * it on a loopback address, rebuilds when a watched file changes, and makes open pages reload.
 *
 * <p>The reload hook is injected into served HTML only; the files on disk are the same bytes
 * {@code site:generate} writes. A failed build does not stop the server, whatever the failure
 * (located problems, an unexpected exception, even an {@link Error} such as an
 * {@code OutOfMemoryError}): every page then shows the error, and the next successful build brings
 * the pages back. The HTTP side ({@link LoopbackHttpServer}) answers only this machine's Host
 * names and cannot be stalled by slow clients.
 */
public final class DevServer implements AutoCloseable {

  /** Path of the build-version endpoint the reload hook polls. */
  static final String VERSION_PATH = "/__gradproof/version";

  private static final String RELOAD_HOOK =
      "<script>(function(){var seen=null;function poll(){fetch('" + VERSION_PATH + "',{cache:'no-store'})"
          + ".then(function(r){return r.text();}).then(function(v){if(seen===null){seen=v;}"
          + "else if(v!==seen){location.reload();}}).catch(function(){}).then(function(){setTimeout(poll,500);});}"
          + "poll();})();</script>";

  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "json", "application/json",
      "md", "text/markdown; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png");

  private final SiteConfig config;
  private final BuildLog log;
  private final Function<SiteConfig, SiteGenerator> generators;
  private final LoopbackHttpServer server;
  private final AtomicLong version = new AtomicLong();
  private volatile String failure;
  private FileWatcher watcher;

  /**
   * Creates a server; nothing runs until {@link #start()}.
   *
   * @param config the project's configuration; its output folder is where the preview is built
   * @param port the loopback port, or 0 for any free one
   * @param generators makes a generator for a configuration (called for every rebuild)
   */
  public DevServer(SiteConfig config, int port, BuildLog log, Function<SiteConfig, SiteGenerator> generators) {
    this(config, port, log, generators, LoopbackHttpServer.HEAD_TIMEOUT);
  }

  /** A server that gives clients {@code headTimeout} to send a request head (tests use a short one). */
  DevServer(SiteConfig config, int port, BuildLog log, Function<SiteConfig, SiteGenerator> generators,
      Duration headTimeout) {
    this.config = config;
    this.log = log;
    this.generators = generators;
    this.server = new LoopbackHttpServer(port, this::handle, headTimeout);
  }

  /** Builds once, starts serving and watching the data and templates folders. */
  public void start() {
    rebuild();
    server.start();
    watcher = FileWatcher.start(java.util.List.of(config.dataDir(), config.templatesDir()), this::rebuild);
    log.info("serving " + url() + " (watching " + config.displaySource(config.dataDir()) + " and "
        + config.display(config.templatesDir()) + ")");
  }

  /** The address pages are served at, e.g. {@code http://127.0.0.1:8000/}. */
  public String url() {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  /** Whether the server still listens for connections (false once closed). */
  public boolean isServing() {
    return server.isListening();
  }

  /** How many builds have finished, successful or not. */
  public long buildCount() {
    return version.get();
  }

  /**
   * Rebuilds the site now; failures are shown in the browser and logged, never thrown: not even an
   * {@link Error}, so that the watcher that calls this keeps running. (After an
   * {@code OutOfMemoryError} the build's memory is unreachable again, and the next build starts
   * afresh.)
   */
  public synchronized void rebuild() {
    try {
      generators.apply(config).generate();
      failure = null;
      log.info("rebuilt " + url());
    } catch (DiagnosticException e) {
      failure = e.getMessage();
      log.warn("build failed; the browser shows the problems:\n" + e.getMessage());
    } catch (RuntimeException | Error e) {
      failure = "the build failed unexpectedly: " + e + "\nThe server keeps running; save a file to build again.";
      log.warn("build failed unexpectedly: " + e);
    } finally {
      version.incrementAndGet();
    }
  }

  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
    server.close();
  }

  private Response handle(HttpRequestHead request) throws IOException {
    if (request.path().equals(VERSION_PATH)) {
      return Response.text(200, Long.toString(version.get()));
    }
    return serveFile(request.path());
  }

  private Response serveFile(String path) throws IOException {
    String relative = path.endsWith("/") ? path.substring(1) + "index.html" : path.substring(1);
    Path file = config.outputDir().resolve(relative).normalize();
    String type = TYPES.getOrDefault(extension(file), "application/octet-stream");
    String error = failure;
    if (error != null && type.startsWith("text/html")) {
      return new Response(500, type, errorPage(error).getBytes(StandardCharsets.UTF_8));
    } else if (!file.startsWith(config.outputDir()) || !Files.isRegularFile(file)) {
      return Response.text(404, "not found: " + path);
    } else if (type.startsWith("text/html")) {
      String html = Files.readString(file, StandardCharsets.UTF_8);
      return new Response(200, type, withReloadHook(html).getBytes(StandardCharsets.UTF_8));
    }
    return new Response(200, type, Files.readAllBytes(file));
  }

  static String withReloadHook(String html) {
    int end = html.lastIndexOf("</body>");
    return end < 0 ? html + RELOAD_HOOK : html.substring(0, end) + RELOAD_HOOK + "\n" + html.substring(end);
  }

  static String errorPage(String message) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>gradproof: build failed</title>\n"
        + "<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
        + "pre{white-space:pre-wrap;background:#fff0f0;color:#5c0011;padding:1rem;border-radius:6px}</style>\n"
        + "</head>\n<body>\n<h1>Build failed</h1>\n<p>Fix the file and save; this page reloads by itself.</p>\n<pre class=\"gradproof-error\">"
        + Html.escape(message) + "</pre>\n" + RELOAD_HOOK + "\n</body>\n</html>\n";
  }

  private static String extension(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}

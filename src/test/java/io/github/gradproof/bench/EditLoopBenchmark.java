package io.github.gradproof.bench;

import io.github.gradproof.dev.DevServer;
import io.github.gradproof.dev.Preview;
import io.github.gradproof.site.BuildLog;
import io.github.gradproof.site.SiteConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The edit loop of {@code mvn site:serve}, measured as an author sees it (docs/BENCHMARKS.md):
 * a preview of a P-phase corpus runs in this JVM; each round saves one quiz file with a new
 * title, then polls the served page every 2 ms until it shows that title. The time from the file
 * write to the first changed response is reported (median, minimum, maximum). Phases edited are
 * spread over the corpus; the first rounds warm the JVM and are not counted. The process's CPU
 * time per edit is reported too: on a shared machine it moves less than the wall time.
 *
 * <pre>java -cp ... io.github.gradproof.bench.EditLoopBenchmark WORK_DIR [P=1000] [ROUNDS=15]</pre>
 *
 * <p>Give it the JVM options of {@code .mvn/jvm.config} (docs/BENCHMARKS.md shows how): {@code mvn
 * site:serve} runs in Maven's JVM with them, and the JVM's defaults measure another loop.
 */
public final class EditLoopBenchmark {

  private EditLoopBenchmark() {}

  /** {@code WORK_DIR [P] [ROUNDS]}. */
  public static void main(String[] args) throws Exception {
    Path work = Path.of(args.length > 0 ? args[0] : "/tmp/gradproof-edit-loop");
    int p = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    int warm = 5;
    Path data = work.resolve("corpus-" + p);
    if (!Files.isDirectory(data) || Files.list(data).count() != p) {
      CorpusGenerator.write(data, 1, p);
    }
    Path project = Path.of("").toAbsolutePath();
    SiteConfig config = new SiteConfig(project, data, project.resolve("templates"), work.resolve("site"),
        SiteConfig.DEFAULT_LANGUAGES);
    HttpClient client = HttpClient.newHttpClient();
    double[] millis = new double[rounds];
    double[] cpu = new double[rounds];
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long start = System.nanoTime();
    try (DevServer server = Preview.server(config, work.resolve("serve"), 0, BuildLog.silent())) {
      server.start();
      System.out.printf(Locale.ROOT, "first build of %d phases: %.2f s%n", p, (System.nanoTime() - start) / 1e9);
      for (int r = -warm; r < rounds; r++) {
        int phase = 1 + Math.floorMod(r * 379 + 17, p);
        String name = String.format(Locale.ROOT, "phase-%02d-bench-%d", phase, phase);
        URI page = URI.create(server.url() + "en/" + name + ".html");
        Path file = data.resolve(name + ".yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String mark = "Benchmark (edit " + Long.toString(System.nanoTime(), 36) + ")";
        String edited = text.replaceFirst("Benchmark( \\(edit [0-9a-z]+\\))?\"", mark + "\"");
        long c = os.getProcessCpuTime();
        long t = System.nanoTime();
        Files.writeString(file, edited, StandardCharsets.UTF_8);
        while (!get(client, page).contains(mark)) {
          Thread.sleep(2);
          if (System.nanoTime() - t > 60_000_000_000L) {
            throw new IllegalStateException("the page did not change within 60 s");
          }
        }
        double ms = (System.nanoTime() - t) / 1e6;
        if (r >= 0) {
          millis[r] = ms;
          cpu[r] = (os.getProcessCpuTime() - c) / 1e6;
        }
        Thread.sleep(300); // let the server settle before the next save
      }
    }
    Arrays.sort(millis);
    System.out.printf(Locale.ROOT, "P = %d: file write to changed page, %d rounds: median %.0f ms, min %.0f ms,"
        + " max %.0f ms; all: %s%n", p, rounds, millis[rounds / 2], millis[0], millis[rounds - 1],
        Arrays.toString(Arrays.stream(millis).map(Math::round).toArray()));
    Arrays.sort(cpu);
    System.out.printf(Locale.ROOT, "CPU time of this process per edit (all threads, polling included): median %.0f ms,"
        + " min %.0f ms; load average %.1f%n", cpu[rounds / 2], cpu[0], os.getSystemLoadAverage());
  }

  private static String get(HttpClient client, URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return response.body();
  }
}

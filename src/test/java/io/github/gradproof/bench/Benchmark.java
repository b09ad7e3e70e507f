package io.github.gradproof.bench;

import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.QuizFiles;
import io.github.gradproof.site.BuildLog;
import io.github.gradproof.site.BuildOptions;
import io.github.gradproof.site.BuildReport;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.site.SiteGenerator;
import io.github.gradproof.site.TestPipeline;
import io.github.gradproof.verify.PhaseResult;
import io.github.gradproof.verify.PhaseVerifier;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The in-process benchmark of {@code docs/BENCHMARKS.md}: for each corpus size P (phases of five
 * questions, see {@link CorpusGenerator}), after warm-up runs, the median over repeated runs of
 *
 * <ul>
 *   <li><b>load</b>: reading and validating every quiz file;
 *   <li><b>verify</b>: {@code check()} on loaded phases (every claim, three trials, engine
 *       cross-checked by central differences), as questions per second;
 *   <li><b>render+write</b>: {@code generate()} with verification results given, as HTML pages per
 *       second (pages, Markdown mirrors, index, {@code verification.json}, link check, publish);
 *   <li><b>full</b>: the whole {@code generate()}, no cache;
 *   <li><b>rebuild</b>: with the build cache warm, edit one phase file, then {@code generate()}.
 * </ul>
 *
 * <pre>java -Xmx600m -cp ... io.github.gradproof.bench.Benchmark WORK_DIR [SIZES=100,1000,5000] [RUNS=5] [THREADS=0]</pre>
 *
 * Run it from the project folder (it uses {@code templates/}). Peak heap is the JVM's peak of the
 * heap pools over the whole size, after a GC before each size; for process RSS use the
 * end-to-end script {@code src/test/bench/e2e.sh}.
 */
public final class Benchmark {

  private Benchmark() {}

  public static void main(String[] args) throws IOException {
    Path work = Path.of(args[0]).toAbsolutePath();
    int[] sizes = Arrays.stream((args.length > 1 ? args[1] : "100,1000,5000").split(","))
        .mapToInt(Integer::parseInt).toArray();
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    System.out.println("| P | pages | questions | load s | verify s | questions/s | render+write s | pages/s"
        + " | full s | rebuild s | peak heap MB |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (int p : sizes) {
      System.out.println(size(work, p, runs, threads));
    }
  }

  static String size(Path work, int p, int runs, int threads) throws IOException {
    Path data = work.resolve("corpus-" + p);
    if (!Files.isDirectory(data) || Files.list(data).count() != p) {
      CorpusGenerator.write(data, 1, p);
    }
    Path project = Path.of("").toAbsolutePath();
    SiteConfig config = new SiteConfig(project, data, project.resolve("templates"), work.resolve("site-" + p),
        SiteConfig.DEFAULT_LANGUAGES);
    System.gc();
    resetPeaks();
    int warm = p >= 5000 ? 1 : 2;
    List<Phase> phases = null;
    double[] load = new double[runs];
    for (int r = -warm; r < runs; r++) {
      long t = System.nanoTime();
      phases = QuizFiles.loadAll(config.dataDir(), config.displaySource(config.dataDir()), config.languages());
      if (r >= 0) {
        load[r] = seconds(t);
      }
    }
    List<Phase> loaded = phases;
    PhaseVerifier verifier = new PhaseVerifier();
    Map<Phase, PhaseResult> results = new IdentityHashMap<>();
    double[] verify = time(runs, warm, () -> {
      SiteGenerator g = TestPipeline.generator(config, loaded, ph -> {
        PhaseResult r = verifier.verify(ph);
        synchronized (results) {
          results.put(ph, r);
        }
        return r;
      }, BuildOptions.DEFAULT.withThreads(threads));
      return g.check();
    });
    int questions = loaded.stream().mapToInt(ph -> ph.questions().size()).sum();
    BuildOptions options = BuildOptions.DEFAULT.withThreads(threads).withKeepResults(false);
    double[] render = time(runs, warm, () -> TestPipeline.generator(config, loaded, results::get, options).generate());
    results.clear();
    int pages = 2 * p + 3;
    double[] full = time(runs, warm, () -> SiteGenerator.standard(config, BuildLog.silent(), options).generate());
    Path cache = work.resolve("cache-" + p);
    Supplier<BuildReport> cached = () -> SiteGenerator.standard(config, BuildLog.silent(), options.withCache(cache))
        .generate();
    cached.get();
    double[] rebuild = new double[runs];
    for (int r = -warm; r < runs; r++) {
      int edited = 1 + Math.floorMod(r * 7919, p);
      Path file = data.resolve(CorpusGenerator.fileName(edited));
      String yaml = Files.readString(file, StandardCharsets.UTF_8);
      Files.writeString(file, yaml.replace("Benchmark\"", "Benchmark (edited)\""), StandardCharsets.UTF_8);
      long t = System.nanoTime();
      BuildReport report = cached.get();
      double s = seconds(t);
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      cached.get(); // back to the unedited site (untimed)
      if (report.phasesFromCache() != p - 1) {
        throw new IllegalStateException("expected " + (p - 1) + " cached phases, got " + report.phasesFromCache());
      }
      if (r >= 0) {
        rebuild[r] = s;
      }
    }
    return String.format(Locale.ROOT, "| %d | %d | %d | %.3f | %.3f | %.0f | %.3f | %.0f | %.3f | %.3f | %d |",
        p, pages, questions, median(load), median(verify), questions / median(verify), median(render),
        pages / median(render), median(full), median(rebuild), peakHeapMb());
  }

  private static double[] time(int runs, int warm, Supplier<BuildReport> build) {
    double[] times = new double[runs];
    for (int r = -warm; r < runs; r++) {
      long t = System.nanoTime();
      build.get();
      if (r >= 0) {
        times[r] = seconds(t);
      }
    }
    return times;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeapMb() {
    long sum = 0;
    List<String> names = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
        names.add(pool.getName());
      }
    }
    return sum / (1024 * 1024);
  }
}

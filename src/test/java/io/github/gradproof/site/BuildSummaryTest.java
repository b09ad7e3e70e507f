package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one line a build logs, with every count in the right number. */
class BuildSummaryTest {

  /** A report of {@code phases} phases, the first {@code cached} from the cache, each with 5 questions and 3 claims. */
  private static BuildReport report(int phases, int cached, int questions, int claims, int pages, long nanos) {
    List<BuildReport.PhaseReport> list = new ArrayList<>();
    for (int i = 0; i < phases; i++) {
      list.add(new BuildReport.PhaseReport("phase-" + i + ".yaml", i < cached, i == 0 ? questions : 0,
          i == 0 ? claims : 0, null));
    }
    return new BuildReport(list, pages, pages, new BuildReport.Timings(0, 0, 0, 0, 0, nanos, 2));
  }

  @Test
  void oneOfEachIsSingular() {
    assertEquals("1 phase, 1 question and 1 claim verified; 1 page written to site/ in 0.50 s",
        BuildSummary.generated(report(1, 0, 1, 1, 1, 500_000_000L), "site"));
    assertEquals("1 phase, 1 question and 1 claim verified in 0.01 s; every answer agrees with its key, nothing"
        + " written", BuildSummary.checked(report(1, 0, 1, 1, 0, 10_000_000L)));
  }

  @Test
  void moreThanOneIsPlural() {
    assertEquals("2 phases, 5 questions and 15 claims verified; 7 pages written to public/site/ in 1.26 s",
        BuildSummary.generated(report(2, 0, 5, 15, 7, 1_259_000_000L), "public/site/"));
  }

  @Test
  void phasesFromTheCacheAreCounted() {
    assertEquals("12 phases (11 unchanged, from the build cache), 5 questions and 15 claims verified; 27 pages"
        + " written to site/ in 2.41 s", BuildSummary.generated(report(12, 11, 5, 15, 27, 2_410_000_000L), "site"));
    assertEquals("12 phases (1 unchanged, from the build cache), 5 questions and 15 claims verified in 2.00 s;"
        + " every answer agrees with its key, nothing written",
        BuildSummary.checked(report(12, 1, 5, 15, 0, 2_000_000_000L)));
  }

  @Test
  void theTimingsLineCountsThreadsToo() {
    assertEquals("load 0.00 s, verify 0.00 s, render 0.00 s, write 0.00 s (summed over 1 thread), finish 0.00 s;"
        + " total 1.00 s", new BuildReport.Timings(0, 0, 0, 0, 0, 1_000_000_000L, 1).format());
    assertEquals("load 0.00 s, verify 0.00 s, render 0.00 s, write 0.00 s (summed over 2 threads), finish 0.00 s;"
        + " total 1.00 s", new BuildReport.Timings(0, 0, 0, 0, 0, 1_000_000_000L, 2).format());
  }
}

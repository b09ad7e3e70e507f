package io.github.gradproof.site;

import io.github.gradproof.diag.Plural;
import java.util.Locale;

/**
 * The one line a successful build logs: what was verified, how much of it came unchanged from the
 * build cache, what was written and how long the build took, e.g. "12 phases (11 unchanged, from
 * the build cache), 40 questions and 180 claims verified; 27 pages written to site/ in 2.41 s".
 * Everything else a build knows (per-stage times, the Markdown mirrors, a clean translation
 * report) is for debug logs.
 */
public final class BuildSummary {

  private BuildSummary() {}

  /** The line for a build that verified and wrote nothing ({@link SiteGenerator#check()}). */
  public static String checked(BuildReport report) {
    return verified(report) + " in " + seconds(report) + "; every answer agrees with its key, nothing written";
  }

  /**
   * The line for a build that wrote the site ({@link SiteGenerator#generate()}).
   *
   * @param output the output folder as shown to the user, e.g. {@code site}
   */
  public static String generated(BuildReport report, String output) {
    return verified(report) + "; " + Plural.count(report.pagesWritten(), "page") + " written to " + output
        + (output.endsWith("/") ? "" : "/") + " in " + seconds(report);
  }

  private static String verified(BuildReport report) {
    int cached = report.phasesFromCache();
    return Plural.count(report.phaseCount(), "phase")
        + (cached > 0 ? " (" + cached + " unchanged, from the build cache)" : "") + ", "
        + Plural.count(report.questionCount(), "question") + " and " + Plural.count(report.claimCount(), "claim")
        + " verified";
  }

  private static String seconds(BuildReport report) {
    return String.format(Locale.ROOT, "%.2f s", report.timings().totalNanos() / 1e9);
  }
}

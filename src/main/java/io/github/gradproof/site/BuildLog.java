package io.github.gradproof.site;

/** Where a build reports progress; the Maven goals adapt Maven's log to it. */
public interface BuildLog {

  /** Progress and summaries. */
  void info(String message);

  /** Something the user should look at that does not fail the build. */
  void warn(String message);

  /** Details for whoever asks for them (Maven's {@code -X}); by default nothing. */
  default void debug(String message) {}

  /** A log that prints nothing (tests, embedding). */
  static BuildLog silent() {
    return new BuildLog() {
      @Override
      public void info(String message) {}

      @Override
      public void warn(String message) {}
    };
  }
}

package io.github.gradproof.maven;

import io.github.gradproof.site.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** Adapts Maven's log to the pipeline's {@link BuildLog}. */
final class MavenBuildLog {

  private MavenBuildLog() {}

  static BuildLog of(Log log) {
    return new BuildLog() {
      @Override
      public void info(String message) {
        log.info(message);
      }

      @Override
      public void warn(String message) {
        log.warn(message);
      }

      @Override
      public void debug(String message) {
        log.debug(message);
      }
    };
  }
}

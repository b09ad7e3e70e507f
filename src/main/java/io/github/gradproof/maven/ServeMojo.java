package io.github.gradproof.maven;

import io.github.gradproof.dev.DevServer;
import io.github.gradproof.dev.Preview;
import io.github.gradproof.site.BuildLog;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn site:serve}: builds the site into {@code target/gradproof-serve}, serves it on
 * {@code 127.0.0.1}, rebuilds on every change under the data and templates folders, and reloads
 * open pages. A bad file shows as an error page and the server keeps running. Stops on Ctrl-C
 * or a blank line.
 */
@Mojo(name = "serve", requiresProject = true)
public class ServeMojo extends AbstractGradproofMojo {

  /** Maven's build folder; the preview is built below it, never into {@code site/}. */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  private File buildDirectory;

  /** The loopback port to serve on. */
  @Parameter(property = PREFIX + "port", defaultValue = "8000")
  private int port;

  @Override
  protected void run() throws MojoExecutionException {
    BuildLog log = MavenBuildLog.of(getLog());
    DevServer server;
    try {
      server = Preview.server(config(), buildDirectory.toPath().resolve("gradproof-serve"), port, log);
    } catch (RuntimeException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    Preview.serveUntilStopped(server, System.in, log);
  }
}

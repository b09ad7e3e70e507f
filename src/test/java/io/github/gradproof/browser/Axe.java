package io.github.gradproof.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, loaded from its WebJar on the test classpath (no network) and injected into the page
 * open in a {@link Browser}.
 */
public final class Axe {

  private static final String WEBJAR = "META-INF/resources/webjars/axe-core/";
  private static final String POM = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";

  private final String source;
  private final String version;

  private Axe(String source, String version) {
    this.source = source;
    this.version = version;
  }

  /** One rule that failed on one page, with the elements it failed on. */
  public record Violation(String id, String impact, String help, List<String> nodes) {

    /** Moderate, serious and critical violations fail the build; minor ones are reported. */
    public boolean blocking() {
      return "moderate".equals(impact) || "serious".equals(impact) || "critical".equals(impact);
    }

    @Override
    public String toString() {
      return impact + " " + id + " (" + help + "): " + nodes;
    }
  }

  /** Reads {@code axe.min.js} of the WebJar version on the classpath. */
  public static Axe load() {
    ClassLoader loader = Axe.class.getClassLoader();
    try (InputStream pom = loader.getResourceAsStream(POM)) {
      if (pom == null) {
        throw new IllegalStateException("axe-core WebJar not on the test classpath (" + POM + ")");
      }
      Properties properties = new Properties();
      properties.load(pom);
      String version = properties.getProperty("version");
      try (InputStream script = loader.getResourceAsStream(WEBJAR + version + "/axe.min.js")) {
        if (script == null) {
          throw new IllegalStateException("no axe.min.js in the axe-core " + version + " WebJar");
        }
        return new Axe(new String(script.readAllBytes(), StandardCharsets.UTF_8), version);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The axe-core version in use. */
  public String version() {
    return version;
  }

  /** Injects axe into the current page and runs every default rule on the whole document. */
  @SuppressWarnings("unchecked")
  public List<Violation> run(Browser browser) {
    JavascriptExecutor js = browser.driver();
    js.executeScript(source);
    Object result = js.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || 'unknown', help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))))
          .catch(e => done('axe failed: ' + e));""");
    if (result instanceof String failure) {
      throw new IllegalStateException(failure);
    }
    return ((List<Map<String, Object>>) result).stream()
        .map(v -> new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
            (List<String>) v.get("nodes")))
        .toList();
  }
}

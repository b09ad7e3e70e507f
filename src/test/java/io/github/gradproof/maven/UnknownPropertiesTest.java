package io.github.gradproof.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Misspelt {@code gradproof.*} properties are reported, with the property meant where it is
 * plausible. The known names are read from the plugin descriptor the build generates, with
 * Maven's own reader, as the goals read them at run time.
 */
class UnknownPropertiesTest {

  private static PluginDescriptor plugin;

  @BeforeAll
  static void read() throws Exception {
    try (Reader reader = Files.newBufferedReader(Path.of("target/classes/META-INF/maven/plugin.xml"),
        StandardCharsets.UTF_8)) {
      plugin = new PluginDescriptorBuilder().build(reader);
    }
  }

  private static Properties properties(String... keysAndValues) {
    Properties p = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return p;
  }

  private static List<String> commandLine(String... keysAndValues) {
    return UnknownProperties.warnings(plugin, properties(keysAndValues), null, null);
  }

  @Test
  void theKnownPropertiesAreEveryGoalsParameters() {
    Set<String> known = UnknownProperties.propertiesOf(plugin);
    for (String name : List.of("data", "templates", "output", "languages", "baseUrl", "strictTranslations",
        "threads", "cache", "cacheDir", "port", "phase", "slug", "file", "to", "skip")) {
      assertTrue(known.contains("gradproof." + name), name + " in " + known);
    }
    assertTrue(known.stream().allMatch(p -> p.startsWith("gradproof.")), known.toString());
  }

  @Test
  void aMisspeltPropertyOnTheCommandLineNamesTheOneMeant() {
    assertEquals(List.of("-Dgradproof.langauges is not a gradproof parameter, so it is ignored; did you mean"
        + " -Dgradproof.languages?"), commandLine("gradproof.langauges", "es"));
    assertEquals(List.of("-Dgradproof.baseurl is not a gradproof parameter, so it is ignored; did you mean"
        + " -Dgradproof.baseUrl?"), commandLine("gradproof.baseurl", "https://example.org/"));
    assertEquals(List.of("-Dgradproof.treads is not a gradproof parameter, so it is ignored; did you mean"
        + " -Dgradproof.threads?"), commandLine("gradproof.treads", "2"));
  }

  @Test
  void aPropertyLikeNoneSaysWhereTheyAreListed() {
    assertEquals(List.of("-Dgradproof.colour is not a gradproof parameter, so it is ignored; mvn site:help"
        + " -Ddetail lists every parameter"), commandLine("gradproof.colour", "blue"));
  }

  @Test
  void thePomsPropertiesAreWrittenAsThePomWritesThem() {
    assertEquals(List.of("<gradproof.strictTranslation> in the POM's <properties> is not a gradproof parameter,"
            + " so it is ignored; did you mean <gradproof.strictTranslations>?"),
        UnknownProperties.warnings(plugin, null, properties("gradproof.strictTranslation", "true"), null));
  }

  @Test
  void systemPropertiesAreReportedUnlessTheCommandLineSetThem() {
    Properties system = properties("gradproof.langauges", "es", "gradproof.outptu", "web", "java.version", "17");
    assertEquals(List.of(
            "-Dgradproof.langauges is not a gradproof parameter, so it is ignored; did you mean"
                + " -Dgradproof.languages?",
            "the system property gradproof.outptu is not a gradproof parameter, so it is ignored; did you mean"
                + " gradproof.output?"),
        UnknownProperties.warnings(plugin, properties("gradproof.langauges", "es"), null, system));
  }

  @Test
  void knownPropertiesOfAnyGoalOtherPrefixesAndTheVersionPropertyAreFine() {
    assertEquals(List.of(), commandLine("gradproof.languages", "es", "gradproof.port", "9000", "gradproof.slug", "x",
        "langauges", "es", "gradproof", "x", "maven.test.skip", "true"));
    assertEquals(List.of(), UnknownProperties.warnings(plugin, null,
        properties("gradproof.version", "0.1.0", "gradproof.threads", "2"), null));
  }

  @Test
  void everyUnknownPropertyIsReportedInNameOrderCommandLineFirst() {
    List<String> warnings = UnknownProperties.warnings(plugin, properties("gradproof.zz", "1", "gradproof.aa", "1"),
        properties("gradproof.skp", "true"), new Properties());
    assertEquals(3, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("-Dgradproof.aa "), warnings.toString());
    assertTrue(warnings.get(1).startsWith("-Dgradproof.zz "), warnings.toString());
    assertEquals("<gradproof.skp> in the POM's <properties> is not a gradproof parameter, so it is ignored;"
        + " did you mean <gradproof.skip>?", warnings.get(2));
  }
}

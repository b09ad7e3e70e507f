package io.github.gradproof.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every parameter of every goal can be set in the POM's {@code <configuration>} and as
 * {@code -Dgradproof.<name>}, and the README documents it. Read from the plugin descriptor that
 * the build generates ({@code target/classes/META-INF/maven/plugin.xml}), which is what Maven
 * itself reads.
 */
class PluginParametersTest {

  /** Parameters Maven fills in from the project and the build, which a user never sets. */
  private static final Set<String> FROM_MAVEN = Set.of("basedir", "buildDirectory", "session", "mojoExecution");

  /**
   * The goal maven-plugin-plugin generates ({@code site:help}): its parameters are the ones every
   * plugin's help goal has ({@code -Ddetail}, {@code -Dgoal}), not gradproof's.
   */
  private static final String HELP = "help";

  private static Document descriptor;

  @BeforeAll
  static void read() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    descriptor = factory.newDocumentBuilder().parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile());
  }

  private static List<Element> elements(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getElementsByTagName(name);
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  private static String child(Element parent, String name) {
    return elements(parent, name).get(0).getTextContent().strip();
  }

  @Test
  void everyParameterIsSettableInThePomAndOnTheCommandLine() {
    List<Element> mojos = elements(descriptor.getDocumentElement(), "mojo");
    assertTrue(mojos.size() >= 6, "goals: " + mojos.size());
    for (Element mojo : mojos) {
      String goal = child(mojo, "goal");
      if (goal.equals(HELP)) {
        continue;
      }
      Element configuration = elements(mojo, "configuration").get(0);
      for (Element parameter : elements(elements(mojo, "parameters").get(0), "parameter")) {
        String name = child(parameter, "name");
        boolean editable = Boolean.parseBoolean(child(parameter, "editable"));
        if (FROM_MAVEN.contains(name)) {
          assertFalse(editable, goal + ": " + name + " comes from the project");
          continue;
        }
        assertTrue(editable, goal + ": " + name + " must be settable in <configuration>");
        List<Element> expression = elements(configuration, name);
        assertEquals(1, expression.size(), goal + ": " + name + " has no property");
        assertEquals("${gradproof." + name + "}", expression.get(0).getTextContent(), goal + ": " + name);
      }
    }
  }

  @Test
  void theReadmeDocumentsEveryParameter() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    Set<String> names = new TreeSet<>();
    for (Element mojo : elements(descriptor.getDocumentElement(), "mojo")) {
      if (!child(mojo, "goal").equals(HELP)) {
        elements(mojo, "parameter").forEach(parameter -> names.add(child(parameter, "name")));
      }
    }
    names.removeAll(FROM_MAVEN);
    for (String name : names) {
      assertTrue(readme.contains("gradproof." + name + "="), "README.md does not document -Dgradproof." + name);
    }
  }

  @Test
  void theReadmeListsEveryGoal() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    for (Element mojo : elements(descriptor.getDocumentElement(), "mojo")) {
      String goal = child(mojo, "goal");
      assertTrue(readme.contains("| `mvn site:" + goal), "README.md's table of commands lacks site:" + goal);
    }
  }
}

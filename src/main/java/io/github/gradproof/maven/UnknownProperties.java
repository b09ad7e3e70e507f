package io.github.gradproof.maven;

import io.github.gradproof.diag.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * Warnings for {@code gradproof.*} properties that no goal reads, so that a misspelt
 * {@code -Dgradproof.langauges=es} is not ignored in silence. The properties that are read come
 * from the plugin's descriptor, the file Maven itself configures the goals from, so they are
 * exactly the parameters of the plugin as built. A property another goal reads is no mistake
 * (one command may run several goals, and a POM may set {@code gradproof.port} for
 * {@code site:serve} only). Properties without the {@code gradproof.} prefix are never looked at.
 */
final class UnknownProperties {

  /** The prefix of every property of this plugin. */
  static final String PREFIX = AbstractGradproofMojo.PREFIX;

  /** Not a parameter, but the conventional name of a POM property holding the plugin's version. */
  static final String VERSION = PREFIX + "version";

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{(" + Pattern.quote(PREFIX) + "[^}]+)}");

  private UnknownProperties() {}

  /** Where a property was set, and how it is written there. */
  enum Origin {
    COMMAND_LINE("", "-D", "", ""),
    POM("", "<", ">", " in the POM's <properties>"),
    SYSTEM("the system property ", "", "", "");

    private final String lead;
    private final String open;
    private final String close;
    private final String where;

    Origin(String lead, String open, String close, String where) {
      this.lead = lead;
      this.open = open;
      this.close = close;
      this.where = where;
    }

    /** The property as the warning's subject, e.g. {@code <gradproof.x> in the POM's <properties>}. */
    String subject(String property) {
      return lead + written(property) + where;
    }

    /** The property as written in that place, e.g. {@code <gradproof.x>} or {@code -Dgradproof.x}. */
    String written(String property) {
      return open + property + close;
    }
  }

  /**
   * One warning per {@code gradproof.*} property no goal of the plugin reads: those of the
   * command line, then the POM's, then the JVM's system properties not set on the command line
   * (Maven copies {@code -D} options there too), each group in name order.
   *
   * @param pom the project's properties, or {@code null} without a project
   */
  static List<String> warnings(PluginDescriptor plugin, Properties commandLine, Properties pom, Properties system) {
    return warnings(propertiesOf(plugin), commandLine, pom, system);
  }

  static List<String> warnings(Set<String> known, Properties commandLine, Properties pom, Properties system) {
    List<String> warnings = new ArrayList<>();
    Set<String> given = names(commandLine);
    given.forEach(name -> warning(known, name, Origin.COMMAND_LINE).ifPresent(warnings::add));
    names(pom).forEach(name -> warning(known, name, Origin.POM).ifPresent(warnings::add));
    names(system).stream().filter(name -> !given.contains(name))
        .forEach(name -> warning(known, name, Origin.SYSTEM).ifPresent(warnings::add));
    return warnings;
  }

  /** The {@code gradproof.*} properties the plugin's goals read, from their parameters' expressions. */
  static Set<String> propertiesOf(PluginDescriptor plugin) {
    Set<String> properties = new TreeSet<>();
    for (MojoDescriptor mojo : plugin.getMojos()) {
      List<Parameter> parameters = mojo.getParameters();
      for (Parameter parameter : parameters == null ? List.<Parameter>of() : parameters) {
        Matcher m = PROPERTY.matcher(parameter.getExpression() == null ? "" : parameter.getExpression());
        if (m.matches()) {
          properties.add(m.group(1));
        }
      }
    }
    return properties;
  }

  /** The warning for one property, or empty when it is read (or not ours). */
  static Optional<String> warning(Set<String> known, String property, Origin origin) {
    if (!property.startsWith(PREFIX) || known.contains(property) || property.equals(VERSION)) {
      return Optional.empty();
    }
    List<String> names = known.stream().sorted().map(k -> k.substring(PREFIX.length())).toList();
    String hint = Suggestions.closest(property.substring(PREFIX.length()), names)
        .map(name -> "did you mean " + origin.written(PREFIX + name) + "?")
        .orElse("mvn site:help -Ddetail lists every parameter");
    return Optional.of(origin.subject(property) + " is not a gradproof parameter, so it is ignored; " + hint);
  }

  private static Set<String> names(Properties properties) {
    return properties == null ? Set.of() : new TreeSet<>(properties.stringPropertyNames());
  }
}

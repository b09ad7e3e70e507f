package io.github.gradproof.quiz;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** Checks that a quiz file is named {@code phase-NN-slug.yaml} after its own phase and slug. */
final class FileNames {

  private static final Pattern NAME = Pattern.compile("phase-([0-9]{2,})-([a-z0-9-]+)\\.yaml");

  private FileNames() {}

  /** The canonical file name of a phase: NN zero-padded to at least two digits. */
  static String canonical(int phase, String slug) {
    return String.format(Locale.ROOT, "phase-%02d-%s.yaml", phase, slug);
  }

  /**
   * Reports a file name that does not follow the pattern or disagrees with {@code phase} and
   * {@code slug}; located at the disagreeing value, else at the start of the file.
   */
  static void check(NodeReader reader, String fileName, int phase, Node phaseNode, String slug,
      Node slugNode) {
    String expected = canonical(phase, slug);
    if (fileName.equals(expected)) {
      return;
    }
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      reader.error(reader.source().location(1, 1), "the file name '" + fileName + "' does not"
          + " follow phase-NN-slug.yaml; rename the file to " + expected);
      return;
    }
    if (!m.group(1).equals(String.format(Locale.ROOT, "%02d", phase))) {
      reader.error(phaseNode, "phase " + phase + " disagrees with the file name '" + fileName
          + "'; rename the file to " + expected + ", or fix phase");
    }
    if (!m.group(2).equals(slug)) {
      reader.error(slugNode, "slug '" + slug + "' disagrees with the file name '" + fileName
          + "'; rename the file to " + expected + ", or fix slug");
    }
  }
}

package io.github.gradproof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages are the stages of one pipeline, in this order, and no package uses a later one;
 * docs/ARCHITECTURE.md lists every package and every edge between packages, as the code has them.
 */
class ArchitectureTest {

  /** The pipeline order: a package may use only the packages before it. */
  static final List<String> ORDER =
      List.of("diag", "quiz", "autograd", "claim", "verify", "render", "site", "dev", "maven");

  private static final Path MAIN = Path.of("src/main/java/io/github/gradproof");
  private static final Pattern REFERENCE = Pattern.compile("\\bio\\.github\\.gradproof\\.([a-z]+)\\b");
  private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z]+)` \\| [^|]* \\| ([^|]*) \\|", Pattern.MULTILINE);

  @Test
  void everyPackageHasItsPlaceInTheOrder() {
    assertEquals(new TreeSet<>(ORDER), packageUses().keySet(), "a new package needs its place in ORDER and in the docs");
  }

  @Test
  void noPackageUsesALaterStage() {
    List<String> violations = new ArrayList<>();
    packageUses().forEach((from, uses) -> {
      for (String to : uses) {
        if (ORDER.indexOf(to) > ORDER.indexOf(from)) {
          violations.add(from + " uses the later stage " + to);
        }
      }
    });
    assertEquals(List.of(), violations);
  }

  @Test
  void theArchitectureDocumentListsEveryPackageAndEveryEdge() throws IOException {
    String doc = Files.readString(Path.of("docs/ARCHITECTURE.md"), StandardCharsets.UTF_8);
    Map<String, Set<String>> documented = new TreeMap<>();
    Matcher row = TABLE_ROW.matcher(doc);
    while (row.find()) {
      Set<String> uses = new TreeSet<>();
      Matcher name = Pattern.compile("`([a-z]+)`").matcher(row.group(2));
      while (name.find()) {
        uses.add(name.group(1));
      }
      documented.put(row.group(1), uses);
    }
    assertEquals(packageUses(), documented, "docs/ARCHITECTURE.md, table of packages, column 'imports'");
  }

  @Test
  void theScannerSeesCodeNotCommentsOrStrings() {
    String source = String.join("\n",
        "package io.github.gradproof.verify;",
        "import io.github.gradproof.claim.Claims; // io.github.gradproof.maven",
        "/** {@link io.github.gradproof.site.SiteGenerator} */",
        "class X { String s = \"io.github.gradproof.dev\"; char c = '\"';",
        "  Object o = io.github.gradproof.diag.Suggestions.closest(\"a\", java.util.List.of()); }");
    assertEquals(Set.of("verify", "claim", "diag"), uses(source));
  }

  /** Every package of the main code, with the other packages its code refers to. */
  static Map<String, Set<String>> packageUses() {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> packages = Files.list(MAIN)) {
      for (Path dir : packages.filter(Files::isDirectory).toList()) {
        String name = dir.getFileName().toString();
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
            found.addAll(uses(Files.readString(file, StandardCharsets.UTF_8)));
          }
        }
        found.remove(name);
        uses.put(name, found);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertTrue(uses.size() > 1, "no packages found under " + MAIN);
    return uses;
  }

  /** The gradproof packages a source file refers to in code (comments and literals aside). */
  static Set<String> uses(String source) {
    Set<String> found = new TreeSet<>();
    Matcher m = REFERENCE.matcher(codeOnly(source));
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** The source with comments and the contents of string and character literals blanked out. */
  private static String codeOnly(String source) {
    StringBuilder code = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        code.append(' ');
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && source.charAt(j) != c) {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
        code.append(c).append(c);
      } else {
        code.append(c);
        i++;
      }
    }
    return code.toString();
  }
}

package io.github.gradproof.claim;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads test-case files: {@code @key: value} directives, and cases that start with
 * {@code === name}, hold {@code key: value} lines, and may end with a multi-line
 * {@code error:} block that runs to the next case or directive. Lines starting with {@code #}
 * are comments. A directive applies to every later case until it is given again.
 */
public final class CaseFile {

  /**
   * One case.
   *
   * @param file the resource it came from
   * @param line its 1-based line number
   * @param name the text after {@code ===}
   * @param directives the directives in force
   * @param fields the case's own single-line fields
   * @param error the expected error block, or {@code null}
   */
  public record Case(String file, int line, String name, Map<String, String> directives,
      Map<String, String> fields, String error) {
    @Override
    public String toString() {
      return file + ":" + line + " " + name;
    }
  }

  private CaseFile() {}

  /** Reads the cases of a classpath resource. */
  public static List<Case> read(String resource) throws IOException {
    String text;
    try (InputStream in = CaseFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing test resource " + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Case> cases = new ArrayList<>();
    Map<String, String> directives = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      String l = lines[i];
      if (l.startsWith("=== ")) {
        int start = i + 1;
        String name = l.substring(4).trim();
        Map<String, String> fields = new LinkedHashMap<>();
        StringBuilder error = null;
        i++;
        while (i < lines.length && !lines[i].startsWith("=== ") && !lines[i].startsWith("@")) {
          String f = lines[i];
          if (error != null) {
            error.append(f).append('\n');
          } else if (f.equals("error:")) {
            error = new StringBuilder();
          } else if (!f.isBlank() && !f.startsWith("#")) {
            int colon = f.indexOf(':');
            fields.put(colon < 0 ? f.trim() : f.substring(0, colon).trim(),
                colon < 0 ? "" : f.substring(colon + 1).trim());
          }
          i++;
        }
        cases.add(new Case(resource, start, name, Map.copyOf(directives), fields,
            error == null ? null : error.toString().stripTrailing()));
      } else {
        if (!l.isBlank() && !l.startsWith("#")) {
          int colon = l.indexOf(':');
          if (!l.startsWith("@") || colon < 0) {
            throw new IOException(resource + ":" + (i + 1) + ": expected '@key: value' or '=== case'");
          }
          directives.put(l.substring(1, colon).trim(), l.substring(colon + 1).trim());
        }
        i++;
      }
    }
    return cases;
  }

  /**
   * Parses and checks a case's {@code claim:} or {@code forward:} line in the case's
   * {@code @scope:}, as the verifier would.
   *
   * @return the line, or {@code null} when it has errors (then {@code sink} grew)
   */
  public static Line parse(Case c, List<Diagnostic> sink) {
    CheckedLine checked = check(c, sink);
    return checked == null ? null : checked.line();
  }

  /**
   * Parses and checks a case's line as {@link #parse} does, keeping the static facts.
   *
   * @return the checked line, or {@code null} when it has errors (then {@code sink} grew)
   */
  public static CheckedLine check(Case c, List<Diagnostic> sink) {
    Scope scope = scope(c.directives().getOrDefault("scope", ""));
    boolean forward = c.fields().containsKey("forward");
    SourceSpan text = text(c.fields().get(forward ? "forward" : "claim"));
    return forward ? Claims.checkForwardLine(text, scope, sink) : Claims.checkClaim(text, scope, sink);
  }

  /** A claim that must check without diagnostics in {@code scope}: its line, for the facts {@link Claims} reads. */
  public static Line checkedClaim(String claim, Scope scope) {
    List<Diagnostic> sink = new ArrayList<>();
    CheckedLine line = Claims.checkClaim(text(claim), scope, sink);
    if (line == null || !sink.isEmpty()) {
      throw new AssertionError(claim + ": " + sink);
    }
    return line.line();
  }

  /** A line as the quiz loader would hand it over: {@code claim.yaml}, line 7, inside quotes. */
  public static SourceSpan text(String source) {
    String prefix = "      - claim: \"";
    return new SourceSpan(source, new SourceLocation("claim.yaml", 7, prefix.length() + 1), prefix + source + "\"");
  }

  /**
   * Parses {@code name:kind[shape] ...} with kinds dim, input, labels, forward and an optional
   * shape of dims and integers ({@code A:input[M,K]}, {@code s:input[]} for a scalar); without
   * one a tensor's shape is unknown.
   */
  public static Scope scope(String spec) {
    Scope s = Scope.empty();
    for (String item : spec.split("\\s+")) {
      if (item.isEmpty()) {
        continue;
      }
      int colon = item.indexOf(':');
      int bracket = item.indexOf('[');
      String kind = item.substring(colon + 1, bracket < 0 ? item.length() : bracket);
      s = s.with(item.substring(0, colon), switch (kind) {
        case "dim" -> Scope.Kind.DIM;
        case "input" -> Scope.Kind.INPUT;
        case "labels" -> Scope.Kind.LABELS;
        case "forward" -> Scope.Kind.FORWARD;
        default -> throw new IllegalArgumentException("unknown kind " + kind);
      }, bracket < 0 ? Shape.unknown() : shape(item.substring(bracket + 1, item.length() - 1)));
    }
    return s;
  }

  private static Shape shape(String body) {
    List<Dim> dims = new ArrayList<>();
    for (String axis : body.isEmpty() ? new String[0] : body.split(",")) {
      dims.add(axis.matches("[0-9]+") ? Dim.of(Long.parseLong(axis)) : Dim.symbol(axis));
    }
    return new Shape(dims);
  }
}

package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the dim expressions of a setup: derived dims ({@code E: NH * DH}) and the axes of input
 * shapes ({@code [B, 2 * C]}), reporting each problem at its column: bad syntax, an unknown name, a
 * derived dim naming a dim defined after it, and a size that is not positive at some author's
 * assignment.
 */
final class DerivedDims {

  private DerivedDims() {}

  /**
   * The expression of derived dim {@code name}, whose names must all be dims defined above it
   * ({@code defined}); {@code null} when a problem was reported, or when it names a dim above it
   * that had its own problem ({@code declared} but not {@code defined}).
   */
  static DimExpr readDerived(NodeReader reader, String name, Node value, List<String> declared,
      Set<String> defined) {
    String text = ((ScalarNode) value).getValue();
    DimExpr e = parse(reader, value, text, "dim '" + name + "'");
    if (e == null) {
      return null;
    }
    int position = declared.indexOf(name);
    boolean ok = true;
    for (String n : e.names()) {
      if (defined.contains(n)) {
        continue;
      }
      ok = false;
      int at = declared.indexOf(n);
      SourceLocation where = at(reader, value, offsetOf(text, n));
      if (n.equals(name)) {
        reader.error(where, "dim '" + name + "' is defined by itself; a derived dim is computed from the dims"
            + " above it: write it with those");
      } else if (at > position) {
        reader.error(where, "dim '" + name + "' = " + e + " names '" + n + "', defined after it; a derived dim"
            + " names only the dims above it: move '" + name + "' below '" + n + "'");
      } else if (at < 0) {
        reader.error(where, unknown(n, "dim '" + name + "'", declared));
      }
    }
    return ok ? e : null;
  }

  /**
   * An axis of an input's shape or its class count, written as an expression over the dims: its
   * canonical text, or {@code null} when a problem was reported.
   *
   * @param authorSizes every dim's size at each author's assignment (empty when the dims have
   *     problems: then only the syntax is checked)
   */
  static String readAxis(NodeReader reader, Node node, String text, String what, Collection<String> dims,
      List<Map<String, Integer>> authorSizes) {
    DimExpr e = parse(reader, node, text, what);
    if (e == null) {
      return null;
    }
    boolean ok = true;
    for (String n : e.names()) {
      if (!dims.contains(n)) {
        if (!authorSizes.isEmpty()) {
          reader.error(at(reader, node, offsetOf(text, n)), unknown(n, what, dims));
        }
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    for (Map<String, Integer> sizes : authorSizes) {
      String why;
      try {
        long v = e.evaluate(sizes);
        if (v >= 1) {
          continue;
        }
        why = "is " + v;
      } catch (DimExpr.Undefined u) {
        why = "is undefined (" + u.getMessage() + ")";
      }
      reader.error(node, what + " has the size " + e + ", which " + why + " when " + Setup.text(sizes)
          + "; a size must be a positive whole number at every combination of the dims' alternatives");
      return null;
    }
    return e.toString();
  }

  /**
   * Every dim's size at each combination of the free dims' alternatives, the derived ones computed;
   * {@code null} when a derived dim is no positive size at one of them (reported at the dim, once).
   */
  static List<Map<String, Integer>> authorSizes(NodeReader reader, Map<String, List<Integer>> dims,
      Map<String, DimExpr> derived, Map<String, SourceLocation> locations) {
    List<Map<String, Integer>> out = new ArrayList<>();
    Set<String> reported = new LinkedHashSet<>();
    for (Map<String, Integer> free : Setup.combinations(dims)) {
      try {
        out.add(Setup.sizes(derived, free, SetupReader.MAX_ELEMENTS));
      } catch (Setup.DerivedDimException e) {
        if (reported.add(e.dim())) {
          reader.error(locations.get(e.dim()), e.getMessage() + "; a dim is a positive whole number at every"
              + " combination of the alternatives: change the expression or the sizes it is computed from");
        }
      }
    }
    return reported.isEmpty() ? out : null;
  }

  private static DimExpr parse(NodeReader reader, Node node, String text, String what) {
    try {
      return DimExpr.parse(text);
    } catch (DimExprParser.SyntaxError e) {
      reader.error(at(reader, node, e.offset()), what + ": " + e.getMessage());
      return null;
    }
  }

  private static String unknown(String name, String where, Collection<String> dims) {
    Optional<String> guess = Suggestions.closest(name, dims);
    return "unknown dim '" + name + "' in " + where + guess.map(g -> " (did you mean '" + g + "'?)").orElse("")
        + "; declare it under dims or write a number";
  }

  /** The location {@code offset} characters into a scalar's text (after its opening quote, if quoted). */
  private static SourceLocation at(NodeReader reader, Node node, int offset) {
    boolean quoted = node instanceof ScalarNode s && s.getScalarStyle() != ScalarStyle.PLAIN;
    return reader.location(node).shiftColumns(offset + (quoted ? 1 : 0));
  }

  private static int offsetOf(String text, String name) {
    Matcher m = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(text);
    return m.find() ? m.start() : 0;
  }
}

package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * NumPy's einsum subscripts, read statically: a malformed string (a character that is not a
 * letter, a stray '.', two '->', an output letter no operand has) or a count of operands that
 * differs from the terms is an authoring error; the result's symbolic shape follows from the
 * operands' shapes (letters used once, in alphabetical order, when the output is implicit;
 * broadcast {@code ...} axes first).
 */
final class EinsumRule {

  private static final char ELLIPSIS = '.';

  private EinsumRule() {}

  /** The parsed terms; {@code output} is {@code null} when implicit. */
  record Terms(List<String> inputs, String output) {}

  /**
   * Reads subscripts for {@code operands} operands.
   *
   * @throws IllegalArgumentException with what is wrong, in words for an error message
   */
  static Terms parse(String subscripts, int operands) {
    String text = subscripts.replace(" ", "");
    int arrow = text.indexOf("->");
    if (arrow >= 0 && text.indexOf("->", arrow + 2) >= 0) {
      throw new IllegalArgumentException("the subscripts contain more than one '->'");
    }
    String left = arrow < 0 ? text : text.substring(0, arrow);
    String[] parts = left.split(",", -1);
    if (parts.length != operands) {
      throw new IllegalArgumentException("the subscripts '" + subscripts + "' name " + parts.length + " operand"
          + (parts.length == 1 ? "" : "s") + " but " + operands + (operands == 1 ? " is" : " are") + " given");
    }
    List<String> inputs = new ArrayList<>();
    for (int k = 0; k < parts.length; k++) {
      inputs.add(term(parts[k], "operand " + k));
    }
    String output = arrow < 0 ? null : term(text.substring(arrow + 2), "the output");
    if (output != null) {
      for (int i = 0; i < output.length(); i++) {
        char c = output.charAt(i);
        if (output.indexOf(c, i + 1) >= 0) {
          throw new IllegalArgumentException("the output names '" + (c == ELLIPSIS ? "..." : c) + "' twice");
        }
        if (c != ELLIPSIS && inputs.stream().noneMatch(t -> t.indexOf(c) >= 0)) {
          throw new IllegalArgumentException("the output letter '" + c + "' appears in no operand");
        }
      }
    }
    return new Terms(inputs, output);
  }

  private static String term(String raw, String where) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '.') {
        if (!raw.startsWith("...", i) || out.indexOf(".") >= 0) {
          throw new IllegalArgumentException("the subscripts of " + where + " ('" + raw
              + "') have a '.' that is not one '...'");
        }
        out.append(ELLIPSIS);
        i += 3;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        out.append(c);
        i++;
      } else {
        throw new IllegalArgumentException("'" + c + "' in the subscripts of " + where
            + " is not a letter; subscripts are letters a-z and A-Z, ',', '->' and '...'");
      }
    }
    return out.toString();
  }

  /** The result's static shape; unknown when an operand's rank is, or ranks do not fit the terms. */
  static Shape shape(Terms terms, List<Shape> operands) {
    Map<Character, Dim> sizes = new LinkedHashMap<>();
    Shape ellipsis = Shape.scalar();
    for (int k = 0; k < operands.size(); k++) {
      Shape s = operands.get(k);
      String term = terms.inputs().get(k);
      boolean hasEllipsis = term.indexOf(ELLIPSIS) >= 0;
      int letters = term.length() - (hasEllipsis ? 1 : 0);
      if (!s.isKnown() || letters > s.rank() || (!hasEllipsis && letters != s.rank())) {
        return Shape.unknown();
      }
      int broadcastAxes = s.rank() - letters;
      int axis = 0;
      for (char c : term.toCharArray()) {
        if (c == ELLIPSIS) {
          ellipsis = ShapeRules.broadcast(ellipsis, new Shape(s.dims().subList(axis, axis + broadcastAxes)));
          axis += broadcastAxes;
        } else {
          Dim d = s.dims().get(axis++);
          Dim known = sizes.get(c);
          sizes.put(c, known == null ? d : Dim.broadcast(known, d));
        }
      }
    }
    if (!ellipsis.isKnown() || sizes.containsValue(null)) {
      return Shape.unknown();
    }
    String output = terms.output() != null ? terms.output() : implicitOutput(terms.inputs());
    List<Dim> out = new ArrayList<>();
    for (char c : output.toCharArray()) {
      if (c == ELLIPSIS) {
        out.addAll(ellipsis.dims());
      } else {
        out.add(sizes.get(c));
      }
    }
    return new Shape(out);
  }

  /** NumPy's implicit output: {@code ...} if any operand has it, then the letters used once, sorted. */
  private static String implicitOutput(List<String> inputs) {
    Map<Character, Integer> counts = new LinkedHashMap<>();
    boolean ellipsis = false;
    for (String term : inputs) {
      for (char c : term.toCharArray()) {
        if (c == ELLIPSIS) {
          ellipsis = true;
        } else {
          counts.merge(c, 1, Integer::sum);
        }
      }
    }
    TreeSet<Character> once = new TreeSet<>();
    counts.forEach((c, n) -> {
      if (n == 1) {
        once.add(c);
      }
    });
    StringBuilder out = new StringBuilder(ellipsis ? "." : "");
    once.forEach(out::append);
    return out.toString();
  }
}

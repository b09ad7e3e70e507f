package io.github.gradproof.claim;

import io.github.gradproof.autograd.EinsumParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The static shape of NumPy's einsum: from the subscripts as the engine's {@link EinsumParser}
 * reads them (one reader, so a string the checker accepts is one the engine accepts) and the
 * operands' symbolic shapes: each letter's size, broadcast {@code ...} axes first in the output.
 */
final class EinsumRule {

  private static final char ELLIPSIS = EinsumParser.ELLIPSIS;

  private EinsumRule() {}

  /** The result's static shape; unknown when an operand's rank is, or ranks do not fit the terms. */
  static Shape shape(EinsumParser.Terms terms, List<Shape> operands) {
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
    String output = terms.outputOrImplicit();
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
}

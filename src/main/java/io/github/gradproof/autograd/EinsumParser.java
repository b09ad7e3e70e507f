package io.github.gradproof.autograd;

import io.github.gradproof.diag.Plural;
import java.util.ArrayList;
import java.util.List;

/**
 * NumPy's einsum subscripts ({@code "ij,jk->ik"}, {@code "ii"}, {@code "...ij,...jk"}), parsed into
 * terms: one string of labels per operand and one for the output. Letters are labels; {@code ...} is
 * marked by {@link #ELLIPSIS}; spaces are ignored. The one reader of the subscripts: the engine's
 * einsum uses it, and so does the claim language's static check (which knows the number of operands
 * but not always their shapes). Sizes are checked by the einsum itself.
 */
public final class EinsumParser {

  /** Marks the position of {@code ...} in a term. */
  public static final char ELLIPSIS = '.';

  /** How every message of a malformed subscript string starts: {@code einsum: } and then the problem. */
  public static final String PREFIX = "einsum: ";

  private EinsumParser() {}

  /**
   * The parsed subscripts.
   *
   * @param inputs one term per operand, letters and at most one {@link #ELLIPSIS}
   * @param output the output term; null when the subscripts have no {@code ->} (implicit output)
   */
  public record Terms(List<String> inputs, String output) {
    public Terms {
      inputs = List.copyOf(inputs);
    }

    /**
     * The output term, or NumPy's implicit one when there is no {@code ->}: {@link #ELLIPSIS} when
     * an operand has {@code ...}, then the letters used exactly once, in code order (A-Z, then a-z).
     */
    public String outputOrImplicit() {
      if (output != null) {
        return output;
      }
      int[] count = new int[128];
      boolean ellipsis = false;
      for (String term : inputs) {
        for (char c : term.toCharArray()) {
          if (c == ELLIPSIS) {
            ellipsis = true;
          } else {
            count[c]++;
          }
        }
      }
      StringBuilder out = new StringBuilder(ellipsis ? String.valueOf(ELLIPSIS) : "");
      for (char c = 'A'; c <= 'z'; c++) {
        if (count[c] == 1) {
          out.append(c);
        }
      }
      return out.toString();
    }
  }

  /**
   * Splits and validates the subscripts of {@code operands} operands: the text, the number of terms,
   * and the output's letters.
   *
   * @throws ShapeException of kind DOMAIN, with a message ({@link #PREFIX} and the problem) naming the
   *     problem and the operand
   */
  public static Terms parse(String subscripts, int operands) {
    String text = subscripts.replace(" ", "");
    int arrow = text.indexOf("->");
    if (arrow >= 0 && text.indexOf("->", arrow + 2) >= 0) {
      throw error("the subscripts '" + subscripts + "' contain more than one '->'");
    }
    String left = arrow < 0 ? text : text.substring(0, arrow);
    String[] parts = left.split(",", -1);
    if (parts.length != operands) {
      throw error("the subscripts '" + subscripts + "' name " + parts.length + " operand"
          + (parts.length == 1 ? "" : "s") + " but " + operands + (operands == 1 ? " is" : " are") + " given");
    }
    List<String> inputs = new ArrayList<>();
    for (int k = 0; k < parts.length; k++) {
      inputs.add(term(parts[k], "operand " + k));
    }
    String output = arrow < 0 ? null : term(text.substring(arrow + 2), "the output");
    if (output != null) {
      checkOutput(output, inputs);
    }
    return new Terms(inputs, output);
  }

  /**
   * Splits and validates the subscripts against the operands' shapes: as {@link #parse(String, int)},
   * and each term names as many axes as its operand has.
   *
   * @throws ShapeException of kind DOMAIN, with a message naming the problem and the operand
   */
  static Terms parse(String subscripts, int[][] shapes) {
    Terms terms = parse(subscripts, shapes.length);
    for (int k = 0; k < shapes.length; k++) {
      checkRank(terms.inputs().get(k), shapes[k], k);
    }
    return terms;
  }

  /** Validates one term and returns it with {@code ...} collapsed to {@link #ELLIPSIS}. */
  private static String term(String raw, String where) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '.') {
        if (!raw.startsWith("...", i)) {
          throw error("the subscripts of " + where + " ('" + raw + "') contain a '.' that is not part of '...'");
        }
        if (out.indexOf(String.valueOf(ELLIPSIS)) >= 0) {
          throw error("the subscripts of " + where + " ('" + raw + "') contain more than one '...'");
        }
        out.append(ELLIPSIS);
        i += 3;
        continue;
      }
      if (!isLetter(c)) {
        throw error("invalid subscript '" + c + "' in the subscripts of " + where + " ('" + raw
            + "'); subscripts must be letters a-z or A-Z");
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static void checkRank(String term, int[] shape, int k) {
    boolean ellipsis = term.indexOf(ELLIPSIS) >= 0;
    int letters = term.length() - (ellipsis ? 1 : 0);
    if (letters > shape.length || (!ellipsis && letters < shape.length)) {
      throw error("operand " + k + " has shape " + Shapes.format(shape) + " ("
          + Plural.count(shape.length, "axis", "axes") + ") but its subscripts '" + display(term) + "' name "
          + (ellipsis ? Plural.count(letters, "axis", "axes") + " besides '...'" : letters));
    }
  }

  private static void checkOutput(String output, List<String> inputs) {
    for (int i = 0; i < output.length(); i++) {
      char c = output.charAt(i);
      if (output.indexOf(c, i + 1) >= 0) {
        throw error("the output subscripts '" + display(output) + "' name '" + (c == ELLIPSIS ? "..." : c)
            + "' more than once");
      }
      if (c != ELLIPSIS && inputs.stream().noneMatch(t -> t.indexOf(c) >= 0)) {
        throw error("the output subscript '" + c + "' does not appear in any operand's subscripts");
      }
    }
  }

  /** A term as the author wrote it, with {@code ...} restored. */
  public static String display(String term) {
    return term.replace(String.valueOf(ELLIPSIS), "...");
  }

  private static ShapeException error(String message) {
    return new ShapeException(ShapeException.Kind.DOMAIN, PREFIX + message);
  }
}

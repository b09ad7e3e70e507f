package io.github.gradproof.claim;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a comparison only restates the forward lines: {@code a == relu(h)} after the forward
 * line {@code a = relu(h)} holds whatever the inputs are, because it compares a value with its
 * own definition, so it proves nothing about an answer. Both sides are written in one canonical
 * form, with every forward name replaced by the canonical form of its definition, and compared;
 * positions in the line, spaces and the spelling of numbers ({@code 2} and {@code 2.0}) do not
 * count. {@code sum(p) == 1} after {@code p = softmax(z)} is no restatement: it is a fact about
 * softmax that the run checks.
 */
public final class Restatement {

  /** Past this length a canonical form is not built (chains of forward lines could grow it without end). */
  private static final int MAX_LENGTH = 100_000;

  private final Map<String, Expr> definitions;
  private final Map<String, String> inlined = new HashMap<>();

  Restatement(Map<String, Expr> definitions) {
    this.definitions = definitions;
  }

  /**
   * Whether {@code comparison} holds for equal sides ({@code == <= >= ~}) and its sides are the
   * same expression once the forward lines {@code definitions} (name to value, in any order) are
   * put in for their names.
   */
  public static boolean restates(Line.Comparison comparison, Map<String, Expr> definitions) {
    CompareOp op = comparison.op();
    if (op == CompareOp.NE || op == CompareOp.LT || op == CompareOp.GT) {
      return false;
    }
    Restatement r = new Restatement(definitions);
    String left = r.canonical(comparison.left());
    String right = r.canonical(comparison.right());
    return left != null && left.equals(right);
  }

  /**
   * The canonical form of {@code e}, with the forward lines put in for their names, or {@code null}
   * when it would be too long.
   */
  String canonical(Expr e) {
    StringBuilder out = new StringBuilder();
    return write(e, out) ? out.toString() : null;
  }

  private boolean write(Object node, StringBuilder out) {
    if (out.length() > MAX_LENGTH) {
      return false;
    }
    if (node instanceof Expr.Name n && definitions.containsKey(n.name())) {
      String value = inlined.get(n.name());
      if (value == null) {
        inlined.put(n.name(), ""); // a definition never reads its own name; this guards the recursion anyway
        value = canonical(definitions.get(n.name()));
        if (value == null) {
          return false;
        }
        inlined.put(n.name(), value);
      }
      out.append(value);
      return true;
    }
    if (node instanceof Expr.Num n) {
      out.append("Num(").append(n.value()).append(')');
      return true;
    }
    if (node instanceof List<?> items) {
      out.append('[');
      for (Object item : items) {
        if (!write(item, out)) {
          return false;
        }
        out.append(',');
      }
      out.append(']');
      return true;
    }
    if (node instanceof Record record) {
      return writeRecord(record, out);
    }
    out.append(node);
    return true;
  }

  /** A node as its type and its components but its positions. */
  private boolean writeRecord(Record record, StringBuilder out) {
    out.append(record.getClass().getSimpleName()).append('(');
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      if (c.getName().equals("pos") || c.getName().endsWith("Pos")) {
        continue;
      }
      try {
        if (!write(c.getAccessor().invoke(record), out)) {
          return false;
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + c.getName() + " of " + record, e);
      }
      out.append(';');
    }
    out.append(')');
    return true;
  }
}

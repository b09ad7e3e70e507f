package io.github.gradproof.render;

import io.github.gradproof.claim.BinaryOp;
import io.github.gradproof.claim.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a sub-expression of a claim back in the claim language ({@code B @ dC.T},
 * {@code sum(dc, axis=0)}), with only the parentheses its precedence needs: how a reason names
 * the part of the claim it is about. The levels follow the parser's grammar: additive, then
 * {@code * / @}, then unary minus, then {@code **} (right-associative), then {@code .T} and
 * {@code .shape}, then atoms.
 */
final class ExprText {

  private static final int ADDITIVE = 1;
  private static final int PRODUCT = 2;
  private static final int UNARY = 3;
  private static final int POWER = 4;
  private static final int POSTFIX = 5;

  private ExprText() {}

  /** The expression as claim-language source. */
  static String of(Expr e) {
    StringBuilder out = new StringBuilder();
    write(out, e, 0);
    return out.toString();
  }

  private static void write(StringBuilder out, Expr e, int min) {
    boolean parens = level(e) < min;
    if (parens) {
      out.append('(');
    }
    node(out, e);
    if (parens) {
      out.append(')');
    }
  }

  private static void node(StringBuilder out, Expr e) {
    if (e instanceof Expr.Num n) {
      out.append(n.text());
    } else if (e instanceof Expr.Name n) {
      out.append(n.name());
    } else if (e instanceof Expr.Bool b) {
      out.append(b.value() ? "True" : "False");
    } else if (e instanceof Expr.Neg n) {
      out.append('-');
      write(out, n.operand(), UNARY);
    } else if (e instanceof Expr.Binary b) {
      binary(out, b);
    } else if (e instanceof Expr.Transpose t) {
      write(out, t.target(), POSTFIX);
      out.append(".T");
    } else if (e instanceof Expr.ShapeOf s) {
      write(out, s.target(), POSTFIX);
      out.append(".shape");
    } else if (e instanceof Expr.Call c) {
      List<String> args = new ArrayList<>();
      c.args().forEach(a -> args.add(of(a)));
      c.keywords().forEach(k -> args.add(k.name() + "=" + of(k.value())));
      out.append(c.function()).append('(').append(String.join(", ", args)).append(')');
    } else if (e instanceof Expr.Tuple t) {
      List<String> items = t.items().stream().map(ExprText::of).toList();
      out.append('(').append(String.join(", ", items)).append(items.size() == 1 ? ",)" : ")");
    } else {
      throw new IllegalStateException("no text for " + e.getClass().getSimpleName() + "; add a case to ExprText");
    }
  }

  private static void binary(StringBuilder out, Expr.Binary b) {
    if (b.op() == BinaryOp.POW) {
      write(out, b.left(), POSTFIX);
      out.append(" ** ");
      write(out, b.right(), UNARY);
      return;
    }
    int level = level(b);
    write(out, b.left(), level);
    out.append(' ').append(b.op().symbol()).append(' ');
    write(out, b.right(), level + 1);
  }

  private static int level(Expr e) {
    if (e instanceof Expr.Binary b) {
      return switch (b.op()) {
        case ADD, SUB -> ADDITIVE;
        case MUL, DIV, MATMUL -> PRODUCT;
        case POW -> POWER;
      };
    }
    if (e instanceof Expr.Neg) {
      return UNARY;
    }
    return e instanceof Expr.Transpose || e instanceof Expr.ShapeOf ? POSTFIX : POSTFIX + 1;
  }
}

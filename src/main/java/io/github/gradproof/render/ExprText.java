package io.github.gradproof.render;

import io.github.gradproof.claim.BinaryOp;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Function;
import io.github.gradproof.claim.Functions;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a sub-expression of a claim back in the claim language ({@code B @ dC.T},
 * {@code sum(dc, axis=0)}, {@code p[arange(B), y]}), with only the parentheses its precedence
 * needs: how a reason names the part of the claim it is about. The levels follow the parser's
 * grammar (Python's precedence): a mask comparison, then {@code |}, then {@code &}, then additive,
 * then {@code * / // @}, then unary {@code -} and {@code ~}, then {@code **} (right-associative),
 * then postfix ({@code .T}, {@code .shape}, {@code .ndim}, methods, indexing), then atoms.
 */
final class ExprText {

  private static final int COMPARISON = 1;
  private static final int DISJUNCTION = 2;
  private static final int CONJUNCTION = 3;
  private static final int ADDITIVE = 4;
  private static final int PRODUCT = 5;
  private static final int UNARY = 6;
  private static final int POWER = 7;
  private static final int POSTFIX = 8;

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
      signed(out, n.operand(), UNARY);
    } else if (e instanceof Expr.Binary b) {
      binary(out, b);
    } else if (e instanceof Expr.Transpose t) {
      write(out, t.target(), POSTFIX);
      out.append(".T");
    } else if (e instanceof Expr.ShapeOf s) {
      write(out, s.target(), POSTFIX);
      out.append(".shape");
    } else if (e instanceof Expr.Ndim n) {
      write(out, n.target(), POSTFIX);
      out.append(".ndim");
    } else if (e instanceof Expr.Call c) {
      out.append(c.function()).append('(').append(arguments(c.args(), c.keywords())).append(')');
    } else if (e instanceof Expr.MethodCall m) {
      write(out, m.target(), POSTFIX);
      out.append('.').append(m.method());
      Function f = Functions.method(m.method());
      if (f == null || !f.isAttribute()) { // an attribute, x.mT, has no parentheses
        out.append('(').append(arguments(m.args(), m.keywords())).append(')');
      }
    } else if (e instanceof Expr.Index i) {
      write(out, i.target(), POSTFIX);
      out.append('[').append(String.join(", ", i.items().stream().map(ExprText::of).toList())).append(']');
    } else {
      literalOrOperator(out, e);
    }
  }

  private static void literalOrOperator(StringBuilder out, Expr e) {
    if (e instanceof Expr.Tuple t) {
      List<String> items = t.items().stream().map(ExprText::of).toList();
      out.append('(').append(String.join(", ", items)).append(items.size() == 1 ? ",)" : ")");
    } else if (e instanceof Expr.ListLiteral l) {
      out.append('[').append(String.join(", ", l.items().stream().map(ExprText::of).toList())).append(']');
    } else if (e instanceof Expr.Str s) {
      out.append(s.value().indexOf('\'') < 0 ? "'" + s.value() + "'" : '"' + s.value() + '"');
    } else if (e instanceof Expr.NoneLiteral) {
      out.append("None");
    } else if (e instanceof Expr.Ellipsis) {
      out.append("...");
    } else if (e instanceof Expr.Slice s) {
      out.append(s.start() == null ? "" : of(s.start())).append(':').append(s.stop() == null ? "" : of(s.stop()));
      if (s.step() != null) {
        out.append(':').append(of(s.step()));
      }
    } else if (e instanceof Expr.Not n) {
      out.append('~');
      write(out, n.operand(), UNARY);
    } else if (e instanceof Expr.Compare c) {
      write(out, c.left(), DISJUNCTION);
      out.append(' ').append(c.op().symbol()).append(' ');
      write(out, c.right(), DISJUNCTION);
    } else {
      throw new IllegalStateException("no text for " + e.getClass().getSimpleName() + "; add a case to ExprText");
    }
  }

  private static String arguments(List<Expr> args, List<Expr.Keyword> keywords) {
    List<String> written = new ArrayList<>();
    args.forEach(a -> written.add(of(a)));
    keywords.forEach(k -> written.add(k.name() + "=" + of(k.value())));
    return String.join(", ", written);
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
    if (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUB) {
      signed(out, b.right(), level + 1);
    } else {
      write(out, b.right(), level + 1);
    }
  }

  /**
   * Writes {@code e} as {@link #write} does, in parentheses also when it begins with a minus, so
   * that two signs never meet: {@code -(-x)}, {@code x - (-x)}, as one writes them by hand.
   */
  private static void signed(StringBuilder out, Expr e, int min) {
    int start = out.length();
    write(out, e, min);
    if (out.charAt(start) == '-') {
      out.insert(start, '(').append(')');
    }
  }

  private static int level(Expr e) {
    if (e instanceof Expr.Binary b) {
      return switch (b.op()) {
        case OR -> DISJUNCTION;
        case AND -> CONJUNCTION;
        case ADD, SUB -> ADDITIVE;
        case MUL, DIV, FLOORDIV, MOD, MATMUL -> PRODUCT;
        case POW -> POWER;
      };
    }
    if (e instanceof Expr.Compare) {
      return COMPARISON;
    }
    if (e instanceof Expr.Neg || e instanceof Expr.Not) {
      return UNARY;
    }
    boolean postfix = e instanceof Expr.Transpose || e instanceof Expr.ShapeOf || e instanceof Expr.Ndim
        || e instanceof Expr.MethodCall || e instanceof Expr.Index;
    return postfix ? POSTFIX : POSTFIX + 1;
  }
}

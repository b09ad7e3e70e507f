package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.quiz.Choice;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.QuizFiles;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every function of the registry and every syntax form is exercised by the question corpus
 * ({@code src/test/resources/language/}, verified by {@code LanguageCorpusTest}): it appears in the
 * forward lines or a keyed (hence holding) choice of a question whose keyed choices include a
 * gradient claim and whose other choices are refused. Adding a function or a syntax form without
 * a question fails here.
 */
class LanguageCoverageTest {

  private static final Set<String> FUNCTIONS = new TreeSet<>();
  private static final Set<String> FORMS = new TreeSet<>();

  @BeforeAll
  static void scanCorpus() throws URISyntaxException {
    Path dir = Path.of(LanguageCoverageTest.class.getResource("/language").toURI());
    for (Phase phase : QuizFiles.loadAll(dir, "language", List.of("en"))) {
      phase.questions().forEach(LanguageCoverageTest::scan);
    }
  }

  private static void scan(Question q) {
    Set<String> names = new HashSet<>();
    Set<String> dims = new HashSet<>(q.setup().dims().keySet());
    q.setup().inputs().stream().map(InputSpec::name).forEach(names::add);
    List<Line> lines = new ArrayList<>();
    for (SourceSpan t : q.setup().forward()) {
      Line.Definition d = Parser.forwardLine(t.source());
      names.add(d.name());
      lines.add(d);
    }
    boolean gradient = false;
    boolean refused = false;
    for (Choice c : q.choices()) {
      boolean keyed = q.answer().choices().contains(c.number());
      refused |= !keyed;
      for (SourceSpan t : c.claims()) {
        Line l = Parser.claim(t.source());
        if (keyed) {
          lines.add(l);
          gradient |= usesGradient(l, names);
        }
      }
    }
    if (gradient && refused) {
      for (Line l : lines) {
        collect(l, names, dims);
      }
    }
  }

  private static boolean usesGradient(Line l, Set<String> names) {
    boolean[] found = {l instanceof Line.GradientClaim};
    Walk.line(l, e -> found[0] |= isGradient(e, names));
    return found[0];
  }

  private static boolean isGradient(Expr e, Set<String> names) {
    return e instanceof Expr.Name n && n.name().length() > 1 && n.name().startsWith("d")
        && names.contains(n.name().substring(1));
  }

  private static void collect(Line l, Set<String> names, Set<String> dims) {
    if (l instanceof Line.Comparison) {
      FORMS.add("comparison claim");
    }
    Walk.line(l, e -> {
      if (e instanceof Expr.Call c) {
        FUNCTIONS.add(c.function());
        c.args().forEach(a -> argument(a));
        c.keywords().forEach(k -> argument(k.value()));
      } else if (e instanceof Expr.MethodCall m) {
        FUNCTIONS.add(m.method());
        FORMS.add("method ." + m.method());
      } else if (e instanceof Expr.Index i) {
        index(i, names, dims);
      } else {
        form(e, dims);
      }
    });
  }

  private static void argument(Expr a) {
    if (a instanceof Expr.NoneLiteral) {
      FORMS.add("None as an argument");
    } else if (a instanceof Expr.ListLiteral) {
      FORMS.add("list of tensors");
    } else if (a instanceof Expr.Tuple t && t.items().stream().anyMatch(i -> !(i instanceof Expr.Num))) {
      FORMS.add("tuple argument");
    }
  }

  private static void form(Expr e, Set<String> dims) {
    if (e instanceof Expr.Compare) {
      FORMS.add("mask");
    } else if (e instanceof Expr.Not) {
      FORMS.add("mask not");
    } else if (e instanceof Expr.Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR)) {
      FORMS.add("mask " + b.op().name().toLowerCase(java.util.Locale.ROOT));
    } else if (e instanceof Expr.Str) {
      FORMS.add("string");
    } else if (e instanceof Expr.Transpose) {
      FORMS.add("attribute .T");
    } else if (e instanceof Expr.ShapeOf) {
      FORMS.add("attribute .shape");
    } else if (e instanceof Expr.Ndim) {
      FORMS.add("attribute .ndim");
    } else if (e instanceof Expr.Num n && Expr.Num.isConstant(n.text())) {
      FORMS.add("constant " + n.text());
    } else if (e instanceof Expr.Num n && n.text().contains("e")) {
      FORMS.add("scientific literal");
    } else if (e instanceof Expr.Neg n && n.operand() instanceof Expr.Num) {
      FORMS.add("negative literal");
    } else if (e instanceof Expr.Binary b && b.op() == BinaryOp.FLOORDIV) {
      FORMS.add("floor division");
    } else if (e instanceof Expr.Binary b && b.op() == BinaryOp.MOD) {
      FORMS.add(b.left() instanceof Expr.Name n && dims.contains(n.name()) ? "remainder of a dim" : "remainder");
    } else if (e instanceof Expr.Binary b && b.left() instanceof Expr.Name n && dims.contains(n.name())
        && b.right() instanceof Expr.Num r && !r.integer()) {
      FORMS.add("dim with a float");
    }
  }

  private static void index(Expr.Index i, Set<String> names, Set<String> dims) {
    if (isGradient(i.target(), names)) {
      FORMS.add("indexed gradient");
    }
    int arrays = 0;
    for (Expr item : i.items()) {
      if (item instanceof Expr.Slice s) {
        FORMS.add("slice");
        if (s.step() != null) {
          FORMS.add(s.step() instanceof Expr.Neg ? "negative step" : "slice step");
        }
        for (Expr part : new Expr[] {s.start(), s.stop()}) {
          Walk.expr(part, p -> {
            if (p instanceof Expr.Name n && dims.contains(n.name())) {
              FORMS.add("dim as a slice bound");
            }
          });
        }
      } else if (item instanceof Expr.NoneLiteral) {
        FORMS.add("None index");
      } else if (item instanceof Expr.Ellipsis) {
        FORMS.add("ellipsis");
      } else if (item instanceof Expr.Neg n && n.operand() instanceof Expr.Num) {
        FORMS.add("negative integer index");
      } else if (item instanceof Expr.Num) {
        FORMS.add("integer index");
      } else if (item instanceof Expr.ListLiteral) {
        FORMS.add("list index");
        arrays++;
      } else if (item instanceof Expr.Call || item instanceof Expr.Name n && names.contains(n.name())) {
        arrays++;
      }
    }
    if (arrays >= 1) {
      FORMS.add("integer array index");
    }
    if (arrays >= 2) {
      FORMS.add("integer array pair");
    }
  }

  @Test
  void everyFunctionHasAQuestion() {
    Set<String> missing = new TreeSet<>(Functions.names());
    missing.removeAll(FUNCTIONS);
    missing.removeAll(Set.of("fd_order", "fd_evals")); // experiments: verify's own questions cover them
    assertEquals(Set.of(), missing);
  }

  @Test
  void everySyntaxFormHasAQuestion() {
    Set<String> expected = new TreeSet<>(List.of("comparison claim", "mask", "mask and", "mask or", "mask not", "string", "attribute .T",
        "attribute .shape", "attribute .ndim", "scientific literal", "negative literal", "floor division",
        "remainder", "remainder of a dim",
        "dim with a float", "indexed gradient", "slice", "slice step", "negative step", "dim as a slice bound",
        "None index", "ellipsis", "negative integer index", "integer index", "list index", "integer array index",
        "integer array pair", "None as an argument", "list of tensors", "tuple argument", "constant inf",
        "constant pi"));
    for (String m : List.of("sum", "mean", "max", "min", "prod", "var", "std", "argmax", "argmin", "reshape",
        "transpose", "exp", "log", "sqrt", "abs", "clip", "flatten", "masked_fill", "permute",
        "swapaxes", "unsqueeze", "tile", "repeat_interleave", "square", "tanh", "pow", "clamp", "sigmoid", "relu",
        "matmul", "t", "mT", "view", "neg", "detach", "norm", "softmax", "log_softmax", "log10", "rsqrt", "movedim",
        "diag", "diagonal")) {
      expected.add("method ." + m);
    }
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(FORMS);
    assertEquals(Set.of(), missing);
  }
}

package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each family of the function registry, built anew by its {@code all()}, is the table docs/CLAIMS.md
 * gives under its heading: the same functions in the same order, with the documented signature
 * and counterpart. ({@link FunctionsTest} reads the registry, which is built once per JVM; these
 * build the declarations again, so a fault in a declaration cannot hide behind a registry built
 * before it.)
 */
class FunctionFamiliesTest {

  private static final Map<String, Supplier<List<Function>>> FAMILIES = new LinkedHashMap<>();

  static {
    FAMILIES.put("Elementwise", ElementwiseFunctions::all);
    FAMILIES.put("Reductions", ReductionFunctions::all);
    FAMILIES.put("Arrays", ArrayFunctions::all);
    FAMILIES.put("Products", LinalgFunctions::all);
    FAMILIES.put("Neural-network functions", NetworkFunctions::all);
    FAMILIES.put("Finite-difference experiments", ExperimentFunctions::all);
  }

  @Test
  void everyFamilyBuiltAnewIsItsDocumentedTable() throws IOException {
    Map<String, List<String>> documented = documentedTables();
    assertEquals(List.copyOf(FAMILIES.keySet()), List.copyOf(documented.keySet()), "the headings of ## Functions");
    FAMILIES.forEach((heading, family) -> {
      List<String> built = new ArrayList<>();
      for (Function f : family.get()) {
        built.add(f.signature() + " | " + f.counterpart());
      }
      assertEquals(documented.get(heading), built, heading);
    });
  }

  /** The registry holds every family, in order, each in declaration order; each function names its library. */
  @Test
  void theRegistryIsTheFamiliesInOrder() {
    List<String> fresh = new ArrayList<>();
    FAMILIES.values().forEach(family -> family.get().forEach(f -> fresh.add(f.name())));
    assertEquals(fresh, Functions.all().stream().map(Function::name).toList());
    assertEquals(Function.Library.NUMPY, Functions.named("sum").library());
    assertEquals(Function.Library.TORCH, Functions.named("softmax").library());
    assertEquals(Function.Library.SCIPY, Functions.named("logsumexp").library());
    assertEquals(Function.Library.GRADPROOF, Functions.named("fd_order").library());
    assertEquals("log_softmax", Functions.named("log_softmax").spelling());
    assertEquals("softmax(input, dim=None)", Functions.named("softmax").toString());
  }

  /**
   * Each family builds exactly the functions its {@code NAMES} lists, each under its own name, and
   * nothing for a name it does not list: the registry looks names up in these lists and builds on
   * first use, so a name missing from a list would be a function no claim could call.
   */
  @Test
  void eachFamilyBuildsExactlyTheNamesItLists() {
    Map<List<String>, java.util.function.Function<String, Function>> builders = new LinkedHashMap<>();
    builders.put(ElementwiseFunctions.NAMES, ElementwiseFunctions::build);
    builders.put(ReductionFunctions.NAMES, ReductionFunctions::build);
    builders.put(ArrayFunctions.NAMES, ArrayFunctions::build);
    builders.put(LinalgFunctions.NAMES, LinalgFunctions::build);
    builders.put(NetworkFunctions.NAMES, NetworkFunctions::build);
    builders.put(ExperimentFunctions.NAMES, ExperimentFunctions::build);
    builders.put(TensorMethods.NAMES, TensorMethods::build);
    builders.forEach((names, build) -> {
      for (String name : names) {
        assertEquals(name, build.apply(name).name());
      }
      assertNull(build.apply("no_such_function"));
    });
    List<String> sources = List.of("ElementwiseFunctions", "ReductionFunctions", "ArrayFunctions", "LinalgFunctions",
        "NetworkFunctions", "ExperimentFunctions", "TensorMethods");
    int k = 0;
    for (List<String> names : builders.keySet()) {
      assertEquals(new HashSet<>(names), caseLabels(sources.get(k++)), "every case of build is listed in NAMES");
    }
  }

  /** The string labels of the {@code case "name" ->} arms of the {@code switch (name)} blocks in a family's source. */
  private static Set<String> caseLabels(String family) {
    Path source = Path.of("src/main/java/io/github/gradproof/claim", family + ".java");
    try {
      String text = Files.readString(source);
      Matcher block = Pattern.compile("(?s)switch \\(name\\) \\{(.*?)default ->").matcher(text);
      Set<String> labels = new HashSet<>();
      while (block.find()) {
        Matcher label = Pattern.compile("(?m)^\\s+case \"([^\"]+)\" ->").matcher(block.group(1));
        while (label.find()) {
          labels.add(label.group(1));
        }
      }
      return labels;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A function is built once: every lookup, from any thread, gets the same instance. */
  @Test
  void everyLookupOfANameGetsTheSameFunction() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Function>> lookups = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String name = i % 2 == 0 ? "hardswish" : "Tensor.mT";
        lookups.add(pool.submit(() -> Functions.named(name)));
      }
      for (int i = 0; i < lookups.size(); i++) {
        assertSame(lookups.get(i % 2).get(), lookups.get(i).get());
      }
      assertSame(Functions.method("mT"), Functions.named("Tensor.mT"));
      assertNull(Functions.named("Tensor.no_such_method"));
      assertNull(Functions.method("no_such_method"));
      assertNull(Functions.method("exp2"));
    } finally {
      pool.shutdown();
    }
  }

  /** docs/CLAIMS.md, "Methods and attributes": these functions are array methods, and only these. */
  @Test
  void theFamiliesBuiltAnewDeclareTheDocumentedMethods() {
    List<String> bound = new ArrayList<>();
    List<String> packed = new ArrayList<>();
    for (Supplier<List<Function>> family : FAMILIES.values()) {
      for (Function f : family.get()) {
        if (f.methodStyle() == Function.MethodStyle.BOUND) {
          bound.add(f.name());
        } else if (f.methodStyle() == Function.MethodStyle.PACKED) {
          packed.add(f.name());
        }
      }
    }
    assertEquals(List.of("exp", "log", "sqrt", "abs", "square", "tanh", "log10", "rsqrt", "pow", "masked_fill",
        "clip", "clamp", "sigmoid", "relu", "sum", "mean", "max", "min", "amax", "amin", "prod", "var", "std", "argmax",
        "argmin", "cumsum", "flatten", "swapaxes", "movedim", "unsqueeze", "squeeze", "diag", "diagonal",
        "repeat_interleave", "gather", "dot", "matmul", "trace"), bound);
    assertEquals(List.of("reshape", "transpose", "permute", "tile"), packed, "x.reshape(3, 4) packs its arguments");
  }

  /**
   * docs/CLAIMS.md: the normalisations accept {@code axis=}, reshape {@code shape=}, clip {@code min=} and
   * {@code max=}; losses take three reductions, gelu two approximations.
   */
  @Test
  void theFamiliesBuiltAnewDeclareTheDocumentedAliasesAndChoices() {
    assertEquals(List.of("axis"), param(ReductionFunctions.all(), "softmax", "dim").aliases());
    assertEquals(List.of("axis"), param(ReductionFunctions.all(), "log_softmax", "dim").aliases());
    assertEquals(List.of("shape"), param(ArrayFunctions.all(), "reshape", "newshape").aliases());
    assertEquals(List.of("mean", "sum", "none"), param(NetworkFunctions.all(), "cross_entropy", "reduction").choices());
    assertEquals(List.of("mean", "sum", "none"), param(NetworkFunctions.all(), "mse_loss", "reduction").choices());
    for (String loss : List.of("binary_cross_entropy", "binary_cross_entropy_with_logits", "nll_loss")) {
      assertEquals(List.of("mean", "sum", "none"), param(NetworkFunctions.all(), loss, "reduction").choices(), loss);
    }
    assertEquals(List.of("min"), param(ElementwiseFunctions.all(), "clip", "a_min").aliases());
    assertEquals(List.of("max"), param(ElementwiseFunctions.all(), "clip", "a_max").aliases());
    assertEquals(List.of("exponent"), param(ElementwiseFunctions.all(), "pow", "x2").aliases());
    assertEquals(List.of("dims"), param(LinalgFunctions.all(), "tensordot", "axes").aliases());
    assertEquals(List.of("diagonal"), param(ArrayFunctions.all(), "diag", "k").aliases());
    assertEquals(List.of("dim1"), param(ArrayFunctions.all(), "diagonal", "axis1").aliases());
    assertEquals(List.of("none", "tanh"), param(ElementwiseFunctions.all(), "gelu", "approximate").choices());
  }

  /**
   * docs/CLAIMS.md, "How a claim reads on the page": one function of each notation form, built anew.
   * A reduction's subscripts are its axis, then its keepdims flag when it has one ({@code ddof}
   * stays in the parentheses).
   */
  @Test
  void theFamiliesBuiltAnewDeclareTheDocumentedNotation() {
    Map<String, Function> fresh = new LinkedHashMap<>();
    FAMILIES.values().forEach(family -> family.get().forEach(f -> fresh.put(f.name(), f)));
    assertEquals(new Notation(Notation.Form.BIG_OPERATOR, "∑", List.of("a"), List.of("axis", "keepdims")),
        fresh.get("sum").notation());
    assertEquals(new Notation(Notation.Form.BIG_OPERATOR, "∏", List.of("a"), List.of("axis", "keepdims")),
        fresh.get("prod").notation());
    assertEquals(new Notation(Notation.Form.REDUCTION, "Var", List.of("a"), List.of("axis", "keepdims")),
        fresh.get("var").notation());
    assertEquals(new Notation(Notation.Form.ALONG_AXIS, "arg max", List.of("a"), List.of("axis", "keepdims")),
        fresh.get("argmax").notation());
    assertEquals(new Notation(Notation.Form.ALONG_AXIS, "log softmax", List.of("input"), List.of("dim")),
        fresh.get("log_softmax").notation());
    assertEquals(new Notation(Notation.Form.INFIX, "∗", List.of("input", "weight"),
        List.of("stride", "padding", "dilation", "groups")),
        fresh.get("conv2d").notation());
    assertEquals(new Notation(Notation.Form.INFIX, "⊗", List.of("a", "b"), List.of()), fresh.get("outer").notation());
    assertEquals(new Notation(Notation.Form.CONDITIONAL, "where", List.of("condition"), List.of()),
        fresh.get("where").notation());
    assertEquals(new Notation(Notation.Form.EXPONENTIAL, "e", List.of("x"), List.of()), fresh.get("exp").notation());
    assertEquals(new Notation(Notation.Form.RADICAL, "√", List.of("x"), List.of()), fresh.get("sqrt").notation());
    assertEquals(new Notation(Notation.Form.ENCLOSED, "||", List.of("x"), List.of()), fresh.get("abs").notation());
    assertEquals(new Notation(Notation.Form.SUPERSCRIPT, "2", List.of("x"), List.of()), fresh.get("square").notation());
    assertEquals(new Notation(Notation.Form.SUBSCRIPTED, "I", List.of("N"), List.of()), fresh.get("eye").notation());
    assertEquals(new Notation(Notation.Form.SUBSCRIPTED, "order", List.of("method"), List.of()),
        fresh.get("fd_order").notation());
    assertEquals(new Notation(Notation.Form.FUNCTION, "σ", List.of("input"), List.of()), fresh.get("sigmoid").notation());
  }

  /** docs/CLAIMS.md: 1-D sizes are integers, 2-D sizes an integer or a pair; transposed convolutions read as called. */
  @Test
  void theConvolutionsBuiltAnewTakeSizesByTheirDimension() {
    List<Function> network = NetworkFunctions.all();
    for (String size : List.of("stride", "padding")) {
      assertEquals(ParamType.INTEGER, param(network, "conv1d", size).type(), "conv1d " + size);
      assertEquals(ParamType.PAIR, param(network, "conv2d", size).type(), "conv2d " + size);
    }
    assertEquals(ParamType.INTEGER, param(network, "conv_transpose1d", "output_padding").type());
    assertEquals(ParamType.PAIR, param(network, "conv_transpose2d", "output_padding").type());
    Function transposed = network.stream().filter(f -> f.name().equals("conv_transpose1d")).findFirst().orElseThrow();
    assertEquals(Notation.function("conv_transpose1d", "input"), transposed.notation());
  }

  @Test
  void aReductionHasOneKeepdimsFlagAtMost() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Notation.reduction("mean", "a", "axis", "keepdims", "keepdims"));
  }

  private static Param param(List<Function> family, String function, String name) {
    Function f = family.stream().filter(g -> g.name().equals(function)).findFirst().orElseThrow();
    return f.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  /** Each {@code ### heading} of "## Functions" with its rows as {@code signature | counterpart}. */
  private static Map<String, List<String>> documentedTables() throws IOException {
    String doc = Files.readString(Path.of("docs/CLAIMS.md"), StandardCharsets.UTF_8);
    String functions = doc.substring(doc.indexOf("\n## Functions"), doc.indexOf("\n## ", doc.indexOf("\n## Functions") + 1));
    Map<String, List<String>> out = new LinkedHashMap<>();
    Pattern row = Pattern.compile("^\\| `([^`]+)` \\| ([^ |]+) \\|", Pattern.MULTILINE);
    String[] sections = functions.split("\n### ");
    for (int i = 1; i < sections.length; i++) {
      String heading = sections[i].substring(0, sections[i].indexOf('\n')).strip();
      List<String> rows = new ArrayList<>();
      Matcher m = row.matcher(sections[i]);
      while (m.find()) {
        if (!m.group(1).equals("a @ b")) { // an operator, not a function
          rows.add(m.group(1) + " | " + m.group(2));
        }
      }
      out.put(heading, rows);
    }
    return out;
  }
}

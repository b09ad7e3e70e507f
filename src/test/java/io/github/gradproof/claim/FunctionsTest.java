package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The function registry: Python's binding rules, signatures as the libraries spell them, documentation. */
class FunctionsTest {

  private static Expr.Call call(String src) {
    return (Expr.Call) ((Line.Definition) Parser.forwardLine("out = " + src)).value();
  }

  @Test
  void signaturesFollowTheMirroredLibraries() {
    assertEquals("sum(a, axis=None, *, keepdims=False)", Functions.named("sum").signature());
    assertEquals("var(a, axis=None, *, ddof=0, keepdims=False)", Functions.named("var").signature());
    assertEquals("softmax(input, dim=None)", Functions.named("softmax").signature());
    assertEquals("leaky_relu(input, negative_slope=0.01)", Functions.named("leaky_relu").signature());
    assertEquals("conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)",
        Functions.named("conv2d").signature());
    assertEquals("max_pool2d(input, kernel_size, stride=None, padding=0)", Functions.named("max_pool2d").signature());
    assertEquals("einsum(subscripts, *operands)", Functions.named("einsum").signature());
    assertEquals("cross_entropy(input, target, weight=None, *, ignore_index=-100, reduction='mean',"
        + " label_smoothing=0.0)", Functions.named("cross_entropy").signature());
    assertEquals("nll_loss(input, target, weight=None, *, ignore_index=-100, reduction='mean')",
        Functions.named("nll_loss").signature());
    assertEquals("layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05)",
        Functions.named("layer_norm").signature());
    assertEquals("gelu(input, *, approximate='none')", Functions.named("gelu").signature());
    assertEquals("norm(x, ord=None, axis=None, keepdims=False)", Functions.named("norm").signature());
    assertEquals("numpy.linalg.norm", Functions.named("norm").counterpart());
    assertEquals("batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1,"
        + " eps=1e-05)", Functions.named("batch_norm").signature());
    assertEquals("normalize(input, p=2.0, dim=1, eps=1e-12)", Functions.named("normalize").signature());
    assertEquals("cosine_similarity(x1, x2, dim=1, eps=1e-08)", Functions.named("cosine_similarity").signature());
    assertEquals("smooth_l1_loss(input, target, *, reduction='mean', beta=1.0)",
        Functions.named("smooth_l1_loss").signature());
    assertEquals("kl_div(input, target, *, reduction='mean', log_target=False)", Functions.named("kl_div").signature());
    assertEquals("numpy.clip", Functions.named("clip").counterpart());
    assertEquals("torch.nn.functional.conv1d", Functions.named("conv1d").counterpart());
    assertEquals("scipy.special.logsumexp", Functions.named("logsumexp").counterpart());
  }

  @Test
  void argumentsBindLikePython() {
    Function sum = Functions.named("sum");
    Expr[] slots = sum.bind(call("sum(x, 0, keepdims=True)"));
    assertEquals(3, slots.length);
    assertEquals("0", ((Expr.Num) slots[1]).text());
    assertTrue(((Expr.Bool) slots[2]).value());
    Expr[] defaults = sum.bind(call("sum(x)"));
    assertNull(defaults[1]);
    assertNull(defaults[2]);
  }

  @Test
  void anAliasBindsItsParameter() {
    Expr[] slots = Functions.named("softmax").bind(call("softmax(z, axis=1)"));
    assertEquals("1", ((Expr.Num) slots[1]).text());
    Expr[] shape = Functions.named("reshape").bind(call("reshape(x, shape=(2, 3))"));
    assertNotNull(shape[1]);
  }

  @Test
  void variadicParametersCollectTheRest() {
    Expr[] slots = Functions.named("einsum").bind(call("einsum('ij,jk', a, b)"));
    assertEquals(2, ((Expr.ListLiteral) slots[1]).items().size());
    Expr[] none = Functions.named("einsum").bind(call("einsum('i')"));
    assertEquals(0, ((Expr.ListLiteral) none[1]).items().size());
  }

  @Test
  void bindingErrorsSayWhatIsWrong() {
    assertEquals("sum() takes 1 to 2 positional arguments, got 3; give keepdims= by keyword",
        assertThrows(ClaimSyntaxException.class, () -> Functions.named("sum").bind(call("sum(x, 0, True)")))
            .getMessage());
    assertEquals("exp() takes 1 argument, got 2",
        assertThrows(ClaimSyntaxException.class, () -> Functions.named("exp").bind(call("exp(x, 2)"))).getMessage());
    assertEquals("where() is missing its argument 'y'; it takes 3 arguments",
        assertThrows(ClaimSyntaxException.class, () -> Functions.named("where").bind(call("where(c, x)")))
            .getMessage());
    assertEquals("unknown keyword 'dims' for softmax() (did you mean 'dim'?)",
        assertThrows(ClaimSyntaxException.class, () -> Functions.named("softmax").bind(call("softmax(z, dims=1)")))
            .getMessage());
  }

  /** PyTorch's dim=/keepdim= on a NumPy or SciPy function, and NumPy's axis= on a PyTorch one, name the other. */
  @Test
  void theOtherLibrarysKeywordNamesThisOne() {
    assertEquals("unknown keyword 'dim' for mean() (did you mean 'axis'? mean() follows NumPy, which spells PyTorch's"
        + " dim= as axis=)", bindError("mean", "mean(x, dim=0)"));
    assertEquals("unknown keyword 'dim' for logsumexp() (did you mean 'axis'? logsumexp() follows SciPy, which spells"
        + " PyTorch's dim= as axis=)", bindError("logsumexp", "logsumexp(x, dim=1)"));
    assertEquals("unknown keyword 'keepdim' for sum() (did you mean 'keepdims'? sum() follows NumPy, which spells"
        + " PyTorch's keepdim= as keepdims=)", bindError("sum", "sum(x, axis=0, keepdim=True)"));
    assertEquals("unknown keyword 'axis' for gather() (did you mean 'dim'? gather() follows PyTorch, which spells"
        + " NumPy's axis= as dim=)", bindError("gather", "gather(x, axis=1, index=i)"));
    assertEquals(3, Functions.named("amax").bind(call("amax(x, axis=1, keepdims=True)")).length,
        "amax takes NumPy's spellings as aliases: no error");
    assertEquals("unknown keyword 'p' for norm() (did you mean 'ord'? norm() follows NumPy, which spells PyTorch's"
        + " p= as ord=)", bindError("norm", "norm(x, p=2)"));
    assertEquals("unknown keyword 'ord' for normalize() (did you mean 'p'? normalize() follows PyTorch, which spells"
        + " NumPy's ord= as p=)", bindError("normalize", "normalize(x, ord=2)"));
    assertEquals("unknown keyword 'dim' for exp(); it takes x", bindError("exp", "exp(x, dim=0)"),
        "a function without an axis has nothing to suggest");
  }

  private static String bindError(String function, String src) {
    return assertThrows(ClaimSyntaxException.class, () -> Functions.named(function).bind(call(src))).getMessage();
  }

  @Test
  void methodsAreTheListedArrayMethods() {
    assertEquals(List.of("exp", "log", "sqrt", "abs", "square", "tanh", "log10", "rsqrt", "pow", "masked_fill",
        "clip", "clamp", "sigmoid", "relu", "sum", "mean", "max", "min", "amax", "amin", "prod", "var", "std", "argmax",
        "argmin", "cumsum", "reshape", "flatten", "transpose", "permute", "swapaxes", "movedim", "unsqueeze",
        "squeeze", "diag", "diagonal", "tile", "repeat_interleave", "gather", "dot", "matmul", "trace", "t", "view",
        "neg", "detach", "norm", "softmax", "log_softmax"), Functions.methodNames());
    assertNull(Functions.method("softplus"));
  }

  /**
   * PyTorch's tensor methods that are no function: found as methods (before a function of the same
   * name), never as the functions a claim calls, only by the call name a method call carries.
   */
  @Test
  void tensorMethodsAreMethodsOnly() {
    assertEquals(List.of("t", "mT", "view", "neg", "detach", "norm", "softmax", "log_softmax"),
        Functions.tensorMethods().stream().map(Function::name).toList());
    assertNull(Functions.named("t"));
    assertNull(Functions.named("view"));
    assertEquals("numpy.linalg.norm", Functions.named("norm").counterpart());
    assertEquals("torch.Tensor.norm", Functions.method("norm").counterpart());
    assertEquals("torch.Tensor.softmax", Functions.method("softmax").counterpart());
    assertEquals(Functions.method("t"), Functions.named("Tensor.t"));
    assertEquals("x.norm(p='fro', dim=None, keepdim=False)", Functions.method("norm").methodSignature());
    assertEquals("x.mT", Functions.method("mT").methodSignature());
    assertTrue(Functions.method("mT").isAttribute());
    assertTrue(!Functions.methodNames().contains("mT"), "an attribute is no method to suggest");
  }

  /** docs/CLAIMS.md, "Methods and attributes": a row for every tensor method, with its counterpart. */
  @Test
  void everyTensorMethodIsDocumented() throws IOException {
    String doc = Files.readString(Path.of("docs/CLAIMS.md"), StandardCharsets.UTF_8);
    for (Function f : Functions.tensorMethods()) {
      assertTrue(doc.contains("| `" + f.methodSignature() + "` | " + f.counterpart() + " |"),
          "docs/CLAIMS.md lacks the row of `" + f.methodSignature() + "`");
    }
  }

  @Test
  void everyFunctionHasANotationNamingItsOwnParameters() {
    for (Function f : Functions.all()) {
      Notation n = f.notation();
      for (String p : n.operands()) {
        assertTrue(f.params().contains(p), f.name() + " notation names " + p);
      }
      for (String p : n.subscripts()) {
        assertTrue(f.params().contains(p), f.name() + " notation names " + p);
      }
    }
  }

  /**
   * The renderer drops the arguments it moves to a subscript from the parentheses: that keeps the
   * other positional arguments in place only if no positional parameter follows a subscript one.
   */
  @Test
  void noPositionalParameterFollowsASubscriptOne() {
    for (Function f : Functions.all()) {
      boolean subscript = false;
      for (Param p : f.parameters()) {
        if (f.notation().subscripts().contains(p.name())) {
          subscript = true;
        } else {
          assertTrue(!subscript || p.keywordOnly(), f.name() + ": positional '" + p.name() + "' after a subscript");
        }
      }
    }
  }

  /** docs/CLAIMS.md lists every function with its signature and counterpart. */
  @Test
  void everyFunctionIsDocumented() throws IOException {
    String doc = Files.readString(Path.of("docs/CLAIMS.md"), StandardCharsets.UTF_8);
    for (Function f : Functions.all()) {
      assertTrue(doc.contains("`" + f.signature() + "`"), "docs/CLAIMS.md lacks `" + f.signature() + "`");
      assertTrue(doc.contains(f.counterpart()), "docs/CLAIMS.md lacks " + f.counterpart());
    }
  }
}

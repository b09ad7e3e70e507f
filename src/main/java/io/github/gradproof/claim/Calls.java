package io.github.gradproof.claim;

import java.util.List;

/** Method calls as the function calls they stand for, the same for the checker and the evaluator. */
final class Calls {

  private Calls() {}

  /**
   * {@code x.f(args)} as {@code f(x, args)}; for a packing method ({@code x.reshape(3, 4)}) several
   * positional arguments become one tuple, {@code reshape(x, (3, 4))}. A tensor method's call is named
   * {@code Tensor.name} ({@link Function#callName()}), so that it never reads as a function of that name.
   */
  static Expr.Call asCall(Function f, Expr.MethodCall m) {
    List<Expr> args = m.args();
    if (f.methodStyle() == Function.MethodStyle.PACKED && args.size() > 1) {
      args = List.of(new Expr.Tuple(args, args.get(0).pos()));
    }
    return m.asCall(f.callName(), args);
  }
}

package io.github.gradproof.claim;

import static io.github.gradproof.claim.ParamType.AXES;
import static io.github.gradproof.claim.ParamType.INTEGER;
import static io.github.gradproof.claim.ParamType.INTEGER_OR_NONE;
import static io.github.gradproof.claim.ParamType.NUMBER;
import static io.github.gradproof.claim.ParamType.SHAPE;
import static io.github.gradproof.claim.ParamType.STRING;
import static io.github.gradproof.claim.ParamType.TENSOR;
import static io.github.gradproof.claim.ParamType.TENSORS;
import static io.github.gradproof.claim.ParamType.TENSOR_OR_NONE;

import io.github.gradproof.autograd.Ops;
import io.github.gradproof.autograd.ShapeException;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * NumPy's array creation, shape manipulation, repetition, joining and triangles, and gathering
 * along an axis (NumPy's {@code take_along_axis}, torch's {@code gather}); PyTorch's permute,
 * unsqueeze, pad and repeat_interleave.
 */
final class ArrayFunctions {

  private ArrayFunctions() {}

  /** The names of the family's functions, in declaration order (each a case of {@link #build}). */
  static final List<String> NAMES = List.of(
      "ones", "zeros", "ones_like", "zeros_like", "eye", "arange", "reshape", "flatten", "transpose", "permute",
      "swapaxes", "moveaxis", "movedim", "expand_dims", "unsqueeze", "squeeze", "broadcast_to", "flip", "tril",
      "triu", "diag", "diagonal", "pad", "tile", "repeat", "repeat_interleave", "concatenate", "stack",
      "take_along_axis", "gather");

  /** Every function of the family, in declaration order, each newly built. */
  static List<Function> all() {
    return NAMES.stream().map(ArrayFunctions::build).toList();
  }

  /**
   * The function of this family named {@code name}, newly built, or {@code null}: the registry builds
   * each function on its first use, so a build links the lambdas of the functions its quiz files call
   * and no others.
   */
  static Function build(String name) {
    Function f = creation(name);
    f = f != null ? f : shapes(name);
    f = f != null ? f : repetition(name);
    f = f != null ? f : joining(name);
    return f != null ? f : gathering(name);
  }


  private static Function creation(String name) {
    return switch (name) {
      case "ones" -> Function.numpy("ones").param("shape", SHAPE).shape(a -> a.sizes("shape"))
          .eval(a -> Var.constant(Tensor.ones(sizes(a.shape("shape"))))).math(Notation.function("ones", "shape"))
          .build();
      case "zeros" -> Function.numpy("zeros").param("shape", SHAPE).shape(a -> a.sizes("shape"))
          .eval(a -> Var.constant(Tensor.zeros(sizes(a.shape("shape"))))).math(Notation.function("zeros", "shape"))
          .build();
      case "ones_like" -> Function.numpy("ones_like").param("a", TENSOR).shape(a -> a.shape("a"))
          .eval(a -> Var.onesLike(a.var("a"))).math(Notation.function("ones_like", "a")).build();
      case "zeros_like" -> Function.numpy("zeros_like").param("a", TENSOR).shape(a -> a.shape("a"))
          .eval(a -> Var.zerosLike(a.var("a"))).math(Notation.function("zeros_like", "a")).build();
      case "eye" -> Function.numpy("eye").param("N", INTEGER).param("M", INTEGER_OR_NONE, null).param("k", INTEGER, 0L)
          .shape(a -> Shape.of(a.integer("N"), a.isNone("M") ? a.integer("N") : a.integer("M")))
          .eval(a -> {
            int n = a.integer("N");
            Integer m = a.integerOrNull("M");
            int[] size = sizes(new int[] {n, m == null ? n : m});
            return Var.constant(Tensor.eye(size[0], size[1], a.integer("k")));
          })
          .math(Notation.subscripted("I", "N")).build();
      case "arange" -> Function.numpy("arange").param("start", NUMBER).param("stop", NUMBER, null)
          .param("step", NUMBER, null)
          .shape(ArrayFunctions::arangeShape)
          .eval(ArrayFunctions::arange)
          .math(Notation.function("arange", "start")).build();
      default -> null;
    };
  }

  /** The sizes of a new array, refused as NumPy refuses them when negative. */
  private static int[] sizes(int[] shape) {
    for (int n : shape) {
      if (n < 0) {
        throw new ShapeException(ShapeException.Kind.DOMAIN, "negative dimensions are not allowed: "
            + Tensor.shapeString(shape));
      }
    }
    return shape;
  }

  /** NumPy's {@code arange(stop)}, {@code arange(start, stop)}, {@code arange(start, stop, step)}. */
  private static Var arange(Args a) {
    double first = a.number("start");
    boolean one = a.isNone("stop");
    double start = one ? 0 : first;
    double stop = one ? first : a.number("stop");
    double step = a.isNone("step") ? 1 : a.number("step");
    return Var.constant(Tensor.arange(start, stop, step));
  }

  private static Shape arangeShape(StaticArgs a) {
    boolean one = a.isNone("stop");
    Dim start = one ? Dim.of(0) : integer(a, "start");
    Dim stop = integer(a, one ? "start" : "stop");
    Dim step = a.isNone("step") ? Dim.of(1) : integer(a, "step");
    return Shape.of(Dim.rangeLength(start, stop, step));
  }

  /** An integer argument's symbolic value; a float one makes the length unknown statically. */
  private static Dim integer(StaticArgs a, String param) {
    return a.type(param) instanceof StaticType.IntType i ? i.value() : Dim.unknown();
  }

  /** torch.flatten's shape: the axes from start_dim to end_dim as one; rank 0 becomes {@code (1,)}. */
  private static Shape flattenShape(StaticArgs a) {
    Shape in = a.shape("input");
    if (!in.isKnown()) {
      return Shape.unknown();
    }
    int rank = Math.max(in.rank(), 1);
    int start = a.constant("start_dim");
    int end = a.constant("end_dim");
    if (start < -rank || start >= rank || end < -rank || end >= rank) {
      return Shape.unknown(); // undefined: running the claim reports the axis
    }
    start = Math.floorMod(start, rank);
    end = Math.floorMod(end, rank);
    if (in.rank() == 0 || start > end) {
      return in.rank() == 0 ? Shape.of(Dim.of(1)) : Shape.unknown();
    }
    List<Dim> out = new ArrayList<>(in.dims().subList(0, start));
    Dim joined = in.dim(start);
    for (int i = start + 1; i <= end; i++) {
      joined = joined.times(in.dim(i));
    }
    out.add(joined);
    out.addAll(in.dims().subList(end + 1, in.rank()));
    return new Shape(out);
  }

  private static Function shapes(String name) {
    return switch (name) {
      case "reshape" -> Function.numpy("reshape").param("a", TENSOR).param("newshape", SHAPE).alias("shape")
          .packedMethod()
          .shape(a -> ShapeRules.reshape(a.shape("a"), a.sizes("newshape")))
          .eval(a -> a.var("a").reshape(a.shape("newshape")))
          .math(Notation.function("reshape", "a")).build();
      case "flatten" -> Function.torch("flatten").counterpart("torch.flatten").param("input", TENSOR)
          .param("start_dim", INTEGER, 0L)
          .param("end_dim", INTEGER, -1L).method()
          .shape(ArrayFunctions::flattenShape)
          .eval(a -> a.var("input").flatten(a.integer("start_dim"), a.integer("end_dim")))
          .math(Notation.function("flatten", "input")).build();
      case "transpose" -> Function.numpy("transpose").param("a", TENSOR).param("axes", AXES, null).packedMethod()
          .shape(a -> ShapeRules.transpose(a.shape("a"), a.axes("axes")))
          .eval(a -> {
            int[] axes = a.axes("axes");
            return axes == null ? a.var("a").transpose() : a.var("a").transpose(axes);
          })
          .math(Notation.superscript("T", "a")).build();
      case "permute" -> Function.torch("permute").counterpart("torch.permute").param("input", TENSOR)
          .param("dims", SHAPE)
          .packedMethod()
          .shape(a -> ShapeRules.transpose(a.shape("input"), a.axes("dims")))
          .eval(a -> a.var("input").permute(a.shape("dims")))
          .math(Notation.function("permute", "input")).build();
      case "swapaxes" -> Function.numpy("swapaxes").param("a", TENSOR).param("axis1", INTEGER).param("axis2", INTEGER)
          .method()
          .shape(a -> ShapeRules.swapaxes(a.shape("a"), a.constant("axis1"), a.constant("axis2")))
          .eval(a -> a.var("a").swapaxes(a.integer("axis1"), a.integer("axis2")))
          .math(Notation.function("swapaxes", "a")).build();
      case "moveaxis" -> Function.numpy("moveaxis").param("a", TENSOR).param("source", AXES).param("destination", AXES)
          .shape(a -> AxisMoves.moveaxis(a, "a"))
          .eval(a -> a.var("a").moveaxis(a.axes("source"), a.axes("destination")))
          .math(Notation.function("moveaxis", "a")).build();
      case "movedim" -> Function.torch("movedim").counterpart("torch.movedim").param("input", TENSOR)
          .param("source", AXES)
          .param("destination", AXES).method()
          .shape(a -> AxisMoves.moveaxis(a, "input"))
          .eval(a -> a.var("input").moveaxis(a.axes("source"), a.axes("destination")))
          .math(Notation.function("movedim", "input")).build();
      case "expand_dims" -> Function.numpy("expand_dims").param("a", TENSOR).param("axis", SHAPE)
          .shape(a -> ShapeRules.expandDims(a.shape("a"), a.axes("axis")))
          .eval(a -> a.var("a").expandDims(a.shape("axis")))
          .math(Notation.function("expand_dims", "a")).build();
      case "unsqueeze" -> Function.torch("unsqueeze").counterpart("torch.unsqueeze").param("input", TENSOR)
          .param("dim", INTEGER)
          .method()
          .shape(a -> ShapeRules.expandDims(a.shape("input"), new int[] {a.constant("dim")}))
          .eval(a -> a.var("input").unsqueeze(a.integer("dim")))
          .math(Notation.function("unsqueeze", "input")).build();
      case "squeeze" -> Function.numpy("squeeze").param("a", TENSOR).param("axis", AXES, null).method()
          .shape(a -> ShapeRules.squeeze(a.shape("a"), a.axes("axis")))
          .eval(a -> a.var("a").squeeze(a.axes("axis")))
          .math(Notation.function("squeeze", "a")).build();
      case "broadcast_to" -> Function.numpy("broadcast_to").param("array", TENSOR).param("shape", SHAPE)
          .shape(a -> {
            Shape target = a.sizes("shape");
            Shape x = a.shape("array");
            return ShapeRules.broadcast(x, target).equals(target) ? target : Shape.unknown();
          })
          .eval(a -> a.var("array").broadcastTo(a.shape("shape")))
          .math(Notation.function("broadcast_to", "array")).build();
      case "flip" -> Function.numpy("flip").param("m", TENSOR).param("axis", AXES, null)
          .shape(a -> {
            Shape x = a.shape("m");
            int[] axes = a.axes("axis");
            if (axes != null) {
              ShapeRules.reduce(x, axes, true); // axes out of range or repeated: unknown
            }
            return x;
          })
          .eval(a -> a.var("m").flip(a.axes("axis")))
          .math(Notation.function("flip", "m")).build();
      case "tril" -> Function.numpy("tril").param("m", TENSOR).param("k", INTEGER, 0L).shape(a -> a.shape("m"))
          .eval(a -> a.var("m").tril(a.integer("k"))).math(Notation.function("tril", "m")).build();
      case "triu" -> Function.numpy("triu").param("m", TENSOR).param("k", INTEGER, 0L).shape(a -> a.shape("m"))
          .eval(a -> a.var("m").triu(a.integer("k"))).math(Notation.function("triu", "m")).build();
      case "diag" -> Function.numpy("diag").param("v", TENSOR).param("k", INTEGER, 0L).alias("diagonal").method()
          .shape(AxisMoves::diag)
          .eval(a -> a.var("v").diag(a.integer("k"))).math(Notation.function("diag", "v")).build();
      case "diagonal" -> Function.numpy("diagonal").param("a", TENSOR).param("offset", INTEGER, 0L)
          .param("axis1", INTEGER, 0L)
          .alias("dim1").param("axis2", INTEGER, 1L).alias("dim2").method()
          .shape(a -> AxisMoves.diagonal(a, "a", "axis1", "axis2"))
          .eval(a -> a.var("a").diagonal(a.integer("offset"), a.integer("axis1"), a.integer("axis2")))
          .math(Notation.function("diagonal", "a")).build();
      case "pad" -> Function.torch("pad").param("input", TENSOR).param("pad", SHAPE)
          .param("mode", STRING, "constant").choices("constant", "reflect", "replicate", "circular")
          .param("value", TENSOR_OR_NONE, null)
          .shape(ArrayFunctions::padShape)
          .eval(a -> Ops.pad(a.var("input"), a.shape("pad"), a.string("mode"),
              a.isNone("value") ? 0 : a.number("value")))
          .math(Notation.function("pad", "input")).build();
      default -> null;
    };
  }

  /**
   * torch.nn.functional.pad's shape: each padded axis (the last first) grows by its two pads. A pad that
   * is no tuple, a tuple of odd length, and a value beside another mode than 'constant' are refused
   * before anything runs, as PyTorch refuses them whatever the input.
   */
  private static Shape padShape(StaticArgs a) {
    if (!(a.type("pad") instanceof StaticType.ShapeType)) {
      throw a.fail("pad", "'pad' must be a tuple of integers, (left, right) for the last axis first, got an integer");
    }
    List<Dim> pad = a.sizes("pad").dims();
    if (pad.size() % 2 != 0) {
      throw a.fail("pad", "the pad tuple holds (left, right) pairs, so its length must be divisible by 2, got "
          + pad.size());
    }
    if (!a.isNone("value") && !a.string("mode").equals("constant")) {
      throw a.fail("value", "mode '" + a.string("mode") + "' takes no value (only 'constant' fills with one)");
    }
    if (!a.isNone("value") && !a.shape("value").isScalar()) {
      throw a.fail("value", "'value' must be a number");
    }
    Shape in = a.shape("input");
    if (!in.isKnown() || pad.size() / 2 > in.rank()) {
      return Shape.unknown(); // undefined when too long: running the claim reports it
    }
    List<Dim> out = new ArrayList<>(in.dims());
    for (int k = 0; k < pad.size() / 2; k++) {
      int axis = in.rank() - 1 - k;
      out.set(axis, out.get(axis).plus(pad.get(2 * k)).plus(pad.get(2 * k + 1)));
    }
    return new Shape(out);
  }

  /**
   * np.repeat's shape: one integer count multiplies the axis (or the flattened size); the shape of
   * counts in a tensor depends on their values.
   */
  private static Shape repeatShape(StaticArgs a, String axisParam, String inputParam) {
    Shape in = a.shape(inputParam);
    if (!(a.type("repeats") instanceof StaticType.IntType count) || !in.isKnown()) {
      return Shape.unknown();
    }
    if (a.isNone(axisParam)) {
      return Shape.of(in.size().times(count.value()));
    }
    List<Dim> out = new ArrayList<>(in.dims());
    int axis = ShapeRules.axis(a.constant(axisParam), in.rank());
    out.set(axis, out.get(axis).times(count.value()));
    return new Shape(out);
  }

  /** np.tile's shape: the shape and reps aligned at the right, the shorter padded with ones. */
  private static Shape tileShape(StaticArgs a) {
    Shape in = a.shape("A");
    List<Dim> reps = a.sizes("reps").dims();
    if (!in.isKnown()) {
      return Shape.unknown();
    }
    int rank = Math.max(in.rank(), reps.size());
    List<Dim> out = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      int x = i - (rank - in.rank());
      int r = i - (rank - reps.size());
      out.add((x < 0 ? Dim.of(1) : in.dim(x)).times(r < 0 ? Dim.of(1) : reps.get(r)));
    }
    return new Shape(out);
  }

  private static Function repetition(String name) {
    return switch (name) {
      case "tile" -> Function.numpy("tile").param("A", TENSOR).param("reps", SHAPE).alias("dims").packedMethod()
          .shape(ArrayFunctions::tileShape)
          .eval(a -> a.var("A").tile(a.shape("reps")))
          .math(Notation.function("tile", "A")).build();
      case "repeat" -> Function.numpy("repeat").param("a", TENSOR).param("repeats", TENSOR)
          .param("axis", INTEGER_OR_NONE, null)
          .shape(a -> repeatShape(a, "axis", "a"))
          .eval(a -> a.var("a").repeat(a.tensor("repeats").toArray(), a.integerOrNull("axis")))
          .math(Notation.function("repeat", "a")).build();
      case "repeat_interleave" -> Function.torch("repeat_interleave").counterpart("torch.repeat_interleave")
          .param("input", TENSOR)
          .param("repeats", TENSOR).param("dim", INTEGER_OR_NONE, null).method()
          .shape(a -> repeatShape(a, "dim", "input"))
          .eval(a -> a.var("input").repeat(a.tensor("repeats").toArray(), a.integerOrNull("dim")))
          .math(Notation.function("repeat_interleave", "input")).build();
      default -> null;
    };
  }

  private static Function joining(String name) {
    return switch (name) {
      case "concatenate" -> Function.numpy("concatenate").param("arrays", TENSORS).param("axis", INTEGER_OR_NONE, 0L)
          .shape(a -> ShapeRules.concatenate(a.shapes("arrays"), a.constantOrNull("axis")))
          .eval(a -> {
            List<Var> parts = a.vars("arrays");
            Integer axis = a.integerOrNull("axis");
            if (axis == null) {
              parts = parts.stream().map(p -> p.reshape(-1)).toList();
            }
            return Ops.concatenate(parts, axis == null ? 0 : axis);
          })
          .math(Notation.function("concat", "arrays")).build();
      case "stack" -> Function.numpy("stack").param("arrays", TENSORS).param("axis", INTEGER, 0L)
          .shape(a -> ShapeRules.stack(a.shapes("arrays"), a.constant("axis")))
          .eval(a -> Ops.stack(a.vars("arrays"), a.integer("axis")))
          .math(Notation.function("stack", "arrays")).build();
      default -> null;
    };
  }

  private static Function gathering(String name) {
    return switch (name) {
      case "take_along_axis" -> Function.numpy("take_along_axis").param("arr", TENSOR).param("indices", TENSOR)
          .param("axis", INTEGER_OR_NONE)
          .shape(ArrayFunctions::alongAxis)
          .eval(a -> Ops.takeAlongAxis(a.var("arr"), a.tensor("indices"), a.integerOrNull("axis")))
          .math(Notation.function("take_along_axis", "arr")).build();
      case "gather" -> Function.torch("gather").counterpart("torch.gather").param("input", TENSOR).param("dim", INTEGER)
          .param("index", TENSOR).method()
          .shape(a -> a.shape("index"))
          .eval(a -> Ops.gather(a.var("input"), a.integer("dim"), a.tensor("index")))
          .math(Notation.function("gather", "input")).build();
      default -> null;
    };
  }

  /** take_along_axis's shape: the indices' along the axis, the broadcast of both elsewhere; axis None: the indices'. */
  private static Shape alongAxis(StaticArgs a) {
    Shape arr = a.shape("arr");
    Shape indices = a.shape("indices");
    if (a.isNone("axis")) {
      return indices;
    }
    if (!arr.isKnown() || !indices.isKnown() || arr.rank() != indices.rank()) {
      return Shape.unknown();
    }
    int axis = ShapeRules.axis(a.constant("axis"), arr.rank());
    Dim[] out = new Dim[arr.rank()];
    for (int d = 0; d < out.length; d++) {
      out[d] = d == axis ? indices.dim(d) : Dim.broadcast(arr.dim(d), indices.dim(d));
      if (out[d] == null) {
        return Shape.unknown();
      }
    }
    return Shape.of(out);
  }
}

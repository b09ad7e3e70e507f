package io.github.gradproof.autograd;

import java.util.Arrays;

/**
 * torch's group_norm and instance_norm ({@link Ops#groupNorm}, {@link Ops#instanceNorm}), composed of
 * the engine's reshapes, reductions and arithmetic like layer_norm, so their gradients are those ops'.
 * Instance normalisation with the input's statistics is group normalisation with one group per channel.
 */
final class GroupNorm {

  private GroupNorm() {}

  /** {@code (N, C, *)} normalised over each of {@code groups} groups of channels and every other axis. */
  static Var groupNorm(Var input, int groups, Var weight, Var bias, double eps) {
    int[] shape = input.value().shapeRef();
    if (shape.length < 2) {
      throw error("group_norm", "expected an input (N, C, ...) of at least 2 dimensions, got shape "
          + Shapes.format(shape));
    }
    if (groups < 1 || shape[1] % groups != 0) {
      throw error("group_norm", "expected the number of channels in input to be divisible by num_groups, but"
          + " got input of shape " + Shapes.format(shape) + " and num_groups=" + groups);
    }
    return affine("group_norm", normalized(input, groups, eps), weight, bias);
  }

  /**
   * {@code (N, C, *)} normalised per sample and channel over the other axes ({@code useInputStats}), or
   * by the running statistics, per channel.
   */
  static Var instanceNorm(Var input, Tensor runningMean, Tensor runningVar, Var weight, Var bias,
      boolean useInputStats, double eps) {
    int[] shape = input.value().shapeRef();
    if (shape.length < 2) {
      throw error("instance_norm", "expected an input (N, C, ...) of at least 2 dimensions, got shape "
          + Shapes.format(shape));
    }
    Var out;
    if (useInputStats) {
      if (shape.length == 2 || input.value().size() / Math.max(1, shape[0] * shape[1]) <= 1) {
        throw error("instance_norm", "expected more than 1 spatial element when using the input's statistics,"
            + " got input shape " + Shapes.format(shape));
      }
      statistic("running_mean", runningMean, shape, false);
      statistic("running_var", runningVar, shape, false);
      out = normalized(input, shape[1], eps);
    } else {
      Var mean = Var.constant(statistic("running_mean", runningMean, shape, true).withShape(perChannel(shape)));
      Var variance = Var.constant(statistic("running_var", runningVar, shape, true).withShape(perChannel(shape)));
      out = input.sub(mean).div(variance.add(Var.constant(Tensor.scalar(eps))).sqrt());
    }
    return affine("instance_norm", out, weight, bias);
  }

  /** {@code (x - mean) / sqrt(var + eps)} with the biased variance over each group of each sample. */
  private static Var normalized(Var input, int groups, double eps) {
    int[] shape = input.value().shapeRef();
    Var grouped = input.reshape(shape[0], groups, -1);
    int[] last = {2};
    Var centred = grouped.sub(grouped.mean(last, true));
    Var spread = grouped.var(last, true).add(Var.constant(Tensor.scalar(eps))).sqrt();
    return centred.div(spread).reshape(shape);
  }

  /** {@code out * weight + bias}, each of {@code C} values broadcast along the channel axis. */
  private static Var affine(String op, Var out, Var weight, Var bias) {
    int[] shape = out.value().shapeRef();
    Var scaled = weight == null ? out : out.mul(channels(op, "weight", weight, shape).reshape(perChannel(shape)));
    return bias == null ? scaled : scaled.add(channels(op, "bias", bias, shape).reshape(perChannel(shape)));
  }

  private static Var channels(String op, String name, Var v, int[] shape) {
    int[] s = v.value().shapeRef();
    if (s.length != 1 || s[0] != shape[1]) {
      throw error(op, "expected " + name + " to be a vector of " + shape[1] + " values, one per channel of input "
          + Shapes.format(shape) + ", got shape " + Shapes.format(s));
    }
    return v;
  }

  private static Tensor statistic(String name, Tensor t, int[] shape, boolean needed) {
    if (t == null && needed) {
      throw error("instance_norm", "expected running_mean and running_var to be given when use_input_stats is"
          + " False");
    }
    if (t != null && (t.rank() != 1 || t.size() != shape[1])) {
      throw error("instance_norm", name + " should contain " + shape[1] + " elements (one per channel of input "
          + Shapes.format(shape) + "), got shape " + t.shapeString());
    }
    return t;
  }

  /** {@code (C, 1, ..., 1)}: one value per channel, broadcast over the axes after it. */
  private static int[] perChannel(int[] shape) {
    int[] out = new int[shape.length - 1];
    Arrays.fill(out, 1);
    out[0] = shape[1];
    return out;
  }

  private static ShapeException error(String op, String message) {
    return new ShapeException(ShapeException.Kind.DOMAIN, op + ": " + message);
  }
}

package io.github.gradproof.autograd;

import java.util.Arrays;

/** torch's batch_norm ({@link Ops#batchNorm}), composed of the engine's reductions and arithmetic. */
final class BatchNorm {

  private BatchNorm() {}

  static Var apply(Var input, Tensor runningMean, Tensor runningVar, Var weight, Var bias,
      boolean training, double eps) {
    int[] shape = input.value().shapeRef();
    if (shape.length < 2) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "batch_norm: expected an input (N, C) or (N, C, ...),"
          + " got shape " + Shapes.format(shape));
    }
    int[] channel = new int[shape.length];
    Arrays.fill(channel, 1);
    channel[1] = shape[1];
    Var mean;
    Var variance;
    if (training) {
      checkChannels("running_mean", runningMean, shape);
      checkChannels("running_var", runningVar, shape);
      if (input.value().size() / shape[1] <= 1) {
        throw new ShapeException(ShapeException.Kind.DOMAIN, "batch_norm: expected more than 1 value per channel"
            + " when training, got input shape " + Shapes.format(shape));
      }
      int[] axes = new int[shape.length - 1];
      for (int i = 0; i < axes.length; i++) {
        axes[i] = i == 0 ? 0 : i + 1;
      }
      mean = input.mean(axes, true);
      variance = input.var(axes, true);
    } else {
      mean = Var.constant(statistic("running_mean", runningMean, shape).withShape(channel));
      variance = Var.constant(statistic("running_var", runningVar, shape).withShape(channel));
    }
    Var out = input.sub(mean).div(variance.add(Var.constant(Tensor.scalar(eps))).sqrt());
    out = weight == null ? out : out.mul(channels("weight", weight, shape).reshape(channel));
    return bias == null ? out : out.add(channels("bias", bias, shape).reshape(channel));
  }

  private static Tensor statistic(String name, Tensor t, int[] shape) {
    if (t == null) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "batch_norm: " + name + " must be given in evaluation"
          + " mode (training=False)");
    }
    return checkChannels(name, t, shape);
  }

  private static Tensor checkChannels(String name, Tensor t, int[] shape) {
    if (t != null && t.size() != shape[1]) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "batch_norm: " + name + " should contain " + shape[1]
          + " elements (one per channel of input " + Shapes.format(shape) + "), not " + t.size());
    }
    return t;
  }

  private static Var channels(String name, Var v, int[] shape) {
    checkChannels(name, v.value(), shape);
    return v;
  }
}

package io.github.gradproof.autograd;

/**
 * A seeded pseudo-random generator of our own (SplitMix64), so the same seed gives the same numbers on
 * every JVM and platform. Gaussians use Marsaglia's polar method with {@link StrictMath}. Not thread-safe.
 */
public final class Rng {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;
  private double spareGaussian;
  private boolean hasSpare;

  /** A generator whose whole sequence is determined by {@code seed}. */
  public Rng(long seed) {
    this.state = seed;
  }

  /** The next 64 random bits (one SplitMix64 step). */
  public long nextLong() {
    long z = (state += GOLDEN_GAMMA);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in {@code [0, 1)}, a multiple of 2^-53. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Standard normal (mean 0, variance 1). */
  public double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spareGaussian;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double factor = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    spareGaussian = v * factor;
    hasSpare = true;
    return u * factor;
  }

  /**
   * Uniform integer in {@code [0, bound)}, without modulo bias.
   *
   * @throws IllegalArgumentException if {@code bound <= 0}
   */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    while (true) {
      long bits = nextLong() >>> 1;
      long value = bits % bound;
      if (bits - value + (bound - 1) >= 0) {
        return (int) value;
      }
    }
  }

  /** A tensor of standard normal values, filled in row-major order. */
  public Tensor normal(int... shape) {
    double[] data = new double[Shapes.allocationSize(Shapes.checkShape(shape))];
    for (int i = 0; i < data.length; i++) {
      data[i] = nextGaussian();
    }
    return Tensor.of(data, shape);
  }

  /** A tensor of values uniform in {@code [-1, 1)}. */
  public Tensor uniform(int... shape) {
    double[] data = new double[Shapes.allocationSize(Shapes.checkShape(shape))];
    for (int i = 0; i < data.length; i++) {
      data[i] = 2 * nextDouble() - 1;
    }
    return Tensor.of(data, shape);
  }

  /** A tensor of values uniform in {@code [0.5, 2)}: safely inside the domain of log, sqrt and division. */
  public Tensor positive(int... shape) {
    double[] data = new double[Shapes.allocationSize(Shapes.checkShape(shape))];
    for (int i = 0; i < data.length; i++) {
      data[i] = 0.5 + 1.5 * nextDouble();
    }
    return Tensor.of(data, shape);
  }

  /**
   * A tensor of integer class labels in {@code [0, classes)}, stored as doubles.
   *
   * @throws IllegalArgumentException if {@code classes <= 0}
   */
  public Tensor labels(int classes, int... shape) {
    double[] data = new double[Shapes.allocationSize(Shapes.checkShape(shape))];
    for (int i = 0; i < data.length; i++) {
      data[i] = nextInt(classes);
    }
    return Tensor.of(data, shape);
  }

  /**
   * A 0/1 mask: each element 1.0 with probability {@code p}, else 0.0 (one uniform draw each).
   *
   * @throws IllegalArgumentException unless {@code 0 < p < 1}
   */
  public Tensor bernoulli(double p, int... shape) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be in (0, 1), got " + p);
    }
    double[] data = new double[Shapes.allocationSize(Shapes.checkShape(shape))];
    for (int i = 0; i < data.length; i++) {
      data[i] = nextDouble() < p ? 1 : 0;
    }
    return Tensor.of(data, shape);
  }
}

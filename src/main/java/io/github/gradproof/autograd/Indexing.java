package io.github.gradproof.autograd;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a NumPy index ({@link Index} items) against a shape into a gather plan: the output shape and
 * the flat source offset of every output element. Basic items make a strided view; integer arrays add a
 * table of offsets over their broadcast shape, placed as NumPy places it (in place when the advanced
 * items are adjacent in the index, first otherwise).
 */
final class Indexing {

  private Indexing() {}

  /** The result of resolving an index: {@code out[k] = x[offsets[k]]}, shaped {@code shape}. */
  record Plan(int[] offsets, int[] shape) {}

  /** An advanced item: an integer array on one source axis. */
  private record Advanced(int axis, Tensor indices) {}

  /** The output axes built so far: sizes, strides into the source, and where the advanced block goes. */
  private static final class Builder {
    final List<Integer> dims = new ArrayList<>();
    final List<Integer> strides = new ArrayList<>();
    final List<Advanced> advanced = new ArrayList<>();
    int base;
    int blockAt = -1;
  }

  /**
   * Resolves {@code items} against {@code shape}.
   *
   * @throws ShapeException of kind INDEX for too many indices, a second ellipsis, a zero step, a
   *     non-integer or out-of-range index, or index arrays that do not broadcast together
   */
  static Plan resolve(int[] shape, List<Index> items) {
    List<Index> expanded = expandEllipsis(shape.length, items);
    boolean advanced = items.stream().anyMatch(i -> i instanceof Index.Take);
    boolean adjacent = advanced && advancedItemsAdjacent(items);
    int[] source = Shapes.strides(shape);
    Builder b = new Builder();
    int axis = 0;
    for (Index item : expanded) {
      if (item instanceof Index.NewAxis) {
        b.dims.add(1);
        b.strides.add(0);
        continue;
      }
      if (item instanceof Index.Slice s) {
        int[] r = sliceRange(s, shape[axis]);
        b.dims.add(r[2]);
        b.strides.add(r[1] * source[axis]);
        b.base += r[0] * source[axis];
      } else if (advanced) {
        if (b.advanced.isEmpty() && adjacent) {
          b.blockAt = b.dims.size();
        }
        Tensor idx = item instanceof Index.Take t ? t.indices() : Tensor.scalar(((Index.At) item).i());
        b.advanced.add(new Advanced(axis, idx));
      } else {
        b.base += position(((Index.At) item).i(), shape[axis], axis) * source[axis];
      }
      axis++;
    }
    return advanced ? withAdvanced(b, shape, source) : basic(b);
  }

  /** Replaces the ellipsis (or the implicit one at the end) with whole-axis slices. */
  private static List<Index> expandEllipsis(int rank, List<Index> items) {
    int consumed = 0;
    int ellipses = 0;
    for (Index item : items) {
      if (item instanceof Index.Ellipsis) {
        ellipses++;
      } else if (!(item instanceof Index.NewAxis)) {
        consumed++;
      }
    }
    if (ellipses > 1) {
      throw error("an index can only have a single ellipsis ('...')");
    }
    if (consumed > rank) {
      throw error("too many indices for array: array is " + rank + "-dimensional, but " + consumed
          + " were indexed");
    }
    List<Index> out = new ArrayList<>();
    for (Index item : items) {
      if (item instanceof Index.Ellipsis) {
        addWholeAxes(out, rank - consumed);
      } else {
        out.add(item);
      }
    }
    if (ellipses == 0) {
      addWholeAxes(out, rank - consumed);
    }
    return out;
  }

  private static void addWholeAxes(List<Index> out, int count) {
    for (int i = 0; i < count; i++) {
      out.add(Index.Slice.all());
    }
  }

  /** Whether the advanced items (arrays, and integers among them) form one run in the written index. */
  private static boolean advancedItemsAdjacent(List<Index> items) {
    int first = -1;
    int last = -1;
    int count = 0;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof Index.Take || items.get(i) instanceof Index.At) {
        first = first < 0 ? i : first;
        last = i;
        count++;
      }
    }
    return last - first + 1 == count;
  }

  /**
   * Python's {@code slice.indices}: the first position, the step and the number of elements.
   *
   * @throws ShapeException of kind INDEX for a zero step
   */
  static int[] sliceRange(Index.Slice s, int size) {
    long step = s.step() == null ? 1 : s.step();
    if (step == 0) {
      throw error("slice step cannot be zero");
    }
    long lower = step > 0 ? 0 : -1;
    long upper = step > 0 ? size : size - 1;
    long start = bound(s.start(), step > 0 ? lower : upper, size, lower, upper);
    long stop = bound(s.stop(), step > 0 ? upper : lower, size, lower, upper);
    long span = step > 0 ? stop - start : start - stop;
    long count = span <= 0 ? 0 : (span - 1) / Math.abs(step) + 1;
    return new int[] {(int) (count == 0 ? 0 : start), (int) step, (int) count};
  }

  private static long bound(Integer given, long fallback, int size, long lower, long upper) {
    if (given == null) {
      return fallback;
    }
    long v = given;
    return v < 0 ? Math.max(v + size, lower) : Math.min(v, upper);
  }

  /**
   * An integer position on an axis, negative counting from the end.
   *
   * @throws ShapeException of kind INDEX if it is out of range
   */
  static int position(long i, int size, int axis) {
    if (i < -size || i >= size) {
      throw error("index " + i + " is out of bounds for axis " + axis + " with size " + size);
    }
    return (int) (i < 0 ? i + size : i);
  }

  private static Plan basic(Builder b) {
    int[] shape = toArray(b.dims);
    return new Plan(Strided.offsets(b.base, toArray(b.strides), shape), shape);
  }

  /** Inserts the broadcast shape of the index arrays and adds their offsets to the basic view's. */
  private static Plan withAdvanced(Builder b, int[] shape, int[] source) {
    int[] block = broadcastIndexShapes(b.advanced);
    int[] table = advancedOffsets(b.advanced, block, shape, source);
    int at = b.blockAt < 0 ? 0 : b.blockAt;
    int[] blockStrides = Shapes.strides(block);
    List<Integer> dims = new ArrayList<>(b.dims);
    List<Integer> strides = new ArrayList<>(b.strides);
    List<Integer> tableStrides = new ArrayList<>();
    dims.forEach(d -> tableStrides.add(0));
    for (int i = block.length - 1; i >= 0; i--) {
      dims.add(at, block[i]);
      strides.add(at, 0);
      tableStrides.add(at, blockStrides[i]);
    }
    int[] out = toArray(dims);
    int[] offsets = Strided.offsets(b.base, toArray(strides), out);
    int[] rows = Strided.offsets(0, toArray(tableStrides), out);
    for (int k = 0; k < offsets.length; k++) {
      offsets[k] += table[rows[k]];
    }
    return new Plan(offsets, out);
  }

  private static int[] broadcastIndexShapes(List<Advanced> advanced) {
    int[][] shapes = new int[advanced.size()][];
    for (int j = 0; j < shapes.length; j++) {
      shapes[j] = advanced.get(j).indices().shapeRef();
    }
    try {
      return Shapes.broadcast(shapes);
    } catch (ShapeException e) {
      StringBuilder all = new StringBuilder();
      for (int[] s : shapes) {
        all.append(' ').append(Shapes.format(s));
      }
      throw error("shape mismatch: indexing arrays could not be broadcast together with shapes" + all);
    }
  }

  /** For every position of the broadcast block, the sum of each array's index times its axis stride. */
  private static int[] advancedOffsets(List<Advanced> advanced, int[] block, int[] shape, int[] source) {
    int[] table = new int[Shapes.allocationSize(block)];
    for (Advanced a : advanced) {
      double[] idx = Elementwise.broadcastTo(a.indices(), block).data();
      for (int k = 0; k < table.length; k++) {
        double v = idx[k];
        if (!Double.isFinite(v) || v != Math.rint(v)) {
          throw new ShapeException(ShapeException.Kind.INDEX_TYPE,
              "arrays used as indices must hold integers, got " + v);
        }
        table[k] += position((long) v, shape[a.axis()], a.axis()) * source[a.axis()];
      }
    }
    return table;
  }

  private static int[] toArray(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  private static ShapeException error(String message) {
    return new ShapeException(ShapeException.Kind.INDEX, message);
  }
}

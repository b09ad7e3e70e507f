package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.List;

/**
 * NumPy's indexing rule on static shapes: integers remove their axis, slices keep a shorter one,
 * {@code None} inserts a size-1 axis, {@code ...} stands for the full slices the other items leave,
 * and integer arrays (with every integer, once one array is present) broadcast together into one
 * block of axes that replaces theirs in place when they are adjacent, and goes first otherwise.
 */
final class IndexRule {

  /** One static index item. */
  sealed interface Item {
    /** An integer. */
    record At(Dim index) implements Item {}

    /** {@code start:stop:step}; absent parts {@code null}. */
    record Range(Dim start, Dim stop, Dim step) implements Item {}

    /** {@code None}. */
    record NewAxis() implements Item {}

    /** {@code ...}. */
    record Ellipsis() implements Item {}

    /** An integer array of this shape. */
    record Take(Shape shape) implements Item {}
  }

  private IndexRule() {}

  /** The shape of {@code x[items]}; unknown when the rank is, or when the items do not fit it. */
  static Shape apply(Shape x, List<Item> items) {
    if (!x.isKnown()) {
      return x;
    }
    List<Item> full = expand(items, x.rank());
    if (full == null) {
      return Shape.unknown();
    }
    Layout layout = layout(x, full);
    if (layout.arrays().isEmpty()) {
      return new Shape(layout.basic());
    }
    Shape broadcast = ShapeRules.broadcast(layout.arrays().toArray(Shape[]::new));
    if (!broadcast.isKnown()) {
      return broadcast;
    }
    List<Dim> out = new ArrayList<>(layout.basic());
    out.addAll(layout.adjacent() ? layout.block() : 0, broadcast.dims());
    return new Shape(out);
  }

  /**
   * The axes basic items keep, the shapes of the advanced items, where their block goes among the
   * kept axes, and whether they are adjacent in the index.
   */
  private record Layout(List<Dim> basic, List<Shape> arrays, int block, boolean adjacent) {}

  private static Layout layout(Shape x, List<Item> full) {
    boolean advanced = full.stream().anyMatch(i -> i instanceof Item.Take);
    List<Dim> basic = new ArrayList<>();
    List<Shape> arrays = new ArrayList<>();
    int axis = 0;
    int block = -1;
    int last = -2;
    boolean adjacent = true;
    for (int k = 0; k < full.size(); k++) {
      Item item = full.get(k);
      if (item instanceof Item.NewAxis) {
        basic.add(Dim.of(1));
        continue;
      }
      Dim size = x.dims().get(axis++);
      if (item instanceof Item.Range r) {
        basic.add(Dim.sliceLength(size, r.start(), r.stop(), r.step()));
      } else if (advanced) {
        arrays.add(item instanceof Item.Take t ? t.shape() : Shape.scalar());
        adjacent &= block < 0 || last == k - 1;
        block = block < 0 ? basic.size() : block;
        last = k;
      }
    }
    return new Layout(basic, arrays, block, adjacent);
  }

  /** The items with {@code ...} (or the implicit trailing one) replaced by full slices; null if they do not fit. */
  private static List<Item> expand(List<Item> items, int rank) {
    int consumed = 0;
    int ellipses = 0;
    for (Item i : items) {
      if (i instanceof Item.Ellipsis) {
        ellipses++;
      } else if (!(i instanceof Item.NewAxis)) {
        consumed++;
      }
    }
    if (consumed > rank || ellipses > 1) {
      return null;
    }
    List<Item> full = new ArrayList<>();
    for (Item i : items) {
      if (i instanceof Item.Ellipsis) {
        fill(full, rank - consumed);
      } else {
        full.add(i);
      }
    }
    if (ellipses == 0) {
      fill(full, rank - consumed);
    }
    return full;
  }

  private static void fill(List<Item> out, int n) {
    for (int i = 0; i < n; i++) {
      out.add(new Item.Range(null, null, null));
    }
  }
}

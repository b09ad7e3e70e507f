package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a line may use: dims, inputs and forward names defined so far, and, for claims, the
 * gradient {@code dX} of every input and forward name {@code X}. Immutable.
 */
public final class Scope {

  /** What a name stands for. */
  public enum Kind {
    /** A named integer dimension. */
    DIM,
    /** A float input drawn at random; has a gradient. */
    INPUT,
    /** An integer class-label input; has no gradient. */
    LABELS,
    /** A 0/1 mask input ({@code dist: bernoulli}), a constant as a dropout mask is in PyTorch; has no gradient. */
    MASK,
    /** A name defined by a forward line; has a gradient. */
    FORWARD
  }

  private static final Scope EMPTY = new Scope(Map.of(), Map.of(), false);

  private final Map<String, Kind> names;
  private final Map<String, StaticType> types;
  private final boolean gradients;

  private Scope(Map<String, Kind> names, Map<String, StaticType> types, boolean gradients) {
    this.names = names;
    this.types = types;
    this.gradients = gradients;
  }

  /** A scope with no names. */
  public static Scope empty() {
    return EMPTY;
  }

  /**
   * This scope plus one name (replacing nothing: callers check {@link #kind} first). A dim stands
   * for itself symbolically; a tensor's shape is unknown (see {@link #with(String, Kind, Shape)}).
   */
  public Scope with(String name, Kind kind) {
    return with(name, kind, Shape.unknown());
  }

  /**
   * This scope plus one name, with the static shape of its tensor (ignored for dims, which are
   * integers standing for themselves).
   */
  public Scope with(String name, Kind kind, Shape shape) {
    Map<String, Kind> copy = new LinkedHashMap<>(names);
    copy.put(name, kind);
    Map<String, StaticType> typeCopy = new LinkedHashMap<>(types);
    typeCopy.put(name, kind == Kind.DIM ? new StaticType.IntType(Dim.symbol(name)) : StaticType.tensor(shape));
    return new Scope(Collections.unmodifiableMap(copy), Collections.unmodifiableMap(typeCopy), gradients);
  }

  /**
   * This scope plus a derived dim: an integer standing for {@code value}, its formula over the
   * dims before it ({@code E} for {@code NH * DH}), so that the checker sees both as one size.
   */
  public Scope withDim(String name, Dim value) {
    Map<String, Kind> copy = new LinkedHashMap<>(names);
    copy.put(name, Kind.DIM);
    Map<String, StaticType> typeCopy = new LinkedHashMap<>(types);
    typeCopy.put(name, new StaticType.IntType(value));
    return new Scope(Collections.unmodifiableMap(copy), Collections.unmodifiableMap(typeCopy), gradients);
  }

  /** This scope with gradient names {@code dX} available, as in claims. */
  public Scope withGradients() {
    return new Scope(names, types, true);
  }

  /**
   * The static type of a name: a dim's symbolic integer, a tensor's shape, and for a gradient name
   * {@code dX} the shape of {@code X}; {@code null} for a name not visible here.
   */
  public StaticType type(String name) {
    StaticType t = types.get(name);
    if (t != null) {
      return t;
    }
    Kind target = gradientOf(name);
    return target == null || target == Kind.LABELS || target == Kind.MASK ? null : types.get(name.substring(1));
  }

  /** What {@code name} stands for, or {@code null} when it is not a plain name here. */
  public Kind kind(String name) {
    return names.get(name);
  }

  /**
   * The objective: the name of the last forward line, whose gradient with respect to itself is the
   * backward pass's start (1, or the upstream drawn for a non-scalar output) whatever the forward
   * lines compute; {@code null} when there is no forward line.
   */
  public String objective() {
    String last = null;
    for (Map.Entry<String, Kind> e : names.entrySet()) {
      if (e.getValue() == Kind.FORWARD) {
        last = e.getKey();
      }
    }
    return last;
  }

  /** Whether gradient names are visible. */
  public boolean gradients() {
    return gradients;
  }

  /**
   * The kind of the name {@code X} that gradient name {@code dX} differentiates, when {@code name}
   * has the form {@code d}+X and X is an input, labels or forward name; else {@code null}.
   */
  public Kind gradientOf(String name) {
    if (!gradients || name.length() < 2 || name.charAt(0) != 'd') {
      return null;
    }
    Kind k = names.get(name.substring(1));
    return k == Kind.DIM ? null : k;
  }

  /** Every name visible, plain names first, for "did you mean". */
  List<String> visible() {
    List<String> all = new ArrayList<>(names.keySet());
    if (gradients) {
      for (Map.Entry<String, Kind> e : names.entrySet()) {
        if (e.getValue() == Kind.INPUT || e.getValue() == Kind.FORWARD) {
          all.add("d" + e.getKey());
        }
      }
    }
    return all;
  }
}

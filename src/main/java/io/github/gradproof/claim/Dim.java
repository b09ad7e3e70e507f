package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A symbolic size or integer: a polynomial with integer coefficients in the question's dims
 * ({@code M}, {@code M*K}, {@code L - 2}), whose atoms may also be exact operations that a
 * polynomial cannot express (floor division, remainder, the length of a slice or range, the broadcast of two
 * sizes). Such an atom prints as the formula an author would write and evaluates exactly. A size
 * that depends on values rather than shapes is {@link #unknown()}. Immutable; equal dims are equal
 * polynomials.
 */
public final class Dim {

  private static final Dim UNKNOWN = new Dim(null);
  private static final Comparator<List<Atom>> MONOMIAL_ORDER = Comparator
      .comparingInt((List<Atom> m) -> -m.size())
      .thenComparing(Dim::key);

  /** Monomial (sorted atoms, repeated for powers; empty for the constant) to coefficient; null if unknown. */
  private final TreeMap<List<Atom>, Long> terms;

  private Dim(TreeMap<List<Atom>, Long> terms) {
    this.terms = terms;
  }

  /** An integer constant. */
  public static Dim of(long value) {
    TreeMap<List<Atom>, Long> t = new TreeMap<>(MONOMIAL_ORDER);
    if (value != 0) {
      t.put(List.of(), value);
    }
    return new Dim(t);
  }

  /** A named dim of the question (a positive integer). */
  public static Dim symbol(String name) {
    return atom(new Atom.Symbol(name));
  }

  /** A size that depends on values, not on shapes. */
  public static Dim unknown() {
    return UNKNOWN;
  }

  private static Dim atom(Atom a) {
    TreeMap<List<Atom>, Long> t = new TreeMap<>(MONOMIAL_ORDER);
    t.put(List.of(a), 1L);
    return new Dim(t);
  }

  /** Whether the size is determined by the dims (not {@link #unknown()}). */
  public boolean isKnown() {
    return terms != null;
  }

  /** The value when this is a constant; {@code null} when it involves dims or is unknown. */
  public Long constant() {
    if (terms == null) {
      return null;
    }
    if (terms.isEmpty()) {
      return 0L;
    }
    return terms.size() == 1 && terms.firstKey().isEmpty() ? terms.firstEntry().getValue() : null;
  }

  /** Whether this is the constant {@code value}. */
  public boolean is(long value) {
    Long c = constant();
    return c != null && c == value;
  }

  /** {@code this + o}. */
  public Dim plus(Dim o) {
    return combine(o, 1);
  }

  /** {@code this - o}. */
  public Dim minus(Dim o) {
    return combine(o, -1);
  }

  /** {@code -this}. */
  public Dim negate() {
    return of(0).minus(this);
  }

  private Dim combine(Dim o, long sign) {
    if (terms == null || o.terms == null) {
      return UNKNOWN;
    }
    TreeMap<List<Atom>, Long> t = new TreeMap<>(terms);
    o.terms.forEach((m, c) -> addTerm(t, m, sign * c));
    return new Dim(t);
  }

  private static void addTerm(TreeMap<List<Atom>, Long> t, List<Atom> monomial, long c) {
    long sum = t.getOrDefault(monomial, 0L) + c;
    if (sum == 0) {
      t.remove(monomial);
    } else {
      t.put(monomial, sum);
    }
  }

  /** {@code this * o}. */
  public Dim times(Dim o) {
    if (terms == null || o.terms == null) {
      return UNKNOWN;
    }
    TreeMap<List<Atom>, Long> t = new TreeMap<>(MONOMIAL_ORDER);
    terms.forEach((m1, c1) -> o.terms.forEach((m2, c2) -> {
      List<Atom> m = new ArrayList<>(m1);
      m.addAll(m2);
      m.sort(Comparator.comparing(Atom::key));
      addTerm(t, List.copyOf(m), c1 * c2);
    }));
    return new Dim(t);
  }

  /**
   * Python's {@code this // o} (floor division): the exact quotient when {@code o} is one term that
   * divides every term of this ({@code 3*L*N // N} is {@code 3*L}), else an exact floor-division atom.
   */
  public Dim floorDiv(Dim o) {
    if (terms == null || o.terms == null || o.is(0)) {
      return UNKNOWN;
    }
    Dim quotient = o.terms.size() == 1 ? divideByTerm(o.terms.firstKey(), o.terms.firstEntry().getValue()) : null;
    return quotient != null ? quotient : operation(Atom.Kind.FLOOR_DIV, this, o);
  }

  /**
   * Python's {@code this % o} (with {@code o}'s sign): 0 when {@code o} is one term that divides every
   * term of this ({@code 2*N % 2} is 0), else an exact remainder atom ({@code N%2}).
   */
  public Dim mod(Dim o) {
    if (terms == null || o.terms == null || o.is(0)) {
      return UNKNOWN;
    }
    boolean divides = o.terms.size() == 1 && divideByTerm(o.terms.firstKey(), o.terms.firstEntry().getValue()) != null;
    return divides ? of(0) : operation(Atom.Kind.MOD, this, o);
  }

  /** The exact quotient by {@code coefficient * monomial} when it divides every term, else null. */
  private Dim divideByTerm(List<Atom> monomial, long coefficient) {
    TreeMap<List<Atom>, Long> t = new TreeMap<>(MONOMIAL_ORDER);
    for (Map.Entry<List<Atom>, Long> e : terms.entrySet()) {
      List<Atom> rest = new ArrayList<>(e.getKey());
      for (Atom a : monomial) {
        if (!rest.remove(a)) {
          return null;
        }
      }
      if (e.getValue() % coefficient != 0) {
        return null;
      }
      t.put(List.copyOf(rest), e.getValue() / coefficient);
    }
    return new Dim(t);
  }

  /**
   * The size two broadcast axes give: either one if equal, the other one if one is 1; {@code null}
   * when both are constants that never broadcast.
   */
  public static Dim broadcast(Dim a, Dim b) {
    if (a.equals(b) || b.is(1)) {
      return a;
    }
    if (a.is(1)) {
      return b;
    }
    if (a.constant() != null && b.constant() != null) {
      return null;
    }
    return operation(Atom.Kind.BROADCAST, a, b);
  }

  /**
   * The length of {@code start:stop:step} (NumPy's rules, negative bounds counting from the end,
   * clamped to the axis) on an axis of {@code size}; absent parts are {@code null}.
   */
  public static Dim sliceLength(Dim size, Dim start, Dim stop, Dim step) {
    if (start == null && stop == null && (step == null || step.is(1) || step.is(-1))) {
      return size;
    }
    return operation(Atom.Kind.SLICE, size, start, stop, step);
  }

  /** The length of NumPy's {@code arange(start, stop, step)}: {@code ceil((stop - start) / step)}, at least 0. */
  public static Dim rangeLength(Dim start, Dim stop, Dim step) {
    if (start.is(0) && step.is(1) && stop.terms != null && stop.terms.size() == 1
        && stop.terms.firstEntry().getValue() > 0 && stop.constant() == null
        && stop.terms.firstKey().stream().allMatch(a -> a instanceof Atom.Symbol)) {
      return stop; // a positive multiple of a product of dims is positive
    }
    return operation(Atom.Kind.RANGE, start, stop, step);
  }

  private static Dim operation(Atom.Kind kind, Dim... args) {
    for (Dim d : args) {
      if (d != null && d.terms == null) {
        return UNKNOWN;
      }
    }
    Atom.Operation op = new Atom.Operation(kind, java.util.Arrays.asList(args));
    Long value = op.evaluate(Map.of());
    return value != null ? of(value) : atom(op);
  }

  /**
   * The value under concrete dims.
   *
   * @return the integer, or {@code null} when unknown, a dim is missing from {@code dims}, or an
   *     operation is undefined there (a broadcast of 3 with 4, a division by 0)
   */
  public Long evaluate(Map<String, ? extends Number> dims) {
    if (terms == null) {
      return null;
    }
    long sum = 0;
    for (Map.Entry<List<Atom>, Long> e : terms.entrySet()) {
      long product = e.getValue();
      for (Atom a : e.getKey()) {
        Long v = a.evaluate(dims);
        if (v == null) {
          return null;
        }
        product *= v;
      }
      sum += product;
    }
    return sum;
  }

  /** The names of the dims this size is written in, in alphabetical order. */
  public List<String> symbols() {
    if (terms == null) {
      return List.of();
    }
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    terms.keySet().forEach(m -> m.forEach(a -> a.collectSymbols(names)));
    return List.copyOf(names);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dim d && Objects.equals(terms, d.terms);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(terms);
  }

  /** Python-style: {@code M}, {@code M*K}, {@code L - 2}, {@code (L - 3)//2 + 1}; {@code ?} if unknown. */
  @Override
  public String toString() {
    if (terms == null) {
      return "?";
    }
    if (terms.isEmpty()) {
      return "0";
    }
    StringBuilder s = new StringBuilder();
    for (Map.Entry<List<Atom>, Long> e : terms.entrySet()) {
      long c = e.getValue();
      if (s.length() == 0) {
        s.append(c < 0 ? "-" : "");
      } else {
        s.append(c < 0 ? " - " : " + ");
      }
      s.append(monomial(e.getKey(), Math.abs(c)));
    }
    return s.toString();
  }

  /** Whether this prints as one term (no top-level + or -), so it needs no parentheses in a product. */
  boolean isSingleTerm() {
    return terms == null || terms.size() <= 1 && (terms.isEmpty() || terms.firstEntry().getValue() > 0);
  }

  private static String monomial(List<Atom> atoms, long coefficient) {
    List<String> factors = new ArrayList<>();
    if (coefficient != 1 || atoms.isEmpty()) {
      factors.add(Long.toString(coefficient));
    }
    for (Atom a : atoms) {
      factors.add(atoms.size() > 1 || coefficient != 1 ? a.asFactor() : a.toString());
    }
    return String.join("*", factors);
  }

  private static String key(List<Atom> monomial) {
    StringBuilder s = new StringBuilder();
    monomial.forEach(a -> s.append(a.key()).append('\u0000'));
    return s.toString();
  }

  /** One factor of a monomial: a dim, or an operation polynomials cannot express. */
  private sealed interface Atom {

    /** Sort key: atoms print in this order within a monomial. */
    String key();

    Long evaluate(Map<String, ? extends Number> dims);

    void collectSymbols(java.util.Set<String> names);

    /** How the atom reads as one factor among others. */
    default String asFactor() {
      return toString();
    }

    record Symbol(String name) implements Atom {
      @Override
      public String key() {
        return "1" + name;
      }

      @Override
      public Long evaluate(Map<String, ? extends Number> dims) {
        Number n = dims.get(name);
        return n == null ? null : n.longValue();
      }

      @Override
      public void collectSymbols(java.util.Set<String> names) {
        names.add(name);
      }

      @Override
      public String toString() {
        return name;
      }
    }

    enum Kind { FLOOR_DIV, MOD, BROADCAST, SLICE, RANGE }

    /** An exact operation on sizes; absent arguments (slice parts) are {@code null}. */
    record Operation(Kind kind, List<Dim> args) implements Atom {
      public Operation {
        args = Collections.unmodifiableList(new ArrayList<>(args));
      }

      @Override
      public String key() {
        return "2" + this;
      }

      @Override
      public Long evaluate(Map<String, ? extends Number> dims) {
        Long[] v = new Long[args.size()];
        for (int i = 0; i < v.length; i++) {
          if (args.get(i) != null) {
            v[i] = args.get(i).evaluate(dims);
            if (v[i] == null) {
              return null;
            }
          }
        }
        return switch (kind) {
          case FLOOR_DIV -> v[1] == 0 ? null : Math.floorDiv(v[0], v[1]);
          case MOD -> v[1] == 0 ? null : Math.floorMod(v[0], v[1]);
          case BROADCAST -> v[0].equals(v[1]) || v[1] == 1 ? v[0] : v[0] == 1 ? v[1] : null;
          case SLICE -> SliceLength.of(v[0], v[1], v[2], v[3]);
          case RANGE -> v[2] == 0 ? null : Math.max(0, -Math.floorDiv(v[0] - v[1], v[2]));
        };
      }

      @Override
      public void collectSymbols(java.util.Set<String> names) {
        args.forEach(d -> {
          if (d != null) {
            names.addAll(d.symbols());
          }
        });
      }

      @Override
      public String asFactor() {
        return kind == Kind.FLOOR_DIV || kind == Kind.MOD ? "(" + this + ")" : toString();
      }

      @Override
      public String toString() {
        return switch (kind) {
          case FLOOR_DIV -> grouped(args.get(0)) + "//" + grouped(args.get(1));
          case MOD -> grouped(args.get(0)) + "%" + grouped(args.get(1));
          case BROADCAST -> "broadcast(" + args.get(0) + ", " + args.get(1) + ")";
          case SLICE -> "len(" + args.get(0) + "[" + part(args.get(1)) + ":" + part(args.get(2))
              + (args.get(3) == null ? "" : ":" + args.get(3)) + "])";
          case RANGE -> "len(arange(" + args.get(0) + ", " + args.get(1) + ", " + args.get(2) + "))";
        };
      }

      private static String grouped(Dim d) {
        return d.isSingleTerm() ? d.toString() : "(" + d + ")";
      }

      private static String part(Dim d) {
        return d == null ? "" : d.toString();
      }
    }
  }

  /** NumPy's slice length rule on concrete values. */
  static final class SliceLength {

    private SliceLength() {}

    /** The number of elements {@code start:stop:step} selects from {@code size}; {@code null} for step 0. */
    static Long of(long size, Long start, Long stop, Long step) {
      long s = step == null ? 1 : step;
      if (s == 0) {
        return null;
      }
      long lo = s > 0 ? 0 : -1;
      long hi = s > 0 ? size : size - 1;
      long a = start == null ? (s > 0 ? 0 : size - 1) : clamp(start, size, lo, hi);
      long b = stop == null ? (s > 0 ? size : -1) : clamp(stop, size, lo, hi);
      long n = s > 0 ? Math.floorDiv(b - a + s - 1, s) : Math.floorDiv(a - b - s - 1, -s);
      return Math.max(0, n);
    }

    /** The first index {@code start:...:step} selects from {@code size} (when it selects any). */
    static long first(long size, Long start, long step) {
      if (start == null) {
        return step > 0 ? 0 : size - 1;
      }
      return clamp(start, size, step > 0 ? 0 : -1, step > 0 ? size : size - 1);
    }

    private static long clamp(long bound, long size, long lo, long hi) {
      long b = bound < 0 ? bound + size : bound;
      return Math.max(lo, Math.min(hi, b));
    }
  }
}

package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Breaks every backward rule of the gradient table in turn (drops a term, flips a sign, uses the wrong
 * axis, operand, transpose or routing) and shows that the finite-difference check catches each one: the
 * engine's gradient check is only worth something if a wrong rule cannot pass it. Rules are swapped in
 * the table's rows by reflection ({@link #substitute}), so the engine has no test seam and its rows no
 * setter; the check is the public {@link GradCheck#check}. Every op's scenario is one of its golden
 * fixture cases.
 */
class EveryRuleBrokenTest {

  /** A deliberately wrong rule, given the correct one and the rule's arguments. */
  @FunctionalInterface
  interface Break {
    Tensor apply(Primitive.Vjp<Object> correct, Tensor g, Tensor y, Tensor[] x, Object params);
  }

  /** One break of one operand's rule ({@code slot} -1: every operand). */
  record Mutation(String op, int slot, String what, Break rule) {}

  /** The golden case each op's rules are broken on. */
  static final Map<String, String[]> SCENARIOS = new TreeMap<>();
  static final List<Mutation> MUTATIONS = new ArrayList<>();

  static void scenario(String primitive, String op, String casePrefix) {
    SCENARIOS.put(primitive, new String[] {op, casePrefix});
  }

  static void breaks(String op, int slot, String what, Break rule) {
    MUTATIONS.add(new Mutation(op, slot, what, rule));
  }

  static {
    RuleBreaks.register();
  }

  @TestFactory
  Stream<DynamicTest> finiteDifferencesCatchEveryBrokenRule() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Primitive<?> p : allPrimitives()) {
      String[] scenario = SCENARIOS.get(p.name());
      GoldenFixtures.Case c = find(scenario[0], scenario[1]);
      for (int slot : slots(p, c)) {
        tests.add(DynamicTest.dynamicTest(p.name() + " operand " + slot + ": the correct rule passes",
            () -> assertTrue(check(c, p, slot, null).passed())));
        for (Mutation m : MUTATIONS) {
          if (m.op().equals(p.name()) && (m.slot() == -1 || m.slot() == slot)) {
            tests.add(DynamicTest.dynamicTest(p.name() + " operand " + slot + ": " + m.what(), () -> {
              GradCheckResult r;
              try {
                r = check(c, p, slot, m.rule());
              } catch (RuntimeException e) {
                throw new AssertionError(p.name() + " operand " + slot + ", " + m.what(), e);
              }
              assertFalse(r.passed(), () -> p.name() + " operand " + slot + ", " + m.what() + ": not caught: " + r);
            }));
          }
        }
      }
    }
    return tests.stream();
  }

  @Test
  void everyRuleOfEveryOpHasAScenarioAndABreak() {
    List<String> missing = new ArrayList<>();
    for (Primitive<?> p : allPrimitives()) {
      String[] scenario = SCENARIOS.get(p.name());
      if (scenario == null) {
        missing.add(p.name() + " (no scenario)");
        continue;
      }
      for (int slot : slots(p, find(scenario[0], scenario[1]))) {
        boolean specific = MUTATIONS.stream().anyMatch(m -> m.op().equals(p.name()) && m.slot() == slot);
        boolean any = specific || MUTATIONS.stream().anyMatch(m -> m.op().equals(p.name()) && m.slot() == -1);
        if (!any) {
          missing.add(p.name() + " operand " + slot);
        }
      }
    }
    assertEquals(List.of(), missing, "rules without a deliberate break");
    assertTrue(allPrimitives().size() >= 50, "the scan found the gradient table");
  }

  @Test
  void slotsFollowEachOpsOperands() {
    GoldenFixtures.Case three = find("concatenate", "(2, 2, 3) with (2, 1, 3) with (2, 4, 3)");
    assertEquals(List.of(1, 2), slots(PointwiseOps.WHERE, three), "where's condition has no rule");
    assertEquals(List.of(0, 1, 2), slots(PointwiseOps.CLIP, three));
    assertEquals(List.of(0), slots(LossOps.CROSS_ENTROPY, three), "labels have no rule");
    assertEquals(List.of(0, 1, 2), slots(ShapeOps.CONCATENATE, three), "a variadic op: one rule per operand");
  }

  /** The operands with a rule, as many as the scenario has for a variadic op. */
  private static List<Integer> slots(Primitive<?> p, GoldenFixtures.Case c) {
    int n = p.arity() < 0 ? c.inputs().size() : p.arity();
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (p.vjp(i) != null) {
        out.add(i);
      }
    }
    return out;
  }

  /** Runs the scenario with operand {@code slot}'s rule replaced (null: the correct rule) and checks it. */
  @SuppressWarnings("unchecked")
  private static GradCheckResult check(GoldenFixtures.Case c, Primitive<?> p, int slot, Break broken) {
    Primitive<Object> prim = (Primitive<Object>) p;
    Primitive.Vjp<Object> correct = prim.vjp(slot);
    Primitive.Vjp<Object> rule = broken == null ? correct
        : (g, y, x, params) -> broken.apply(correct, g, y, x, params);
    GoldenOps.Fn fn = GoldenOps.OPS.get(c.op());
    Tensor analytic;
    try (Restore restore = substitute(prim, slot, rule)) {
      Var[] params = new Var[c.inputs().size()];
      for (int i = 0; i < params.length; i++) {
        params[i] = c.differentiable()[i] ? Var.parameter(c.inputs().get(i)) : Var.constant(c.inputs().get(i));
      }
      fn.apply(params, c.args()).backward(c.upstream());
      analytic = params[slot].grad();
    }
    return GradCheck.check(t -> {
      Var[] args = new Var[c.inputs().size()];
      for (int j = 0; j < args.length; j++) {
        args[j] = j == slot ? t : Var.constant(c.inputs().get(j));
      }
      return fn.apply(args, c.args()).mul(Var.constant(c.upstream())).sum().value().item();
    }, c.inputs().get(slot), analytic);
  }

  /** Undoes a {@link #substitute}; closing never fails. */
  interface Restore extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Replaces operand {@code slot}'s rule of a row until the handle is closed, by reflection on the
   * row's fields (its rule array, or the rule of a variadic op). Not thread-safe: a test swaps,
   * checks and restores on one thread.
   */
  @SuppressWarnings("unchecked")
  private static Restore substitute(Primitive<Object> prim, int slot, Primitive.Vjp<Object> rule) {
    try {
      Field variadicField = Primitive.class.getDeclaredField("variadic");
      variadicField.setAccessible(true);
      Primitive.VariadicVjp<Object> variadic = (Primitive.VariadicVjp<Object>) variadicField.get(prim);
      if (variadic != null) {
        Primitive.VariadicVjp<Object> swapped = (j, g, ans, args, params) -> j == slot
            ? rule.apply(g, ans, args, params) : variadic.apply(j, g, ans, args, params);
        variadicField.set(prim, swapped);
        return () -> set(variadicField, prim, variadic);
      }
      Field vjpsField = Primitive.class.getDeclaredField("vjps");
      vjpsField.setAccessible(true);
      Primitive.Vjp<Object>[] vjps = (Primitive.Vjp<Object>[]) vjpsField.get(prim);
      Primitive.Vjp<Object> original = vjps[slot];
      vjps[slot] = rule;
      return () -> vjps[slot] = original;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the gradient table's rows changed shape: " + e, e);
    }
  }

  private static void set(Field field, Object owner, Object value) {
    try {
      field.set(owner, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  static GoldenFixtures.Case find(String op, String prefix) {
    return GoldenFixtures.cases(op).stream().filter(c -> c.name().startsWith(prefix)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no case '" + prefix + "' in the " + op + " fixture"));
  }

  /** Every static {@link Primitive} field of every class in the engine's package: the whole table. */
  static List<Primitive<?>> allPrimitives() {
    Map<String, Primitive<?>> found = new TreeMap<>();
    for (Class<?> type : engineClasses()) {
      for (Field f : type.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == Primitive.class) {
          try {
            f.setAccessible(true);
            Primitive<?> p = (Primitive<?>) f.get(null);
            found.put(p.name(), p);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  private static List<Class<?>> engineClasses() {
    try {
      Path dir = Path.of(Primitive.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .resolve(Primitive.class.getPackageName().replace('.', '/'));
      TreeSet<String> names = new TreeSet<>();
      try (Stream<Path> files = Files.list(dir)) {
        files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
            .forEach(n -> names.add(n.substring(0, n.length() - ".class".length())));
      }
      List<Class<?>> out = new ArrayList<>();
      for (String n : names) {
        out.add(Class.forName(Primitive.class.getPackageName() + "." + n));
      }
      return out;
    } catch (IOException | URISyntaxException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}

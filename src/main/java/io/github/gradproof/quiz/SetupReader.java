package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.diag.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a question's {@code setup:}: dims, inputs and forward lines. Checks names and shapes;
 * leaves the expressions of forward lines to the claim parser.
 */
final class SetupReader {

  /** Most elements one input may have under the largest dims, so a trial cannot exhaust memory. */
  static final long MAX_ELEMENTS = 1_000_000;

  /** Most combinations of dim alternatives (each one is a set of trials). */
  static final int MAX_DIM_COMBINATIONS = 64;

  private static final List<String> SETUP_KEYS = List.of("dims", "inputs", "forward", "exact_dims",
      "exact_dims_reason");
  private static final List<String> INPUT_KEYS = List.of("shape", "dist", "classes", "range", "p");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /**
   * The names claims read as literals, not as names (claim.Parser's {@code True}, {@code False},
   * {@code None} and the constants of claim.Expr.Num), which no dim or input may take: a claim could
   * never reach it. This package may not import claim, so the list is kept here too.
   */
  private static final Map<String, String> LITERALS = Map.of("True", "Python's True", "False", "Python's False",
      "None", "Python's None", "inf", "the constant inf (NumPy's and PyTorch's)",
      "pi", "the constant pi (NumPy's and PyTorch's)");
  private static final Pattern FORWARD_LINE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=(?!=)");

  private final NodeReader reader;
  private final Map<String, List<Integer>> dims = new LinkedHashMap<>();
  /** The derived dims ({@code E: NH * DH}), in file order. */
  private final Map<String, DimExpr> derived = new LinkedHashMap<>();
  /** Every dim's size at each of the author's assignments; empty when the dims have problems. */
  private List<Map<String, Integer>> authorSizes = List.of(Map.of());
  private final Map<String, SourceLocation> dimLocations = new LinkedHashMap<>();
  private final Map<String, InputSpec> inputs = new LinkedHashMap<>();
  private final Map<String, SourceSpan> forwardNames = new LinkedHashMap<>();
  private boolean dimsOk = true;

  private SetupReader(NodeReader reader) {
    this.reader = reader;
  }

  /** The setup, or {@code null} when a problem was reported. */
  static Setup read(NodeReader reader, Node key, Node value) {
    return new SetupReader(reader).read(key, value);
  }

  private Setup read(Node key, Node value) {
    int before = reader.problems().count();
    MapView map = reader.map(value, "setup", SETUP_KEYS,
        " with dims, inputs and forward, e.g. {dims: {N: 3}, inputs: {x: [N]}, forward: \"y = sum(x)\"}");
    if (map == null) {
      return null;
    }
    if (map.has("dims")) {
      readDims(map.value("dims"));
    }
    Node inputsNode = map.required("inputs", "inputs: {x: [N]}");
    if (inputsNode != null) {
      readInputs(inputsNode);
    }
    List<SourceSpan> forward = null;
    Node forwardNode = map.required("forward", "forward: |  (then one 'name = expression' per line)");
    if (forwardNode != null) {
      forward = readForward(forwardNode);
    }
    checkGradientNames();
    Localized exactDimsReason = readExactDims(map);
    if (reader.problems().count() != before || forward == null) {
      return null;
    }
    return new Setup(dims, dimLocations, new ArrayList<>(inputs.values()), forward, reader.location(key),
        exactDimsReason, derived);
  }

  /**
   * {@code exact_dims: true} with its localized {@code exact_dims_reason}: the claims are meant at the
   * author's dims only. Returns the reason, or {@code null} when the claims are general statements.
   */
  private Localized readExactDims(MapView map) {
    Node node = map.value("exact_dims");
    Boolean exact = node == null ? Boolean.FALSE : reader.bool(node, "exact_dims");
    if (Boolean.TRUE.equals(exact) && !map.has("exact_dims_reason")) {
      reader.error(map.key("exact_dims"), "exact_dims: true needs an exact_dims_reason: {en: \"...\", es: \"...\"}"
          + " saying why the claims hold only at these sizes (the page shows it)");
    } else if (!Boolean.TRUE.equals(exact) && map.has("exact_dims_reason")) {
      reader.error(map.key("exact_dims_reason"), "exact_dims_reason is only used with exact_dims: true;"
          + " remove it, or add exact_dims: true");
    } else if (Boolean.TRUE.equals(exact) && dims.isEmpty() && dimsOk) {
      reader.error(map.key("exact_dims"), "exact_dims: true, but the setup has no dims to keep exact;"
          + " remove exact_dims and exact_dims_reason");
    } else if (Boolean.TRUE.equals(exact)) {
      return reader.localized(map.value("exact_dims_reason"), "exact_dims_reason");
    }
    return null;
  }

  private void readDims(Node node) {
    if (!(node instanceof MappingNode)) {
      reader.error(node, "dims must be a map from dim name to a positive whole number or a list of"
          + " them, e.g. {M: 3, B: [4, 6]}; found " + NodeReader.describe(node));
      dimsOk = false;
      return;
    }
    long combinations = 1;
    Map<String, NodeTuple> entries = reader.entries((MappingNode) node, "dims");
    List<String> declared = new ArrayList<>(entries.keySet());
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      String name = e.getKey();
      Node value = e.getValue().getValueNode();
      if (!checkName(e.getValue().getKeyNode(), name, "dim")) {
        dimsOk = false;
        continue;
      }
      if (value instanceof ScalarNode && Tag.STR.equals(value.getTag())) { // a number is a free dim
        Set<String> defined = new LinkedHashSet<>(dims.keySet());
        defined.addAll(derived.keySet());
        DimExpr formula = DerivedDims.readDerived(reader, name, value, declared, defined);
        if (formula == null) {
          dimsOk = false;
          continue;
        }
        derived.put(name, formula);
        dimLocations.put(name, reader.location(value));
        continue;
      }
      List<Integer> values = dimValues(name, value);
      if (values == null) {
        dimsOk = false;
        continue;
      }
      dims.put(name, List.copyOf(values));
      dimLocations.put(name, reader.location(value));
      combinations *= values.size();
      if (combinations > MAX_DIM_COMBINATIONS) {
        reader.error(value, "dims have more than " + MAX_DIM_COMBINATIONS + " combinations of"
            + " alternatives (the limit per question); list fewer alternatives");
        dimsOk = false;
        combinations = 1;
      }
    }
    if (dimsOk) {
      authorSizes = DerivedDims.authorSizes(reader, dims, derived, dimLocations);
      dimsOk = authorSizes != null;
      authorSizes = dimsOk ? authorSizes : List.of();
    }
  }

  private List<Integer> dimValues(String name, Node value) {
    String what = "dim '" + name + "'";
    List<Node> items;
    if (value instanceof SequenceNode) {
      items = ((SequenceNode) value).getValue();
      if (items.isEmpty()) {
        reader.error(value, what + " has an empty list of alternatives; give at least one size");
        return null;
      }
    } else {
      items = List.of(value);
    }
    List<Integer> values = new ArrayList<>();
    boolean ok = true;
    for (Node item : items) {
      if (value instanceof SequenceNode && item instanceof ScalarNode sc && Tag.STR.equals(item.getTag())) {
        reader.error(item, what + " lists '" + sc.getValue() + "' among its alternatives, which are whole numbers;"
            + " a derived dim has no alternatives of its own (it follows the dims it is computed from): write "
            + name + ": " + sc.getValue() + " without a list, or list whole numbers");
        ok = false;
        continue;
      }
      Integer n = reader.integer(item, what);
      if (n == null) {
        ok = false;
      } else if (n < 1) {
        reader.error(item, what + " must be a positive whole number; found " + n);
        ok = false;
      } else if (n > MAX_ELEMENTS) {
        reader.error(item, what + " is " + n + ", over the limit of " + MAX_ELEMENTS + " (the most"
            + " elements of one tensor); use a smaller size");
        ok = false;
      } else if (values.contains(n)) {
        reader.error(item, what + " lists the alternative " + n + " twice; list it once");
        ok = false;
      } else {
        values.add(n);
      }
    }
    return ok ? values : null;
  }

  private void readInputs(Node node) {
    if (!(node instanceof MappingNode)) {
      reader.error(node, "inputs must be a map from input name to shape, e.g. {A: [M, K], B: [K, N]};"
          + " found " + NodeReader.describe(node));
      return;
    }
    Map<String, NodeTuple> entries =
        reader.entries((MappingNode) node, "inputs");
    if (entries.isEmpty()) {
      reader.error(node, "inputs is empty; declare at least one input, e.g. {x: [N]}");
    }
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      String name = e.getKey();
      Node keyNode = e.getValue().getKeyNode();
      if (!checkName(keyNode, name, "input")) {
        continue;
      }
      if (dims.containsKey(name) || derived.containsKey(name)) {
        reader.error(keyNode, "input '" + name + "' has the name of a dim; rename one of them");
        continue;
      }
      InputSpec spec = readInput(name, keyNode, e.getValue().getValueNode());
      if (spec != null) {
        inputs.put(name, spec);
      }
    }
  }

  private InputSpec readInput(String name, Node keyNode, Node value) {
    String what = "input '" + name + "'";
    Node shapeNode = value;
    Distribution dist = Distribution.NORMAL;
    String classes = null;
    ValueRange range = null;
    Double p = null;
    int before = reader.problems().count();
    if (value instanceof MappingNode) {
      MapView map = reader.map(value, what, INPUT_KEYS, "");
      shapeNode = map.required("shape", "shape: [N]");
      Node distNode = map.value("dist");
      if (distNode != null) {
        dist = distribution(distNode, what);
      }
      Node classesNode = map.value("classes");
      if (dist == Distribution.LABELS && classesNode == null) {
        reader.error(map.key("dist"), what + " draws labels but has no class count; add classes: K"
            + " (a dim name or a number)");
      } else if (dist != Distribution.LABELS && dist != null && classesNode != null) {
        reader.error(map.key("classes"), "classes only applies to dist: labels; remove it or set"
            + " dist: labels for " + what);
      } else if (classesNode != null) {
        classes = dimRef(classesNode, what + " classes");
      }
      range = RangeReader.read(reader, map, dist, what);
      p = ProbabilityReader.read(reader, map, dist, what);
    } else if (!(value instanceof SequenceNode)) {
      reader.error(value, what + " must be a shape like [M, K] or a map like {shape: [B], dist:"
          + " labels, classes: K}; found " + NodeReader.describe(value));
      return null;
    }
    List<String> shape = shapeNode == null ? null : shape(shapeNode, what);
    if (reader.problems().count() != before || shape == null) {
      return null;
    }
    checkSize(name, shape, keyNode);
    return new InputSpec(name, shape, dist, classes, reader.location(keyNode), range, p);
  }

  private Distribution distribution(Node node, String what) {
    String text = reader.text(node, "dist of " + what);
    if (text == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (Distribution d : Distribution.values()) {
      names.add(d.name().toLowerCase(Locale.ROOT));
      if (d.name().toLowerCase(Locale.ROOT).equals(text)) {
        return d;
      }
    }
    Optional<String> guess = Suggestions.closest(text, names);
    reader.error(node, "unknown dist '" + text + "' for " + what
        + guess.map(g -> " (did you mean '" + g + "'?)").orElse("")
        + "; use one of " + String.join(", ", names));
    return null;
  }

  private List<String> shape(Node node, String what) {
    SequenceNode list = reader.list(node, "the shape of " + what, " of dim names or numbers, e.g. [M, K]");
    if (list == null) {
      return null;
    }
    List<String> shape = new ArrayList<>();
    for (Node item : list.getValue()) {
      shape.add(dimRef(item, "the shape of " + what));
    }
    return shape.contains(null) ? null : shape;
  }

  /**
   * A positive integer literal, a dim name declared under dims, or an expression over them
   * ({@code 2 * C}, {@code T + 1}), as its canonical text; {@code null} if reported.
   */
  private String dimRef(Node node, String what) {
    if (node instanceof ScalarNode && Tag.INT.equals(node.getTag())) {
      Integer n = reader.integer(node, what);
      if (n != null && n < 1) {
        reader.error(node, what + " must use positive sizes; found " + n);
        return null;
      }
      return n == null ? null : Integer.toString(n);
    }
    String text = reader.text(node, what);
    if (text == null) {
      return null;
    }
    Set<String> known = new LinkedHashSet<>(dims.keySet());
    known.addAll(derived.keySet());
    return DerivedDims.readAxis(reader, node, text, what, known, dimsOk ? authorSizes : List.of());
  }

  /** The input's elements at the author's largest sizes (each assignment tried: an axis may be T - K). */
  private void checkSize(String name, List<String> shape, Node at) {
    long elements = 1;
    for (Map<String, Integer> sizes : dimsOk ? authorSizes : List.<Map<String, Integer>>of()) {
      long n = 1;
      for (String axis : shape) {
        n = Math.min(n * Setup.size(axis, sizes), MAX_ELEMENTS + 1);
      }
      elements = Math.max(elements, n);
    }
    if (elements > MAX_ELEMENTS) {
      reader.error(at, "input '" + name + "' would have more than " + MAX_ELEMENTS + " elements"
          + " (the limit per tensor); use smaller dims");
    }
  }

  private List<SourceSpan> readForward(Node node) {
    List<SourceSpan> lines = ClaimTexts.lines(reader, node, "forward");
    if (lines == null) {
      return null;
    }
    if (lines.isEmpty()) {
      reader.error(node, "forward has no lines; write at least one 'name = expression' line");
      return null;
    }
    boolean ok = true;
    for (SourceSpan line : lines) {
      Matcher m = FORWARD_LINE.matcher(line.source());
      if (!m.lookingAt()) {
        reader.error(line.location(), "a forward line must read 'name = expression'; found '"
            + line.source() + "'; start the line with the name it defines");
        ok = false;
        continue;
      }
      String name = m.group(1);
      String clash = inputs.containsKey(name) ? "input"
          : dims.containsKey(name) || derived.containsKey(name) ? "dim" : null;
      if (clash != null) {
        reader.error(line.location(), "forward line reassigns the " + clash + " '" + name
            + "'; give the result a new name");
        ok = false;
      } else if (forwardNames.containsKey(name)) {
        reader.error(line.location(), "'" + name + "' is already defined by the forward line at line "
            + forwardNames.get(name).location().line() + "; give this result a new name");
        ok = false;
      } else {
        forwardNames.put(name, line);
      }
    }
    return ok ? lines : null;
  }

  /** {@code dX} names the gradient of X, so no other name may be spelled {@code dX}. */
  private void checkGradientNames() {
    Set<String> differentiable = new LinkedHashSet<>(inputs.keySet());
    differentiable.addAll(forwardNames.keySet());
    for (String name : differentiable) {
      String gradient = "d" + name;
      SourceLocation at = null;
      String kind = null;
      if (inputs.containsKey(gradient)) {
        at = inputs.get(gradient).location();
        kind = "input";
      } else if (forwardNames.containsKey(gradient)) {
        at = forwardNames.get(gradient).location();
        kind = "forward name";
      } else if (dimLocations.containsKey(gradient)) {
        at = dimLocations.get(gradient);
        kind = "dim";
      }
      if (at != null) {
        reader.error(at, "the " + kind + " '" + gradient + "' is ambiguous: claims use '"
            + gradient + "' for the gradient of '" + name + "'; rename it");
      }
    }
  }

  private boolean checkName(Node at, String name, String kind) {
    if (LITERALS.containsKey(name)) {
      reader.error(at, kind + " name '" + name + "' is reserved: claims read it as " + LITERALS.get(name)
          + "; give the " + kind + " another name");
      return false;
    }
    if (NAME.matcher(name).matches()) {
      return true;
    }
    reader.error(at, kind + " name '" + name + "' is not a name; use letters, digits and '_',"
        + " starting with a letter");
    return false;
  }
}

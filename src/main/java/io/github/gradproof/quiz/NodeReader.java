package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.Suggestions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed, checked access to YAML nodes: every accessor either returns a value or reports a
 * located diagnostic and returns {@code null}, so readers keep going and report every problem.
 *
 * <p>A reader carries a message prefix (the question id) that scopes its diagnostics.
 */
final class NodeReader {

  private final SourceText source;
  private final Problems problems;
  private final List<String> languages;
  private final List<String> ignoredLanguages;
  private final String prefix;

  /**
   * @param languages every localized field must have these
   * @param ignoredLanguages a localized field may also have these; they are skipped
   */
  NodeReader(SourceText source, Problems problems, List<String> languages, List<String> ignoredLanguages) {
    this(source, problems, languages, ignoredLanguages, "");
  }

  private NodeReader(
      SourceText source, Problems problems, List<String> languages, List<String> ignoredLanguages, String prefix) {
    this.source = source;
    this.problems = problems;
    this.languages = languages;
    this.ignoredLanguages = ignoredLanguages;
    this.prefix = prefix;
  }

  /** A reader whose diagnostics start with {@code scope + ": "}. */
  NodeReader scoped(String scope) {
    return new NodeReader(source, problems, languages, ignoredLanguages, scope + ": ");
  }

  SourceText source() {
    return source;
  }

  Problems problems() {
    return problems;
  }

  SourceLocation location(Node node) {
    return node.getStartMark().map(source::location).orElse(source.location(1, 1));
  }

  void error(Node at, String message) {
    error(location(at), message);
  }

  void error(SourceLocation at, String message) {
    problems.add(source.diagnostic(at, prefix + message));
  }

  /** The node as a message shows what was found: "a list", "the number 3", "the text 'x'". */
  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a map";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode scalar = (ScalarNode) node;
    Tag tag = scalar.getTag();
    String value = scalar.getValue();
    if (Tag.NULL.equals(tag)) {
      return "an empty value";
    }
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      return "the number " + value;
    }
    if (Tag.BOOL.equals(tag)) {
      return "the boolean " + value;
    }
    String shown = value.length() > 40 ? value.substring(0, 37) + "..." : value;
    return "the text '" + shown.replace("\n", "\\n") + "'";
  }

  /**
   * The entries of a map, checked: keys must be names, unknown keys are reported with a
   * suggestion, a repeated key is reported at its second occurrence (and only the first counts).
   *
   * @param what how messages name the map, e.g. "question"
   * @return the checked view, or {@code null} (reported) when the node is not a map
   */
  MapView map(Node node, String what, List<String> allowed, String example) {
    if (!(node instanceof MappingNode)) {
      error(node, what + " must be a map" + example + "; found " + describe(node));
      return null;
    }
    Map<String, NodeTuple> entries = entries((MappingNode) node, what);
    Set<String> misspelt = new HashSet<>();
    entries.entrySet().removeIf(e -> {
      if (allowed.contains(e.getKey())) {
        return false;
      }
      Optional<String> guess = Suggestions.closest(e.getKey(), allowed);
      guess.ifPresent(misspelt::add);
      error(
          e.getValue().getKeyNode(),
          "unknown key '" + e.getKey() + "' in " + what
              + guess.map(g -> " (did you mean '" + g + "'?)").orElse("")
              + "; allowed keys: " + String.join(", ", allowed));
      return true;
    });
    return new MapView(this, (MappingNode) node, what, entries, misspelt);
  }

  /** Entries by key in file order; reports non-scalar and duplicate keys. */
  Map<String, NodeTuple> entries(MappingNode node, String what) {
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : node.getValue()) {
      Node key = tuple.getKeyNode();
      if (!(key instanceof ScalarNode) || Tag.NULL.equals(key.getTag())) {
        error(key, "a key in " + what + " must be a plain name; found " + describe(key)
            + "; write the key as a word followed by ': '");
        continue;
      }
      String name = ((ScalarNode) key).getValue();
      NodeTuple first = entries.get(name);
      if (first != null) {
        error(
            key,
            "duplicate key '" + name + "' in " + what + " (first given at line "
                + location(first.getKeyNode()).line() + "); remove one of the two");
        continue;
      }
      entries.put(name, tuple);
    }
    return entries;
  }

  /** The list, or {@code null} (reported) when the node is not a list. */
  SequenceNode list(Node node, String what, String example) {
    if (node instanceof SequenceNode) {
      return (SequenceNode) node;
    }
    error(node, what + " must be a list" + example + "; found " + describe(node));
    return null;
  }

  /**
   * A scalar's text as written (numbers and booleans included, so {@code id: 12} reads as
   * "12"), or {@code null} (reported) when the node is a map, a list or empty.
   */
  String text(Node node, String what) {
    if (node instanceof ScalarNode && !Tag.NULL.equals(node.getTag())) {
      return ((ScalarNode) node).getValue();
    }
    if (node instanceof ScalarNode) {
      error(node, what + " is empty; write it after the colon");
    } else {
      error(node, what + " must be a text; found " + describe(node) + " (put the text in double"
          + " quotes when it starts with '[', '{', '&', '*' or '!')");
    }
    return null;
  }

  /** An integer scalar, or {@code null} (reported). */
  Integer integer(Node node, String what) {
    if (node instanceof ScalarNode && Tag.INT.equals(node.getTag())) {
      String value = ((ScalarNode) node).getValue();
      try {
        return parseInt(value);
      } catch (NumberFormatException e) {
        error(node, what + " " + value + " is too large; use a number below 2147483648");
        return null;
      }
    }
    String hint = node instanceof ScalarNode && Tag.STR.equals(node.getTag())
        && ((ScalarNode) node).getValue().strip().matches("[-+]?[0-9]+")
        ? " (write the number without quotes)" : "";
    error(node, what + " must be a whole number; found " + describe(node) + hint);
    return null;
  }

  private static int parseInt(String value) {
    String v = value.startsWith("+") ? value.substring(1) : value;
    if (v.startsWith("0x")) {
      return Integer.parseInt(v.substring(2), 16);
    }
    if (v.startsWith("0o")) {
      return Integer.parseInt(v.substring(2), 8);
    }
    return Integer.parseInt(v);
  }

  /** A boolean scalar ({@code true}/{@code false}), or {@code null} (reported). */
  Boolean bool(Node node, String what) {
    if (node instanceof ScalarNode && Tag.BOOL.equals(node.getTag())) {
      return Boolean.parseBoolean(((ScalarNode) node).getValue().toLowerCase(java.util.Locale.ROOT));
    }
    error(node, what + " must be true or false; found " + describe(node));
    return null;
  }

  /**
   * A human-readable field: a map from each configured language to non-blank Markdown.
   *
   * @param field how messages name the field, e.g. "title" or "text of choice 2"
   * @return the texts, or {@code null} when any problem was reported
   */
  Localized localized(Node node, String field) {
    String example = " from language to Markdown text, e.g. {" + String.join(", ",
        languages.stream().map(l -> l + ": \"...\"").toList()) + "}";
    if (!(node instanceof MappingNode)) {
      error(node, field + " must be a map" + example + "; found " + describe(node));
      return null;
    }
    int before = problems.count();
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, SourceLocation> locations = new LinkedHashMap<>();
    Map<String, NodeTuple> entries = entries((MappingNode) node, field);
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      String language = e.getKey();
      Node value = e.getValue().getValueNode();
      if (ignoredLanguages.contains(language)) {
        continue;
      }
      if (!languages.contains(language)) {
        unexpectedLanguage(e.getValue().getKeyNode(), language, field, entries.keySet());
        continue;
      }
      String text = text(value, "the '" + language + "' text of " + field);
      if (text != null && text.isBlank()) {
        error(value, "the '" + language + "' text of " + field + " is blank; write the text");
      } else if (text != null) {
        texts.put(language, text.stripTrailing());
        locations.put(language, location(value));
      }
    }
    for (String language : languages) {
      if (!entries.containsKey(language)) {
        error(
            node,
            field + " has no '" + language + "' text; add " + language
                + ": \"...\" (every human-readable field needs " + String.join(" and ", languages)
                + ")");
      }
    }
    return problems.count() == before ? new Localized(texts, location(node), locations) : null;
  }

  /** An unknown language key; "did you mean" names only a language the field does not have yet. */
  private void unexpectedLanguage(Node key, String language, String field, java.util.Set<String> present) {
    List<String> known = new java.util.ArrayList<>(languages);
    known.addAll(ignoredLanguages);
    List<String> missing = known.stream().filter(k -> !present.contains(k)).toList();
    Optional<String> guess = Suggestions.closest(language, missing);
    error(key, "unexpected language '" + language + "' in " + field
        + guess.map(g -> " (did you mean '" + g + "'?)").orElse("")
        + "; the site's languages are " + String.join(", ", known)
        + ", so remove it or add the language to gradproof.languages");
  }
}

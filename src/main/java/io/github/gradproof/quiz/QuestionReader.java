package io.github.gradproof.quiz;

import io.github.gradproof.diag.Plural;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.diag.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads and checks one entry of {@code questions:}. */
final class QuestionReader {

  /** Ids and slugs: they become file names and page anchors. */
  static final Pattern ID = Pattern.compile("[a-z0-9-]+");

  static final List<String> QUESTION_KEYS =
      List.of("id", "kind", "title", "prompt", "setup", "choices", "answer", "explanation",
          "verify", "verify_reason", "ask", "tolerance", "variants");
  private static final List<String> CHOICE_KEYS = List.of("text", "claim");
  private static final List<String> FREE_ANSWER_KEYS = List.of("text", "claim");
  private static final List<String> KINDS = List.of("single", "multi", "free", "numeric");

  private NodeReader reader;

  private QuestionReader(NodeReader reader) {
    this.reader = reader;
  }

  /**
   * The question at position {@code number} (1-based) of the list, or {@code null} when a
   * problem was reported.
   *
   * @param ids collects each valid id with where it stands, so the caller can check uniqueness
   */
  static Question read(NodeReader reader, Node node, int number, IdRegistry ids) {
    return new QuestionReader(reader).read(node, number, ids);
  }

  private Question read(Node node, int number, IdRegistry ids) {
    int before = reader.problems().count();
    NodeReader base = reader;
    reader = reader.scoped(peekId(node).orElse("question " + number));
    MapView map = reader.map(node, "question", QUESTION_KEYS,
        " with id, kind, title, prompt, choices and answer");
    if (map == null) {
      return null;
    }
    String id = readId(map, number, ids, base);

    QuestionKind kind = readKind(map);
    Localized title = localized(map, "title", true);
    Localized prompt = localized(map, "prompt", true);
    Setup setup = map.has("setup") ? SetupReader.read(reader, map.key("setup"), map.value("setup")) : null;
    boolean numeric = kind == QuestionKind.NUMERIC;
    List<Choice> choices = numeric ? List.of() : readChoices(map, kind);
    Answer answer = numeric ? null : readAnswer(map, kind, choices);
    Localized explanation = localized(map, "explanation", false);
    boolean verify = numeric || readVerify(map);
    Localized verifyReason = numeric ? null : localized(map, "verify_reason", false);
    NumericSpec spec = NumericReader.read(reader, map, kind, setup,
        new NumericReader.Texts(title, prompt, explanation));
    if (spec != null) {
      answer = new Answer(List.of(), null, List.of(), spec.location());
    }
    if (!map.has("setup")) {
      requireSetupForClaims(choices, answer);
    }
    if (reader.problems().count() != before) {
      return null;
    }
    return new Question(id, kind, title, prompt, setup, choices == null ? List.of() : choices,
        answer, explanation, verify, verifyReason, reader.location(node), spec);
  }

  /** The question's id if it is well-formed, to scope every message about the question. */
  private static Optional<String> peekId(Node node) {
    if (node instanceof MappingNode) {
      for (NodeTuple tuple : ((MappingNode) node).getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode && tuple.getValueNode() instanceof ScalarNode
            && "id".equals(((ScalarNode) tuple.getKeyNode()).getValue())) {
          String id = ((ScalarNode) tuple.getValueNode()).getValue();
          return ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** Claims name the setup's inputs and forward values, so they cannot stand without one. */
  private void requireSetupForClaims(List<Choice> choices, Answer answer) {
    List<SourceSpan> claims = new ArrayList<>();
    if (choices != null) {
      choices.forEach(c -> claims.addAll(c.claims()));
    }
    if (answer != null) {
      claims.addAll(answer.claims());
    }
    if (!claims.isEmpty()) {
      reader.error(claims.get(0).location(), "this question has claims but no setup; add a setup"
          + " with the dims, inputs and forward lines the claims talk about, or remove the claims");
    }
  }

  private String readId(MapView map, int number, IdRegistry ids, NodeReader base) {
    Node node = map.required("id", "id: q-08-0" + Math.min(number, 9));
    String id = node == null ? null : reader.text(node, "question id");
    if (id == null) {
      return null;
    }
    if (!ID.matcher(id).matches()) {
      reader.error(node, "the id '" + id + "' may use only lowercase letters, digits and '-'"
          + " (it becomes a page anchor); write it like q-08-01");
      return null;
    }
    ids.claim(id, reader.location(node), base, node);
    return id;
  }

  private QuestionKind readKind(MapView map) {
    Node node = map.required("kind", "kind: single  (or multi, free, numeric)");
    String text = node == null ? null : reader.text(node, "kind");
    if (text == null) {
      return null;
    }
    if (KINDS.contains(text)) {
      return QuestionKind.valueOf(text.toUpperCase(Locale.ROOT));
    }
    Optional<String> guess = Suggestions.closest(text, KINDS);
    reader.error(node, "unknown kind '" + text + "'"
        + guess.map(g -> " (did you mean '" + g + "'?)").orElse("")
        + "; use single, multi, free or numeric");
    return null;
  }

  private Localized localized(MapView map, String key, boolean required) {
    Node node = required ? map.required(key, key + ": {en: \"...\", es: \"...\"}") : map.value(key);
    return node == null ? null : reader.localized(node, key);
  }

  private List<Choice> readChoices(MapView map, QuestionKind kind) {
    if (kind == QuestionKind.FREE) {
      if (map.has("choices")) {
        reader.error(map.key("choices"), "a free question has no choices; remove choices, or make"
            + " the question kind: single or multi");
      }
      return List.of();
    }
    Node node = kind == null ? map.value("choices")
        : map.required("choices", "choices: [{text: {en: \"...\", es: \"...\"}}, ...]"
            + " (a " + kind.yamlName() + " question lists its choices)");
    if (node == null) {
      return null;
    }
    SequenceNode list = reader.list(node, "choices", " of maps with text and/or claim");
    if (list == null) {
      return null;
    }
    if (list.getValue().isEmpty()) {
      reader.error(node, "choices is empty; list the choices, each with a text and/or a claim");
      return null;
    }
    List<Choice> choices = new ArrayList<>();
    boolean ok = true;
    for (Node item : list.getValue()) {
      Choice choice = readChoice(item, choices.size() + 1);
      ok &= choice != null;
      choices.add(choice);
    }
    return ok ? choices : null;
  }

  private Choice readChoice(Node node, int number) {
    int before = reader.problems().count();
    String what = "choice " + number;
    MapView map = reader.map(node, what, CHOICE_KEYS, " with text and/or claim");
    if (map == null) {
      return null;
    }
    if (!map.has("text") && !map.has("claim")) {
      reader.error(node, what + " has neither text nor claim; give it a text, a claim, or both");
      return null;
    }
    Localized text = map.has("text") ? reader.localized(map.value("text"), "the text of " + what) : null;
    List<SourceSpan> claims = map.has("claim") ? claims(map.value("claim"), "the claim of " + what) : List.of();
    if (reader.problems().count() != before) {
      return null;
    }
    return new Choice(number, text, claims, reader.location(node));
  }

  /** A claim is one string or a non-empty list of strings (all must hold). */
  private List<SourceSpan> claims(Node node, String what) {
    if (node instanceof SequenceNode) {
      List<Node> items = ((SequenceNode) node).getValue();
      if (items.isEmpty()) {
        reader.error(node, what + " is an empty list; give at least one claim or remove the key");
        return null;
      }
      List<SourceSpan> claims = new ArrayList<>();
      for (Node item : items) {
        claims.add(ClaimTexts.single(reader, item, what));
      }
      return claims.contains(null) ? null : claims;
    }
    SourceSpan claim = ClaimTexts.single(reader, node, what);
    return claim == null ? null : List.of(claim);
  }

  private Answer readAnswer(MapView map, QuestionKind kind, List<Choice> choices) {
    Node node = map.required("answer", kind == QuestionKind.MULTI ? "answer: [1, 2]"
        : kind == QuestionKind.FREE ? "answer: {text: {en: \"...\", es: \"...\"}, claim: \"...\"}"
        : "answer: 2");
    if (node == null || kind == null) {
      return null;
    }
    switch (kind) {
      case FREE:
        return freeAnswer(node);
      case SINGLE:
        if (node instanceof SequenceNode) {
          reader.error(node, singleListMessage(((SequenceNode) node).getValue()));
          return null;
        }
        Integer n = reader.integer(node, "answer");
        return n != null && inRange(node, n, choices)
            ? answer(List.of(n), null, List.of(), node) : null;
      default:
        return multiAnswer(node, choices);
    }
  }

  /**
   * What to say about {@code answer: [...]} on a single-choice question: the number itself when the
   * list holds one ({@code answer: [1]} becomes {@code answer: 1}); that a single question has one key
   * when it holds several.
   */
  private static String singleListMessage(List<Node> items) {
    String found = "the answer of a single-choice question is one number; found a list";
    String first = !items.isEmpty() && items.get(0) instanceof ScalarNode scalar
        && scalar.getValue().matches("[0-9]+") ? scalar.getValue() : "2";
    if (items.size() > 1) {
      return found + " of " + items.size() + " entries, but a single-choice question has one key: write the one"
          + " correct choice, e.g. answer: " + first + ", or make the question kind: multi if several are correct";
    }
    return found + "; write answer: " + first + ", or make the question kind: multi";
  }

  private Answer multiAnswer(Node node, List<Choice> choices) {
    if (!(node instanceof SequenceNode)) {
      String hint = node instanceof ScalarNode ? "; write answer: [" + ((ScalarNode) node).getValue()
          + "], or make the question kind: single" : "; write a list like answer: [1, 2]";
      reader.error(node, "the answer of a multi-choice question is a list of choice numbers; found "
          + NodeReader.describe(node) + hint);
      return null;
    }
    List<Node> items = ((SequenceNode) node).getValue();
    if (items.isEmpty()) {
      reader.error(node, "answer is empty; list the correct choices, e.g. [1, 2]");
      return null;
    }
    TreeSet<Integer> keys = new TreeSet<>();
    boolean ok = true;
    for (Node item : items) {
      Integer n = reader.integer(item, "each answer entry");
      if (n == null || !inRange(item, n, choices)) {
        ok = false;
      } else if (!keys.add(n)) {
        reader.error(item, "choice " + n + " is listed twice in answer; list each correct choice once");
        ok = false;
      }
    }
    return ok ? answer(new ArrayList<>(keys), null, List.of(), node) : null;
  }

  private boolean inRange(Node node, int n, List<Choice> choices) {
    if (choices == null) {
      return true; // the choices were reported already; the range is unknown
    }
    if (n < 1 || n > choices.size()) {
      reader.error(node, "answer " + n + " is out of range; the question has "
          + Plural.count(choices.size(), "choice") + ", numbered 1 to " + choices.size());
      return false;
    }
    return true;
  }

  private Answer freeAnswer(Node node) {
    int before = reader.problems().count();
    MapView map = reader.map(node, "the answer of a free question", FREE_ANSWER_KEYS,
        " with text and claim, e.g. {text: {en: \"...\", es: \"...\"}, claim: \"dx = ...\"}");
    if (map == null) {
      return null;
    }
    Node textNode = map.required("text", "text: {en: \"...\", es: \"...\"}");
    Localized text = textNode == null ? null : reader.localized(textNode, "the answer text");
    List<SourceSpan> claims = map.has("claim") ? claims(map.value("claim"), "the answer claim") : List.of();
    return reader.problems().count() == before
        ? answer(List.of(), text, claims, node) : null;
  }

  /** An answer located at {@code node}, with its line for the caret display. */
  private Answer answer(List<Integer> keys, Localized text, List<SourceSpan> claims, Node node) {
    SourceLocation at = reader.location(node);
    return new Answer(keys, text, claims, at, reader.source().line(at.line()));
  }

  private boolean readVerify(MapView map) {
    Node node = map.value("verify");
    Boolean verify = node == null ? Boolean.TRUE : reader.bool(node, "verify");
    if (Boolean.FALSE.equals(verify) && !map.has("verify_reason")) {
      reader.error(map.key("verify"), "verify: false needs a verify_reason: {en: \"...\", es: \"...\"}"
          + " saying why the answer cannot be checked by computation (the page shows it)");
    } else if (Boolean.TRUE.equals(verify) && map.has("verify_reason")) {
      reader.error(map.key("verify_reason"), "verify_reason is only used with verify: false;"
          + " remove it, or add verify: false");
    }
    return !Boolean.FALSE.equals(verify);
  }
}

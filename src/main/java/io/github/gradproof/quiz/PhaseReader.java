package io.github.gradproof.quiz;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads the top level of a quiz file into a {@link Phase}. */
final class PhaseReader {

  static final List<String> PHASE_KEYS = List.of("phase", "slug", "title", "summary", "questions");

  private PhaseReader() {}

  /**
   * The phase, or {@code null} when a problem was reported.
   *
   * @param fileName the file's own name, checked against phase and slug
   */
  static Phase read(NodeReader reader, Node root, String fileName, IdRegistry ids) {
    int before = reader.problems().count();
    MapView map = reader.map(root, "a quiz file", PHASE_KEYS,
        " with the keys phase, slug, title, summary and questions");
    if (map == null) {
      return null;
    }
    Node phaseNode = map.required("phase", "phase: 8");
    Integer phase = phaseNode == null ? null : reader.integer(phaseNode, "phase");
    if (phase != null && phase < 0) {
      reader.error(phaseNode, "phase must be 0 or more; found " + phase);
      phase = null;
    }
    Node slugNode = map.required("slug", "slug: tensor-autograd");
    String slug = slugNode == null ? null : reader.text(slugNode, "slug");
    if (slug != null && !QuestionReader.ID.matcher(slug).matches()) {
      reader.error(slugNode, "slug '" + slug + "' may use only lowercase letters, digits and '-'"
          + " (it becomes the page's file name); write it like tensor-autograd");
      slug = null;
    }
    if (phase != null && slug != null) {
      FileNames.check(reader, fileName, phase, phaseNode, slug, slugNode);
    }
    Node titleNode = map.required("title", "title: {en: \"Phase 8 — Quizzes\", es: \"Fase 8 — Cuestionarios\"}");
    Localized title = titleNode == null ? null : reader.localized(titleNode, "title");
    Node summaryNode = map.required("summary", "summary: {en: \"...\", es: \"...\"}");
    Localized summary = summaryNode == null ? null : reader.localized(summaryNode, "summary");
    List<Question> questions = readQuestions(reader, map, ids);
    if (reader.problems().count() != before) {
      return null;
    }
    return new Phase(reader.source().displayPath(), phase, slug, title, summary, questions);
  }

  private static List<Question> readQuestions(NodeReader reader, MapView map, IdRegistry ids) {
    Node node = map.required("questions", "questions:  (then one '- id: ...' entry per question)");
    if (node == null) {
      return null;
    }
    SequenceNode list = reader.list(node, "questions", " of question maps, each starting '- id: ...'");
    if (list == null) {
      return null;
    }
    if (list.getValue().isEmpty()) {
      reader.error(node, "questions is empty; a phase file needs at least one question");
      return null;
    }
    List<Question> questions = new ArrayList<>();
    for (Node item : list.getValue()) {
      questions.add(QuestionReader.read(reader, item, questions.size() + 1, ids));
    }
    return questions.contains(null) ? null : questions;
  }
}

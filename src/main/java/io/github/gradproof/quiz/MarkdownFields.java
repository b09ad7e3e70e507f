package io.github.gradproof.quiz;

import java.util.ArrayList;
import java.util.List;

/** Every human-readable (Markdown) field of a phase, in file order, each with the name messages give it. */
public final class MarkdownFields {

  /**
   * One field: its short name ("q-08-01 prompt", the translation report's), how a sentence names it
   * ("the prompt of question q-08-01") and its texts with their locations.
   */
  public record Field(String name, String description, Localized text) {}

  private MarkdownFields() {}

  /** The phase's title and summary, then each question's fields in the order a quiz file writes them. */
  public static List<Field> of(Phase phase) {
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("title", "the title of the phase", phase.title()));
    fields.add(new Field("summary", "the summary of the phase", phase.summary()));
    for (Question q : phase.questions()) {
      String of = " of question " + q.id();
      add(fields, q.id() + " title", "the title" + of, q.title());
      add(fields, q.id() + " prompt", "the prompt" + of, q.prompt());
      for (Choice choice : q.choices()) {
        add(fields, q.id() + " choice " + choice.number(), "choice " + choice.number() + of, choice.text());
      }
      add(fields, q.id() + " answer", "the answer" + of, q.answer().text());
      add(fields, q.id() + " explanation", "the explanation" + of, q.explanation());
      add(fields, q.id() + " verify_reason", "the verify reason" + of, q.verifyReason());
      add(fields, q.id() + " exact_dims_reason", "the exact_dims reason" + of,
          q.setup() == null ? null : q.setup().exactDimsReason());
    }
    return fields;
  }

  private static void add(List<Field> fields, String name, String description, Localized text) {
    if (text != null) {
      fields.add(new Field(name, description, text));
    }
  }
}

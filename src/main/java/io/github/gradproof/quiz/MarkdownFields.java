package io.github.gradproof.quiz;

import java.util.ArrayList;
import java.util.List;

/** Every human-readable (Markdown) field of a phase, in file order, each with the name messages give it. */
public final class MarkdownFields {

  /** One field: its name in messages ("q-08-01 prompt") and its texts with their locations. */
  public record Field(String name, Localized text) {}

  private MarkdownFields() {}

  /** The phase's title and summary, then each question's fields in the order a quiz file writes them. */
  public static List<Field> of(Phase phase) {
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("title", phase.title()));
    fields.add(new Field("summary", phase.summary()));
    for (Question q : phase.questions()) {
      add(fields, q.id() + " title", q.title());
      add(fields, q.id() + " prompt", q.prompt());
      for (Choice choice : q.choices()) {
        add(fields, q.id() + " choice " + choice.number(), choice.text());
      }
      add(fields, q.id() + " answer", q.answer().text());
      add(fields, q.id() + " explanation", q.explanation());
      add(fields, q.id() + " verify_reason", q.verifyReason());
      add(fields, q.id() + " exact_dims_reason", q.setup() == null ? null : q.setup().exactDimsReason());
    }
    return fields;
  }

  private static void add(List<Field> fields, String name, Localized text) {
    if (text != null) {
      fields.add(new Field(name, text));
    }
  }
}

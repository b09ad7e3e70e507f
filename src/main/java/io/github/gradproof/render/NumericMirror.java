package io.github.gradproof.render;

import io.github.gradproof.quiz.Distribution;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.verify.NumberArray;
import io.github.gradproof.verify.QuestionResult;
import io.github.gradproof.verify.Variant;
import java.util.Map;

/**
 * The Markdown mirror of a numeric question after its prompt: variant 1's inputs as code (nested
 * lists, as Python writes them), then, in the collapsed answer, its answer, the explanation filled
 * with its values, and what was checked. The other variants live on the page and in
 * {@code verification.json}.
 */
final class NumericMirror {

  private NumericMirror() {}

  static void write(StringBuilder out, String language, Map<String, String> t, AnswerLabels labels,
      QuestionResult result) {
    Question q = result.question();
    Variant first = result.numeric().variants().get(0);
    int count = result.numeric().variants().size();
    out.append("**").append(MirrorMarkdown.text(NumericView.label(t, 1, count))).append("**\n\n```text\n");
    for (InputSpec in : q.setup().inputs()) {
      out.append(assignment(in.name(), first.inputs().get(in.name()), in.distribution() == Distribution.SMALL_DECIMAL));
    }
    out.append("```\n\n");
    out.append("<details><summary>").append(Html.escape(t.get("answer.show"))).append("</summary>\n\n");
    out.append("**").append(MirrorMarkdown.text(labels.keyLabel(q))).append("**: ")
        .append(MirrorMarkdown.code(q.numeric().ask().source())).append(" = ")
        .append(MirrorMarkdown.text(Numbers.shown(NumericView.answer(first))));
    if (q.explanation() != null) {
      out.append("\n\n").append(new PlaceholderFill(q.explanation().in(language), NumericView.values(first)).mirror());
    }
    out.append("\n\n**").append(MirrorMarkdown.text(t.get("verify.title"))).append("**\n\n");
    out.append(NumericView.summary(result, t).markdown());
    Phrase redrawn = NumericView.redrawn(result.numeric(), t);
    if (redrawn != null) {
      out.append(' ').append(redrawn.markdown());
    }
    out.append("\n\n</details>\n");
  }

  /** {@code A = [[1, -2], [3, 0]]}, one row of a matrix per line, columns aligned. */
  static String assignment(String name, NumberArray t, boolean decimal) {
    double[] data = t.toArray();
    String[] cells = new String[data.length];
    int width = 0;
    for (int i = 0; i < data.length; i++) {
      cells[i] = Numbers.input(data[i], decimal);
      width = Math.max(width, cells[i].length());
    }
    StringBuilder out = new StringBuilder(name).append(" = ");
    int[] position = {0};
    nested(out, cells, width, t.shape(), 0, position, " ".repeat(name.length() + 3));
    return out.append('\n').toString();
  }

  private static void nested(StringBuilder out, String[] cells, int width, int[] shape, int axis, int[] position,
      String indent) {
    if (axis == shape.length) {
      String cell = cells[position[0]++];
      out.append(" ".repeat(shape.length == 0 ? 0 : width - cell.length())).append(cell);
      return;
    }
    out.append('[');
    boolean innermost = axis == shape.length - 1;
    for (int i = 0; i < shape[axis]; i++) {
      if (i > 0) {
        out.append(',');
        out.append(innermost ? " " : "\n" + indent + " ".repeat(axis + 1));
      }
      nested(out, cells, width, shape, axis + 1, position, indent);
    }
    out.append(']');
  }
}

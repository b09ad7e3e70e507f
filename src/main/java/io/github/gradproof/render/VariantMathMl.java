package io.github.gradproof.render;

import io.github.gradproof.quiz.Distribution;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.verify.NumberArray;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the inputs of a numeric question's variant as MathML Core, one {@code <math>} per input:
 * {@code A = } a table of its values (the stylesheet draws its brackets: a stretched bracket
 * character needs a math font the reader may not have). A scalar is a number, a vector one bracketed row
 * (as NumPy prints a 1-D array), a matrix a table of rows; a tensor of rank 3 or more is a
 * sequence of matrices, each named by its leading indices ({@code A[0] = …}). Every value is
 * written exactly ({@link Numbers#input}), with a true minus sign.
 */
final class VariantMathMl {

  private final StringBuilder out = new StringBuilder(256);

  private VariantMathMl() {}

  /** One {@code <math display="block">} per input, in setup order, joined by newlines. */
  static String inputs(List<InputSpec> specs, Map<String, NumberArray> values) {
    VariantMathMl m = new VariantMathMl();
    for (InputSpec in : specs) {
      NumberArray t = values.get(in.name());
      m.input(in.name(), t, in.distribution() == Distribution.SMALL_DECIMAL);
    }
    return m.out.toString();
  }

  private void input(String name, NumberArray t, boolean decimal) {
    int[] shape = t.shape();
    double[] data = t.toArray();
    if (shape.length <= 2) {
      math(name, new int[0], shape, data, 0, decimal);
      return;
    }
    int matrix = shape[shape.length - 2] * shape[shape.length - 1];
    int[] lead = new int[shape.length - 2];
    for (int start = 0; start < data.length; start += matrix) {
      int[] matrixShape = {shape[shape.length - 2], shape[shape.length - 1]};
      math(name, Arrays.copyOf(lead, lead.length), matrixShape, data, start, decimal);
      increment(lead, shape);
    }
  }

  /** The next leading index in row-major order. */
  private static void increment(int[] lead, int[] shape) {
    for (int i = lead.length - 1; i >= 0; i--) {
      if (++lead[i] < shape[i]) {
        return;
      }
      lead[i] = 0;
    }
  }

  private void math(String name, int[] lead, int[] shape, double[] data, int start, boolean decimal) {
    out.append("<math display=\"block\" class=\"variant-input\"><mrow><mi>");
    Html.appendText(out, name);
    out.append("</mi>");
    if (lead.length > 0) {
      out.append("<mo>[</mo>");
      for (int i = 0; i < lead.length; i++) {
        out.append(i == 0 ? "" : "<mo separator=\"true\">,</mo>").append("<mn>").append(lead[i]).append("</mn>");
      }
      out.append("<mo>]</mo>");
    }
    out.append("<mo>=</mo>");
    if (shape.length == 0) {
      number(data[start], decimal);
    } else {
      int rows = shape.length == 1 ? 1 : shape[0];
      int columns = shape[shape.length - 1];
      out.append("<mtable>");
      for (int r = 0; r < rows; r++) {
        out.append("<mtr>");
        for (int c = 0; c < columns; c++) {
          out.append("<mtd>");
          number(data[start + r * columns + c], decimal);
          out.append("</mtd>");
        }
        out.append("</mtr>");
      }
      out.append("</mtable>");
    }
    out.append("</mrow></math>\n");
  }

  private void number(double value, boolean decimal) {
    String text = Numbers.input(value, decimal);
    out.append("<mn>").append(text.startsWith("-") ? "−" + text.substring(1) : text).append("</mn>");
  }
}

package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.gradproof.QuizLoad;
import io.github.gradproof.CourseFixture;
import io.github.gradproof.NumericRecompute;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.verify.PhaseResult;
import io.github.gradproof.verify.PhaseVerifier;
import io.github.gradproof.verify.Variant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What numeric questions write outside the pages: {@code verification.json} lists every variant's
 * inputs and answer so that the answer can be recomputed from the file alone (and is, here, with
 * the engine on exactly the listed inputs), and the Markdown mirror shows variant 1 with its
 * answer and its filled explanation.
 */
class NumericOutputTest {

  private static PhaseResult result;
  private static JsonObject json;

  @BeforeAll
  static void verify() {
    Phase phase = QuizLoad.phase(CourseFixture.NUMERIC, "data/quizzes/" + CourseFixture.NUMERIC_PAGE + ".yaml");
    result = new PhaseVerifier().verify(phase);
    json = JsonParser.parseString(JsonDocuments.of(java.util.List.of(result))).getAsJsonObject();
  }

  private static List<JsonObject> numericQuestions() {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement phase : json.getAsJsonArray("phases")) {
      for (JsonElement q : phase.getAsJsonObject().getAsJsonArray("questions")) {
        if (q.getAsJsonObject().get("kind").getAsString().equals("numeric")) {
          out.add(q.getAsJsonObject());
        }
      }
    }
    return out;
  }

  @Test
  void everyAnswerInVerificationJsonEqualsARecomputationFromItsListedInputs() {
    List<JsonObject> questions = numericQuestions();
    assertEquals(result.questions().size(), questions.size());
    int checked = 0;
    for (JsonObject q : questions) {
      List<String> forward = new ArrayList<>();
      q.getAsJsonArray("forward").forEach(l -> forward.add(l.getAsString()));
      Map<String, Integer> dims = new LinkedHashMap<>();
      q.getAsJsonArray("sizes").get(0).getAsJsonObject().entrySet()
          .forEach(e -> dims.put(e.getKey(), e.getValue().getAsInt()));
      Set<String> labels = new HashSet<>();
      q.getAsJsonObject("dists").entrySet().stream().filter(e -> e.getValue().getAsString().equals("labels"))
          .forEach(e -> labels.add(e.getKey()));
      assertEquals(q.get("trials").getAsInt(), q.getAsJsonArray("variants").size());
      for (JsonElement v : q.getAsJsonArray("variants")) {
        JsonObject variant = v.getAsJsonObject();
        assertEquals(Set.of("inputs", "answer"), variant.keySet(), "exactly these names");
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        variant.getAsJsonObject("inputs").entrySet()
            .forEach(e -> inputs.put(e.getKey(), NumericRecompute.tensor(e.getValue())));
        double answer = variant.get("answer").getAsDouble();
        assertEquals(NumericRecompute.answer(forward, q.get("ask").getAsString(), dims, inputs, labels), answer, 0.0,
            q.get("id").getAsString());
        checked++;
      }
    }
    assertEquals(8 + 6 + 4 + 5, checked);
  }

  @Test
  void theJsonNumbersAreTheComputedDoublesExactly() {
    JsonObject q = numericQuestions().get(2);
    List<Variant> variants = result.questions().get(2).numeric().variants();
    for (int i = 0; i < variants.size(); i++) {
      JsonObject v = q.getAsJsonArray("variants").get(i).getAsJsonObject();
      assertEquals(variants.get(i).answer(), v.get("answer").getAsDouble(), 0.0);
      double[] x = variants.get(i).inputs().get("x").toArray();
      for (int k = 0; k < x.length; k++) {
        assertEquals(Double.toString(x[k]), v.getAsJsonObject("inputs").getAsJsonArray("x").get(k).getAsString(),
            "one decimal place, as shown");
      }
    }
    assertEquals("m", q.get("ask").getAsString());
    assertEquals(0.01, q.getAsJsonObject("tolerance").get("abs").getAsDouble());
    assertEquals(List.of("m = mean(x ** 2)"), List.of(q.getAsJsonArray("forward").get(0).getAsString()));
  }

  @Test
  void exactNumbersAreTheShortestTextThatReadsBack() {
    assertEquals("0.1", Numbers.exact(0.1));
    assertEquals("-9", Numbers.exact(-9));
    assertEquals("0", Numbers.exact(-0.0));
    assertEquals("2.9633333333333334", Numbers.exact(8.89 / 3));
    assertEquals("1e-7", Numbers.exact(1e-7));
    assertEquals("1.5e+20", Numbers.exact(1.5e20));
    assertEquals(null, Numbers.exact(Double.NaN));
    for (double d : new double[] {Math.PI, -1.0 / 3, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE, 123456.789}) {
      assertEquals(d, Double.parseDouble(Numbers.exact(d)), 0.0);
    }
  }

  @Test
  void shownNumbersAreShortAndWholeNumbersStayWhole() {
    assertEquals("-9", Numbers.shown(-9));
    assertEquals("0", Numbers.shown(-0.0));
    assertEquals("2.96333", Numbers.shown(8.89 / 3));
    assertEquals("0.125", Numbers.shown(0.125));
    assertEquals("2.5e-07", Numbers.shown(2.5e-7));
    assertEquals("1.23457e+06", Numbers.shown(1234567.5));
  }

  /** The outside tester's raw doubles, as the rest of the page writes numbers; exact only when the tolerance asks. */
  @Test
  void aProofTableShowsAnswersAsThePageDoes() {
    assertEquals("-0.281", Numbers.answerInTable(-0.28099999999999997, 0.005, 0.001));
    assertEquals("-2.404", Numbers.answerInTable(-2.4040000000000004, 0.005, 0.001));
    assertEquals("0.022", Numbers.answerInTable(0.021999999999999992, 0.005, 0.001));
    assertEquals("-9", Numbers.answerInTable(-9, 0, 0));
    // 2.96333 is 3.33e-6 from 8.89 / 3: shown within an allowance of 3.4e-6, exact within 3.3e-6
    assertEquals("2.96333", Numbers.answerInTable(8.89 / 3, 3.4e-6, 0));
    assertEquals("2.9633333333333334", Numbers.answerInTable(8.89 / 3, 3.3e-6, 0));
    assertEquals("2.96333", Numbers.answerInTable(8.89 / 3, 0, 1.2e-6));
    assertEquals("2.9633333333333334", Numbers.answerInTable(8.89 / 3, 0, 1.1e-6));
  }

  @Test
  void theTechnicalTableOfEveryVariantShowsItsAnswerAsTheKeyDoes() {
    UiStrings ui = UiStrings.load(Theme.builtIn(), List.of("en", "es"));
    PageRenderer pages = new PageRenderer(Theme.builtIn(), ui, new PageLinks(List.of("en", "es"), null),
        new MarkdownRenderer());
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(pages.phasePage("es", result));
    org.jsoup.select.Elements tables = page.select("table.technical-table");
    assertEquals(result.questions().size(), tables.size());
    int rounded = 0;
    for (int q = 0; q < tables.size(); q++) {
      List<Variant> variants = result.questions().get(q).numeric().variants();
      List<String> cells = tables.get(q).select("tbody tr").stream().map(r -> r.select("td.num").get(0).text()).toList();
      assertEquals(variants.stream().map(v -> Numbers.shown(v.answer())).toList(), cells);
      rounded += (int) variants.stream().filter(v -> !Numbers.shown(v.answer()).equals(Numbers.exact(v.answer()))).count();
    }
    assertTrue(rounded > 0, "some answer of the fixture is not its shortest exact text");
  }

  @Test
  void theMirrorShowsVariantOneWithItsAnswerAndFilledExplanation() {
    String md = new MarkdownMirror(UiStrings.load(Theme.builtIn(), List.of("en", "es")), List.of("en", "es")).render("en", result);
    Variant first = result.questions().get(0).numeric().variants().get(0);
    String answer = Numbers.shown(first.answer());
    assertTrue(md.contains("**Variant 1 of 8**"), md);
    assertTrue(md.contains("**Answer**: `dA[0, 1]` = " + answer), md);
    assertTrue(md.contains("= " + answer + "."), "the explanation's {{answer}} is variant 1's: " + md);
    assertFalse(md.contains("{{"), "no placeholder is left");
    double[] g = first.inputs().get("G").toArray();
    assertTrue(md.contains("G = [[" + (long) g[0] + ", " + (long) g[1] + "],"), md);
  }
}

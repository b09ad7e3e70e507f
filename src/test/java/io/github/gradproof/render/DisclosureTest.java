package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.gradproof.QuizLoad;
import io.github.gradproof.autograd.GradCheck;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.verify.PhaseResult;
import io.github.gradproof.verify.PhaseVerifier;
import io.github.gradproof.verify.QuestionResult;
import io.github.gradproof.verify.QuestionVerifier;
import io.github.gradproof.verify.TestQuestions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the proof of a question discloses about what was and was not checked, on the page, in the
 * Markdown mirror and in {@code verification.json} (fixture {@code src/test/resources/disclosure/}):
 * a {@code verify: false} question has "not checked" rows, no caption about the engine and no
 * agreement; an engine check that compared no point says so instead of an error of 0; the shape
 * column lists every shape the claim had; a question with an unkeyed choice in text only is
 * partially verified; a question that means its exact sizes shows why.
 */
class DisclosureTest {

  private static final UiStrings UI = UiStrings.load(Theme.builtIn(), List.of("en", "es"));
  private static PhaseResult result;
  private static JsonObject json;

  @BeforeAll
  static void verify() throws URISyntaxException {
    Path file = Path.of(DisclosureTest.class.getResource("/disclosure/phase-01-disclosure.yaml").toURI());
    Phase phase = QuizLoad.phase(file, "data/quizzes/phase-01-disclosure.yaml");
    result = new PhaseVerifier().verify(phase);
    assertEquals(List.of(), result.problems());
    json = JsonParser.parseString(JsonDocuments.of(List.of(result))).getAsJsonObject();
  }

  private static Map<String, Object> view(int question, String language) {
    return view(result.questions().get(question), language);
  }

  private static Map<String, Object> view(QuestionResult q, String language) {
    return new ProofView(new MarkdownRenderer(), language, UI.of(language))
        .build(q, VerificationTable.of(q), ShapeSymbols.of(q.question().setup()));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Object> view) {
    return (List<Map<String, Object>>) view.get("rows");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> compactRows(Map<String, Object> view) {
    return ((List<Map<String, Object>>) view.get("groups")).stream()
        .flatMap(g -> ((List<Map<String, Object>>) g.get("rows")).stream()).toList();
  }

  private static JsonObject question(int index) {
    return json.getAsJsonArray("phases").get(0).getAsJsonObject().getAsJsonArray("questions").get(index)
        .getAsJsonObject();
  }

  @Test
  void anUncheckedQuestionSaysNotCheckedAndClaimsNoAgreementNorEngine() {
    for (String language : List.of("en", "es")) {
      Map<String, Object> view = view(0, language);
      assertEquals(true, view.get("disabled"));
      assertNull(view.get("caption"), "no caption about the autograd engine");
      assertNull(view.get("summary"));
      String notChecked = UI.of(language).get("verdict.not_checked");
      assertEquals(List.of(notChecked, notChecked), compactRows(view).stream().map(r -> r.get("verdict")).toList());
      for (Map<String, Object> row : rows(view)) {
        assertEquals(Numbers.NOT_APPLICABLE, row.get("agrees"), language);
        assertEquals(Numbers.NOT_APPLICABLE, row.get("trials"), language);
        assertEquals(Numbers.NOT_APPLICABLE, row.get("engineError"), language);
      }
    }
    String md = new MarkdownMirror(UI, List.of("en", "es")).render("en", result);
    String section = md.substring(md.indexOf("Not checked"), md.indexOf("Every point at a kink"));
    assertFalse(section.contains(UI.of("en").get("verify.caption")), section);
    assertFalse(section.contains("| yes |"), section);
    assertTrue(section.contains("| not checked |"), section);
    for (com.google.gson.JsonElement choice : question(0).getAsJsonArray("choices")) {
      assertEquals("not-checkable", choice.getAsJsonObject().get("verdict").getAsString());
      assertTrue(choice.getAsJsonObject().get("agreesWithKey").isJsonNull(), "no agreement claimed");
    }
    assertFalse(question(0).get("verified").getAsBoolean());
    assertTrue(question(2).getAsJsonArray("choices").get(0).getAsJsonObject().get("agreesWithKey").getAsBoolean());
  }

  @Test
  void aCheckedQuestionKeepsItsCaptionAndAgreement() {
    Map<String, Object> view = view(2, "en");
    assertEquals(UI.of("en").get("verify.caption"), view.get("caption"));
    assertEquals(UI.of("en").get("key.yes"), rows(view).get(0).get("agrees"));
  }

  /**
   * The engine is cross-checked in the first 3 seeds of each dims assignment: the summary says on
   * how many of the inputs, and verification.json carries the count.
   */
  @Test
  void theSummarySaysOnHowManyInputsTheEngineWasCrossChecked() {
    QuestionResult q = result.questions().get(2);
    assertEquals(20, q.trials()); // 10 at the author's dims, 5 at each of the two fresh assignments
    assertEquals(9, q.engineTrials());
    assertEquals(9, question(2).get("engineTrials").getAsInt());
    String en = (String) view(2, "en").get("summary");
    assertTrue(en.contains(" on 20 random inputs of 3 sizes; on <span class=\"nowrap\">9</span> of them, autograd "
        + "agrees with finite differences to within "), en);
    String es = (String) view(2, "es").get("summary");
    assertTrue(es.contains(" con 20 entradas aleatorias de 3 tamaños; en <span class=\"nowrap\">9</span> de ellas, "
        + "autograd coincide"), es);
  }

  /**
   * The engine's agreement reads relative to the gradient's size, so that gradients of 1e20 (whose
   * central differences are off by thousands, 1e-17 of them) do not read as a failure: the figure is
   * the one of the same question at magnitude 1, at rounding's size, never the absolute error.
   */
  @Test
  void theEngineFigureIsRelativeToTheGradientsSizeAtAnyMagnitude() {
    QuestionResult huge = new QuestionVerifier().verify(TestQuestions.free("q-huge",
        TestQuestions.setup("N=4", "x[N]", "L = sum(x * x) * 1e20"), "dx = 2e20 * x"));
    assertEquals(List.of(), huge.problems());
    assertTrue(huge.engineError() > 0 && huge.engineError() < GradCheck.RTOL, "relative: " + huge.engineError());
    String en = (String) view(huge, "en").get("summary");
    assertTrue(en.endsWith("autograd agrees with finite differences to within <span class=\"nowrap\">"
        + Numbers.errorCell(huge.engineError()) + "</span> of the gradient&#39;s size."), en);
    String es = (String) view(huge, "es").get("summary");
    assertTrue(es.endsWith("autograd coincide con las diferencias finitas con un error relativo al tamaño del "
        + "gradiente de <span class=\"nowrap\">" + Numbers.errorCell(huge.engineError()) + "</span> como máximo."),
        es);
    assertEquals(Numbers.errorCell(huge.answerClaims().get(0).engineError()), rows(view(huge, "en")).get(0)
        .get("engineError"), "the table's column gives the same relative figure");
  }

  @Test
  void anEngineCheckThatComparedNothingSaysSoInsteadOfAnErrorOfZero() {
    QuestionResult q = result.questions().get(1);
    assertTrue(q.answerClaims().get(0).engineSkipped());
    assertTrue(Double.isNaN(q.answerClaims().get(0).engineError()));
    assertTrue(Double.isNaN(q.engineError()), "the question's engine error is not 0 either");
    assertEquals(UI.of("en").get("verify.engine.skipped"), rows(view(1, "en")).get(0).get("engineError"));
    assertEquals(UI.of("es").get("verify.engine.skipped"), rows(view(1, "es")).get(0).get("engineError"));
    JsonObject claim = question(1).getAsJsonObject("answer").getAsJsonArray("claims").get(0).getAsJsonObject();
    assertTrue(claim.get("engineSkipped").getAsBoolean());
    assertTrue(claim.get("engineError").isJsonNull());
    String md = new MarkdownMirror(UI, List.of("en", "es")).render("en", result);
    assertTrue(md.contains(UI.of("en").get("verify.engine.skipped")), md);
  }

  @Test
  void theShapeColumnListsEveryShapeOverTheTrials() {
    QuestionResult q = result.questions().get(2);
    assertEquals(3, q.sizes().size(), "the author's dims and two fresh assignments");
    List<String> shapes = new ArrayList<>(List.of("(3, 4)"));
    for (Map<String, Integer> fresh : q.sizes().subList(1, 3)) {
      shapes.add("(" + fresh.get("M") + ", " + fresh.get("K") + ")");
    }
    assertEquals(String.join(", ", shapes), rows(view(2, "en")).get(0).get("shape"));
    JsonObject claim = question(2).getAsJsonArray("choices").get(0).getAsJsonObject().getAsJsonArray("claims").get(0)
        .getAsJsonObject();
    assertEquals("[\"" + String.join("\",\"", shapes) + "\"]", claim.getAsJsonArray("shapes").toString());
  }

  @Test
  void anUnkeyedChoiceInTextOnlyMakesTheQuestionPartiallyVerified() {
    assertFalse(result.questions().get(0).partiallyVerified());
    assertFalse(result.questions().get(1).partiallyVerified());
    assertTrue(result.questions().get(2).partiallyVerified());
    assertEquals(UI.of("en").get("verify.partial"), view(2, "en").get("partial"));
    assertEquals(UI.of("es").get("verify.partial"), view(2, "es").get("partial"));
    assertNull(view(1, "en").get("partial"));
    assertTrue(question(2).get("partial").getAsBoolean());
    assertFalse(question(1).get("partial").getAsBoolean());
    PhaseSummary summary = PhaseSummary.of(result);
    assertEquals(3, summary.verifiedCount()); // q-01-01 is verify: false
    assertEquals(1, summary.partialCount());
    String md = new MarkdownMirror(UI, List.of("en", "es")).render("es", result);
    assertTrue(md.contains(UI.of("es").get("verify.partial")), md);
  }

  @Test
  void aQuestionThatMeansItsExactSizesShowsWhy() {
    assertEquals(List.of(Map.of("R", 3, "C", 5)), result.questions().get(3).sizes());
    assertEquals("The prompt is about a <strong>3×5</strong> array.", view(3, "en").get("exactDims"));
    assertEquals("El enunciado trata de un array de <strong>3×5</strong>.", view(3, "es").get("exactDims"));
    assertNull(view(2, "en").get("exactDims"));
    assertTrue(question(3).get("exactDims").getAsBoolean());
    String md = new MarkdownMirror(UI, List.of("en", "es")).render("en", result);
    assertTrue(md.contains("*" + UI.of("en").get("verify.exact_dims") + "* The prompt is about a **3×5** array."), md);
  }

  @Test
  void thePhasePageAndTheIndexShowEveryDisclosure() {
    PageRenderer pages = new PageRenderer(Theme.builtIn(), UI, new PageLinks(List.of("en", "es"), null),
        new MarkdownRenderer());
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(pages.phasePage("en", result));
    org.jsoup.select.Elements proofs = page.select("section.verification");
    assertEquals(4, proofs.size());
    org.jsoup.nodes.Element unchecked = proofs.get(0);
    assertTrue(unchecked.select("p.verify-note").isEmpty(), unchecked.outerHtml());
    assertEquals(List.of("not checked", "not checked"),
        unchecked.select("table.proof-table .verdict-name").eachText().stream().map(v -> v.substring(2)).toList());
    assertEquals(List.of("—", "—"), unchecked.select("td.agrees").eachText());
    assertEquals(UI.of("en").get("verify.caption"), proofs.get(2).select("p.verify-note").text());
    assertEquals(UI.of("en").get("verify.engine.skipped"), proofs.get(1).select("td.num").get(2).text());
    assertEquals(UI.of("en").get("verify.partial"), proofs.get(2).select("p.proof-partial").text());
    assertTrue(proofs.get(1).select("p.proof-partial").isEmpty());
    assertEquals(UI.of("en").get("verify.exact_dims") + " The prompt is about a 3×5 array.",
        proofs.get(3).select("p.verify-exact").text());
    String index = org.jsoup.Jsoup.parse(pages.indexPage("es", List.of(result))).select(".phase-meta").text();
    assertEquals("4 preguntas · 3 verificadas · 1 de ellas en parte", index);
  }
}

package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.QuizFiles;
import io.github.gradproof.verify.PhaseResult;
import io.github.gradproof.verify.QuestionResult;
import io.github.gradproof.verify.QuestionVerifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sizes a question was tried at name its derived dims too, after the free ones, on the page
 * and in {@code verification.json}, the same in every build.
 */
class DerivedSizesTest {

  private static Phase corpus() throws URISyntaxException {
    Path file = Path.of(DerivedSizesTest.class.getResource("/language/phase-09-setup.yaml").toURI());
    return QuizFiles.load(file, "language/phase-09-setup.yaml", List.of("en"));
  }

  private static String json(Phase phase) {
    QuestionResult heads = new QuestionVerifier().verify(phase.questions().get(0));
    return JsonDocuments.of(List.of(new PhaseResult(phase, List.of(heads)))).replaceAll("\\s+", "");
  }

  @Test
  void verificationJsonListsTheDerivedDimsOfEveryAssignment() throws URISyntaxException {
    String json = json(corpus());
    Matcher sizes = Pattern.compile("\"sizes\":\\[(.*?)\\]").matcher(json);
    assertTrue(sizes.find(), json);
    assertTrue(sizes.group(1).startsWith("{\"B\":2,\"NH\":2,\"DH\":3,\"E\":6}"), sizes.group(1));
    Matcher each = Pattern.compile("\\{\"B\":\\d+,\"NH\":(\\d+),\"DH\":(\\d+),\"E\":(\\d+)\\}").matcher(sizes.group(1));
    int assignments = 0;
    while (each.find()) {
      assertEquals(Integer.parseInt(each.group(1)) * Integer.parseInt(each.group(2)), Integer.parseInt(each.group(3)),
          each.group());
      assignments++;
    }
    assertEquals(3, assignments, "the author's and two fresh assignments of three free dims: " + sizes.group(1));
    assertEquals(json, json(corpus()), "deterministic");
  }

  @Test
  void thePageWritesTheDerivedDimAfterTheFreeOnes() throws URISyntaxException {
    QuestionResult heads = new QuestionVerifier().verify(corpus().questions().get(0));
    assertEquals("B = 2, NH = 2, DH = 3, E = 6", AnswerLabels.sizes(heads.sizes().get(0)));
  }
}

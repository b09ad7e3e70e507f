package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.SampleQuiz;
import io.github.gradproof.verify.PhaseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationJsonTest {

  @Test
  void splicedFragmentsEqualTheDocumentWrittenInOnePiece() {
    PhaseResult a = SampleQuiz.result(SampleQuiz.phase("Phase 3 — A"));
    PhaseResult b = SampleQuiz.result(SampleQuiz.phase("Phase 3 — B"));
    for (List<PhaseResult> phases : List.of(List.<PhaseResult>of(), List.of(a), List.of(a, b))) {
      assertEquals(VerificationJson.writeWhole(phases), VerificationJson.write(phases));
    }
  }

  @Test
  void everyFigureOfTheProofIsKeptIncludingTheSizesTried() {
    String json = VerificationJson.write(List.of(SampleQuiz.result(SampleQuiz.phase("Phase 3 — A"))))
        .replaceAll("\\s+", "");
    assertTrue(json.contains("\"trials\":3,\"sizes\":[{\"M\":3,\"K\":4}],\"engineError\":2.500000e-10,"), json);
    assertTrue(json.contains("\"error\":1.100000e-16,\"engineError\":2.500000e-10,\"trials\":3,"), json);
    assertTrue(json.contains("\"reason\":{\"kind\":\"shape\",\"detail\":\"(4,3)\u2260dA(3,4)\"}"), json);
  }
}

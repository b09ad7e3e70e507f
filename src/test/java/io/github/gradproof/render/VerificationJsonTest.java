package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

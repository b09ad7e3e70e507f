package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.SampleQuiz;
import io.github.gradproof.verify.PhaseResult;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationJsonTest {

  @Test
  void splicedFragmentsEqualTheDocumentWrittenInOnePiece() throws IOException {
    PhaseResult a = SampleQuiz.result(SampleQuiz.phase("Phase 3 — A"));
    PhaseResult b = SampleQuiz.result(SampleQuiz.phase("Phase 3 — B"));
    for (List<PhaseResult> phases : List.of(List.<PhaseResult>of(), List.of(a), List.of(a, b))) {
      assertEquals(inOnePiece(phases), JsonDocuments.of(phases));
    }
  }

  @Test
  void everyFigureOfTheProofIsKeptIncludingTheSizesTried() throws IOException {
    String json = JsonDocuments.of(List.of(SampleQuiz.result(SampleQuiz.phase("Phase 3 — A"))))
        .replaceAll("\\s+", "");
    assertTrue(json.contains("\"trials\":3,\"engineTrials\":3,\"sizes\":[{\"M\":3,\"K\":4}],\"engineError\":2.500000e-10,"), json);
    assertTrue(json.contains("\"shape\":\"(3,4)\",\"shapes\":[\"(3,4)\"],\"error\":1.100000e-16,"
        + "\"engineError\":2.500000e-10,\"engineSkipped\":false,\"trials\":3,"), json);
    assertTrue(json.contains("\"verified\":true,\"partial\":true,\"exactDims\":false,"), json);
    assertTrue(json.contains("\"reason\":{\"kind\":\"shape\",\"detail\":\"(4,3)\u2260dA(3,4)\"}"), json);
  }

  /** The document written by one {@link Json} writer from the start: what splicing must equal. */
  private static String inOnePiece(List<PhaseResult> phases) {
    Json json = new Json().beginObject();
    json.field("format", VerificationJson.FORMAT_VERSION);
    json.field("generator", "gradproof");
    json.name("phases").beginArray();
    for (PhaseResult phase : phases) {
      VerificationJson.phase(json, phase);
    }
    json.endArray();
    return json.endObject().toString();
  }
}

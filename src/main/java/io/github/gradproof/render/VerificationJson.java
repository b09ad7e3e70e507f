package io.github.gradproof.render;

import io.github.gradproof.quiz.Question;
import io.github.gradproof.verify.ClaimResult;
import io.github.gradproof.verify.ConvergenceExperiment;
import io.github.gradproof.verify.PhaseResult;
import io.github.gradproof.verify.QuestionResult;
import io.github.gradproof.verify.Reason;
import io.github.gradproof.verify.Reasons;
import io.github.gradproof.verify.Verdict;
import java.util.List;

/**
 * Writes {@code site/verification.json}: every phase, question, claim, verdict and error figure,
 * for machines. Field names and layout are documented in {@code docs/FORMAT.md}.
 */
public final class VerificationJson {

  /** Version of the file's layout; bump on incompatible changes. */
  public static final int FORMAT_VERSION = 1;

  private VerificationJson() {}

  /**
   * The entry of one phase, exactly as it appears inside the document: lets phases be written
   * independently (in parallel, or taken from the build cache) and spliced by a {@link Writer}.
   */
  public static byte[] phaseFragment(PhaseResult result) {
    Json json = new Json(2);
    phase(json, result);
    return json.fragment().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Streams the document in UTF-8: the header, then each phase's fragment in order, then the end.
   * Fragments are taken as UTF-8 bytes, so a fragment kept by the build cache is written as stored.
   */
  public static final class Writer {
    private final java.io.OutputStream out;
    private int count;

    /** Starts the document. */
    public Writer(java.io.OutputStream out) throws java.io.IOException {
      this.out = out;
      ascii("{\n  \"format\": " + FORMAT_VERSION + ",\n  \"generator\": \"gradproof\",\n  \"phases\": [");
    }

    /** Appends the next phase's fragment ({@link #phaseFragment}, encoded in UTF-8). */
    public void add(byte[] fragment) throws java.io.IOException {
      if (count++ > 0) {
        out.write(',');
      }
      out.write(fragment);
    }

    /** Ends the document. */
    public void finish() throws java.io.IOException {
      ascii((count == 0 ? "]" : "\n  ]") + "\n}\n");
    }

    private void ascii(String text) throws java.io.IOException {
      out.write(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
  }

  /** Writes the entry of one phase at the current position of {@code json}. */
  static void phase(Json json, PhaseResult result) {
    json.beginObject();
    json.field("file", result.phase().sourcePath());
    json.field("phase", result.phase().number());
    json.field("slug", result.phase().slug());
    json.name("questions").beginArray();
    for (QuestionResult question : result.questions()) {
      question(json, question);
    }
    json.endArray().endObject();
  }

  private static void question(Json json, QuestionResult result) {
    Question q = result.question();
    json.beginObject();
    json.field("id", q.id());
    json.field("kind", q.kind().yamlName());
    json.field("line", q.location().line());
    json.field("verified", q.verify());
    json.field("partial", result.partiallyVerified());
    json.field("exactDims", q.setup() != null && q.setup().exactDims());
    json.name("key").beginArray();
    q.answer().choices().forEach(json::value);
    json.endArray();
    json.field("trials", result.trials());
    json.field("engineTrials", result.engineTrials());
    json.name("sizes").beginArray();
    for (java.util.Map<String, Integer> dims : result.sizes()) {
      json.beginObject();
      dims.forEach((dim, size) -> json.field(dim, size));
      json.endObject();
    }
    json.endArray();
    json.field("engineError", result.engineError());
    VerificationTable table = VerificationTable.of(result);
    json.name("choices").beginArray();
    for (VerificationTable.Group choice : table.choices()) {
      json.beginObject();
      json.field("number", choice.choice());
      json.field("keyed", choice.keyed());
      json.field("verdict", VerificationTable.verdictName(choice.verdict()));
      if (choice.verdict() == Verdict.NOT_CHECKABLE) {
        json.field("agreesWithKey", (String) null); // nothing was checked: no agreement to claim
      } else {
        json.field("agreesWithKey", choice.agreesWithKey());
      }
      claims(json, choice.claims());
      json.endObject();
    }
    json.endArray();
    json.name("answer").beginObject();
    claims(json, table.answer().claims());
    json.endObject();
    if (result.experiment() != null) {
      experiment(json, result.experiment());
    }
    if (result.numeric() != null) {
      NumericJson.write(json, result);
    }
    json.endObject();
  }

  private static void claims(Json json, List<ClaimResult> claims) {
    json.name("claims").beginArray();
    for (ClaimResult claim : claims) {
      json.beginObject();
      json.field("claim", claim.claim().source());
      json.field("line", claim.claim().location().line());
      json.field("column", claim.claim().location().column());
      json.field("shape", claim.shape() == null ? null : Numbers.shape(claim.shape()));
      json.name("shapes").beginArray();
      claim.shapes().forEach(shape -> json.value(Numbers.shape(shape)));
      json.endArray();
      json.field("error", claim.error());
      json.field("engineError", claim.engineError());
      json.field("engineSkipped", claim.engineSkipped());
      json.field("trials", claim.trials());
      json.field("verdict", VerificationTable.verdictName(claim.verdict()));
      if (claim.reason() != null) {
        json.name("reason").beginObject();
        json.field("kind", claim.reason().kind().key());
        json.field("detail", ReasonText.detail(claim.reason()));
        if (claim.reason() instanceof Reason.NotGeneral g) {
          json.name("holdsFor").beginArray();
          g.heldAt().forEach(d -> json.value(Reasons.dims(d)));
          json.endArray();
          json.field("failsFor", Reasons.dims(g.dims()));
        }
        if (claim.reason() instanceof Reason.Widened w) {
          json.field("widened", w.widen());
          json.field("widenedInputs", w.moved().name().toLowerCase(java.util.Locale.ROOT));
        }
        json.endObject();
      }
      json.endObject();
    }
    json.endArray();
  }

  private static void experiment(Json json, ConvergenceExperiment e) {
    json.name("experiment").beginObject();
    json.name("steps").beginArray();
    e.steps().forEach(json::value);
    json.endArray();
    json.name("forwardErrors").beginArray();
    e.forwardErrors().forEach(json::value);
    json.endArray();
    json.name("centralErrors").beginArray();
    e.centralErrors().forEach(json::value);
    json.endArray();
    json.field("forwardOrder", e.forwardOrder());
    json.field("centralOrder", e.centralOrder());
    json.field("forwardEvaluations", e.forwardEvaluations());
    json.field("centralEvaluations", e.centralEvaluations());
    json.endObject();
  }
}

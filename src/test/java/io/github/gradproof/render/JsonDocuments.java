package io.github.gradproof.render;

import io.github.gradproof.verify.PhaseResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code verification.json} as the build writes it: each phase's fragment on its own, then spliced. */
final class JsonDocuments {

  private JsonDocuments() {}

  static String of(List<PhaseResult> phases) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VerificationJson.Writer writer = new VerificationJson.Writer(out);
      for (PhaseResult phase : phases) {
        writer.add(VerificationJson.phaseFragment(phase));
      }
      writer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}

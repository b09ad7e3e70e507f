package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the claim-language cases in {@code src/test/resources/claim/*.txt}: each parses a
 * {@code claim:} or {@code forward:} line in the {@code @scope:} given, and expects either its
 * {@code mathml:} or, after {@code error:}, the exact diagnostics. The line is placed in a fake
 * quiz file as {@code claim.yaml:7:17} inside {@code       - claim: "…"}.
 */
class ClaimCasesTest {

  static Stream<CaseFile.Case> cases() throws IOException {
    List<CaseFile.Case> all = new ArrayList<>();
    for (String f : List.of("parse.txt", "errors.txt")) {
      all.addAll(CaseFile.read("/claim/" + f));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parsesAsExpected(CaseFile.Case c) {
    Scope scope = scope(c.directives().getOrDefault("scope", ""));
    boolean forward = c.fields().containsKey("forward");
    SourceSpan text = text(c.fields().get(forward ? "forward" : "claim"));
    List<Diagnostic> sink = new ArrayList<>();
    Line line = forward ? Claims.forwardLine(text, scope, sink) : Claims.claim(text, scope, sink);
    if (c.error() != null) {
      assertNull(line, c + ": expected an error");
      assertEquals(c.error(), new DiagnosticException(sink).getMessage(), c.toString());
    } else {
      assertNotNull(line, () -> c + ": " + sink);
      String mathMl = MathMl.render(line);
      assertEquals(c.fields().get("mathml"), mathMl, c.toString());
      assertWellFormed(mathMl);
    }
  }

  /** The MathML is well-formed XML (every element closed, text escaped). */
  private static void assertWellFormed(String xml) {
    try {
      javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed: " + xml, e);
    }
  }

  /** A line as the quiz loader would hand it over: {@code claim.yaml}, line 7, inside quotes. */
  static SourceSpan text(String source) {
    String prefix = "      - claim: \"";
    return new SourceSpan(source, new SourceLocation("claim.yaml", 7, prefix.length() + 1), prefix + source + "\"");
  }

  /** Parses {@code name:kind ...} with kinds dim, input, labels, forward. */
  static Scope scope(String spec) {
    Scope s = Scope.empty();
    for (String item : spec.split("\\s+")) {
      if (item.isEmpty()) {
        continue;
      }
      String[] p = item.split(":");
      s = s.with(p[0], switch (p[1]) {
        case "dim" -> Scope.Kind.DIM;
        case "input" -> Scope.Kind.INPUT;
        case "labels" -> Scope.Kind.LABELS;
        case "forward" -> Scope.Kind.FORWARD;
        default -> throw new IllegalArgumentException("unknown kind " + p[1]);
      });
    }
    return s;
  }
}

package io.github.gradproof.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every claim and forward line knows the file line and column of its first character. */
class ClaimLocationTest {

  @TempDir Path tmp;

  private Question load(String... questionLines) {
    String text = QuizFiles.HEADER + String.join("\n", questionLines) + "\n";
    return QuizFiles.load(tmp, text).questions().get(0);
  }

  private static final String[] START = {
    "  - id: q-01-01",
    "    kind: single",
    "    title: {en: \"T\", es: \"T\"}",
    "    prompt: {en: \"P\", es: \"P\"}",
  };

  private static final String SETUP = "    setup: {dims: {N: 3}, inputs: {x: [N]}, forward: y = sum(x)}";

  private static String[] with(String... more) {
    String[] all = new String[START.length + more.length];
    System.arraycopy(START, 0, all, 0, START.length);
    System.arraycopy(more, 0, all, START.length, more.length);
    return all;
  }

  private static SourceLocation at(int line, int column) {
    return new SourceLocation("t.yaml", line, column);
  }

  @Test
  void plainSingleAndDoubleQuotedClaims() {
    Question q = load(with(
        "    choices:",                       // line 10
        "      - claim: dx = ones_like(x)",    // 11: plain, starts at column 16
        "      - claim: 'dx = 2 * x'",          // 12: single-quoted, text at column 17
        "      - claim: \"dx = 3 * x\"",        // 13: double-quoted, text at column 17
        "      - claim:   \"  dx = 4 * x\"",    // 14: quote at 18, text after two spaces at 21
        "    answer: 1",
        SETUP));
    List<SourceSpan> claims = q.choices().stream().map(c -> c.claims().get(0)).toList();
    assertEquals(List.of("dx = ones_like(x)", "dx = 2 * x", "dx = 3 * x", "dx = 4 * x"),
        claims.stream().map(SourceSpan::source).toList());
    assertEquals(List.of(at(11, 16), at(12, 17), at(13, 17), at(14, 21)),
        claims.stream().map(SourceSpan::location).toList());
    assertEquals("      - claim: 'dx = 2 * x'", claims.get(1).sourceLine());
  }

  @Test
  void aTagOrAnAnchorBeforeAClaimIsSkipped() {
    Question q = load(with(
        "    choices:",                              // 10
        "      - claim: !!str \"dx = 2 * x\"",       // 11: tag, then the text at column 23
        "      - claim: &c 'dx = 3 * x'",             // 12: anchor, text at 20
        "      - claim: !!str &d dx = 4 * x",         // 13: both, plain text at 25
        "    answer: 1",
        SETUP));
    List<SourceSpan> claims = q.choices().stream().map(c -> c.claims().get(0)).toList();
    assertEquals(List.of("dx = 2 * x", "dx = 3 * x", "dx = 4 * x"), claims.stream().map(SourceSpan::source).toList());
    assertEquals(List.of(at(11, 23), at(12, 20), at(13, 25)), claims.stream().map(SourceSpan::location).toList());
  }

  @Test
  void claimListItemsAndFlowSequences() {
    Question q = load(with(
        "    choices:",                                   // 10
        "      - claim:",                                 // 11
        "          - \"dx = x\"",                          // 12: text at 14
        "          - dx.shape == (3,)",                    // 13: plain at 13
        "      - claim: [\"dx == 1\", 'dx != 2']",          // 14: at 18 and 29
        "    answer: 2",
        SETUP));
    assertEquals(List.of(at(12, 14), at(13, 13)),
        q.choices().get(0).claims().stream().map(SourceSpan::location).toList());
    assertEquals(List.of(at(14, 18), at(14, 29)),
        q.choices().get(1).claims().stream().map(SourceSpan::location).toList());
    assertEquals(List.of("dx == 1", "dx != 2"),
        q.choices().get(1).claims().stream().map(SourceSpan::source).toList());
  }

  @Test
  void literalBlockLinesKeepTheirOwnLineAndIndentation() {
    Question q = load(with(
        "    setup:",                         // 10
        "      dims: {N: 3}",                 // 11
        "      inputs: {x: [N]}",             // 12
        "      forward: |",                   // 13
        "        h = tanh(x)",                // 14: column 9
        "",                                   // 15: blank, skipped
        "          g = h * 2",                // 16: more indented, column 11
        "        y = sum(g)   ",              // 17: trailing spaces dropped from the source
        "    choices:",
        "      - claim: |",                   // 19
        "          dx = 1 - h ** 2",          // 20: column 11
        "    answer: 1"));
    List<SourceSpan> forward = q.setup().forward();
    assertEquals(List.of("h = tanh(x)", "g = h * 2", "y = sum(g)"),
        forward.stream().map(SourceSpan::source).toList());
    assertEquals(List.of(at(14, 9), at(16, 11), at(17, 9)),
        forward.stream().map(SourceSpan::location).toList());
    assertEquals("          g = h * 2", forward.get(1).sourceLine());
    SourceSpan claim = q.choices().get(0).claims().get(0);
    assertEquals("dx = 1 - h ** 2", claim.source());
    assertEquals(at(20, 11), claim.location());
  }

  @Test
  void forwardMayBeAOneLineString() {
    Question q = load(with(
        "    setup:",
        "      dims: {N: 3}",
        "      inputs: {x: [N]}",
        "      forward: \"y = sum(x)\"",        // 13: text at 17
        "    choices:",
        "      - claim: dx = 1",
        "    answer: 1"));
    assertEquals(at(13, 17), q.setup().forward().get(0).location());
  }

  @Test
  void literalBlockWithExplicitIndentationAndKeepChomping() {
    Question q = load(with(
        "    setup:",
        "      dims: {N: 3}",
        "      inputs: {x: [N]}",
        "      forward: |2+",                   // 13: content indented two past the parent
        "          y = sum(x)",                 // 14: two extra spaces kept in the value
        "",
        "    choices:",
        "      - claim: dx = 1",
        "    answer: 1"));
    assertEquals(at(14, 11), q.setup().forward().get(0).location());
    assertEquals("y = sum(x)", q.setup().forward().get(0).source());
  }
}

package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.claim.CaseFile;
import io.github.gradproof.claim.CheckedLine;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.Line;
import io.github.gradproof.claim.Scope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every claim that checks is drawn, from its static facts and from its syntax alone, as one
 * well-formed {@code math} element, whatever it combines: the claims of the MathML cases (in their
 * scopes) and claims over names of every rank from a scalar to four axes, as written and with a few
 * characters deleted, inserted or overwritten. No claim makes the renderer throw.
 */
class MathMlFuzzTest {

  /** A claim to mutate and the scope it checks in. */
  private record Seed(String claim, Scope scope) {}

  private static final Scope RANKS = CaseFile.scope(
      "M:dim K:dim N:dim s:input[] v:input[K] A:input[M,K] B:input[K,N] T:input[M,K,N] Q:input[2,M,K,N]"
          + " y:labels[M] C:forward[M,N]");
  private static final String TOKENS = "ABCTQsvyxhzpdMKN=@*/+-().,:_ 0123456789~<>!&|[]'sumaxiskeepdimsTrueNone";

  private static final List<Seed> SEEDS = seeds();

  private static List<Seed> seeds() {
    List<Seed> seeds = new ArrayList<>(Stream.of(
        "dA = sum(T, axis=(0, -1), keepdims=True)[0] * s + v", "dT = mean(Q, axis=-2)[0] @ B.T[:, :, None] * T",
        "dA = softmax(A, dim=0) - argmax(T, axis=2) / max(T, 1, keepdims=True)[:, 0]",
        "dQ = sum(sum(Q * (Q > 0), axis=3, keepdims=True), axis=(1, 2)) ** 0.5 + var(Q, 0, ddof=1)",
        "dA = 2 * -A + s * A * 2 - (A @ B) @ (B.T * 2) / 3 + M // 2").map(c -> new Seed(c, RANKS)).toList());
    try {
      for (CaseFile.Case c : CaseFile.read("/claim/parse.txt")) {
        if (c.fields().containsKey("claim")) {
          seeds.add(new Seed(c.fields().get("claim"), CaseFile.scope(c.directives().get("scope"))));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return List.copyOf(seeds);
  }

  @Provide
  Arbitrary<Seed> mutatedClaims() {
    Arbitrary<String> with = Arbitraries.strings().withChars(TOKENS).ofMinLength(1).ofMaxLength(5);
    return Combinators.combine(Arbitraries.of(SEEDS), Arbitraries.integers().between(0, 3),
        Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(1, 4), with)
        .as((seed, kind, where, length, text) -> {
          String claim = seed.claim();
          int at = (int) (where * claim.length());
          int end = Math.min(claim.length(), at + length);
          return new Seed(switch (kind) {
            case 0 -> claim.substring(0, at) + claim.substring(end);
            case 1 -> claim.substring(0, at) + text + claim.substring(at);
            case 2 -> claim.substring(0, at) + text + claim.substring(end);
            default -> claim; // the seed itself, as often as an edit
          }, seed.scope());
        });
  }

  @Property(tries = 1500)
  void everyClaimThatChecksIsDrawnAsOneMathElement(@ForAll("mutatedClaims") Seed seed) {
    String claim = seed.claim();
    CheckedLine checked = Claims.checkClaim(CaseFile.text(claim), seed.scope(), new ArrayList<>());
    if (checked != null) {
      assertMath(MathMl.render(checked), claim);
      assertMath(MathMl.render(checked.line()), claim);
    }
    Line parsed = Claims.parseOnly(CaseFile.text(claim), new ArrayList<>());
    if (parsed != null) {
      assertMath(MathMl.render(parsed), claim);
    }
  }

  @Example
  void theSeedsCheck() {
    for (Seed seed : SEEDS) {
      CheckedLine checked = Claims.checkClaim(CaseFile.text(seed.claim()), seed.scope(), new ArrayList<>());
      assertTrue(checked != null, seed.claim());
      assertMath(MathMl.render(checked), seed.claim());
    }
  }

  private static void assertMath(String mathMl, String claim) {
    assertTrue(mathMl.startsWith("<math displaystyle=\"true\">") && mathMl.endsWith("</math>"), claim + ": " + mathMl);
    MathMlTest.assertWellFormed(mathMl);
  }
}

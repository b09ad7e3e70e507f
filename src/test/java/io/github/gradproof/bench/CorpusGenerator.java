package io.github.gradproof.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a synthetic quiz corpus for benchmarks: {@code P} phase files
 * ({@code phase-NN-bench-N.yaml}), five questions each, in English and Spanish, in the format of
 * {@code data/quizzes/phase-08-tensor-autograd.yaml}. The five questions cover matmul, broadcast
 * add, softmax cross-entropy, sum and sigmoid; their dims are a deterministic function of the
 * phase number, so no two phases pose the same computation and verification cannot be skipped by
 * deduplication. Every answer key is correct: the corpus builds.
 *
 * <pre>java -cp target/classes:target/test-classes io.github.gradproof.bench.CorpusGenerator OUT_DIR P</pre>
 */
public final class CorpusGenerator {

  private CorpusGenerator() {}

  /** {@code OUT_DIR P [FIRST]}: writes phases FIRST..FIRST+P-1 (FIRST defaults to 1). */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: CorpusGenerator OUT_DIR P [FIRST]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    int first = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    write(out, first, count);
    System.out.println("wrote " + count + " phases (" + 5 * count + " questions) to " + out);
  }

  /** Writes phases {@code first .. first+count-1} into {@code dir} (created if needed). */
  public static void write(Path dir, int first, int count) throws IOException {
    Files.createDirectories(dir);
    for (int p = first; p < first + count; p++) {
      Files.writeString(dir.resolve(fileName(p)), phase(p), StandardCharsets.UTF_8);
    }
  }

  /** The file name of phase {@code p}. */
  public static String fileName(int p) {
    return String.format(Locale.ROOT, "phase-%02d-bench-%d.yaml", p, p);
  }

  /** A dim in {@code [lo, lo + span)} derived from the phase and a salt (deterministic). */
  static int dim(int phase, int salt, int lo, int span) {
    long h = (phase * 0x9E3779B97F4A7C15L) ^ (salt * 0xC2B2AE3D27D4EB4FL);
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 32;
    return lo + (int) Math.floorMod(h, (long) span);
  }

  /** The YAML text of phase {@code p}. */
  public static String phase(int p) {
    StringBuilder y = new StringBuilder(6 * 1024);
    String id = String.format(Locale.ROOT, "q-%02d-", p);
    y.append("# Synthetic benchmark phase ").append(p).append(" (io.github.gradproof.bench.CorpusGenerator).\n");
    y.append("phase: ").append(p).append('\n');
    y.append("slug: bench-").append(p).append('\n');
    y.append("title: {en: \"Phase ").append(p).append(" — Benchmark\", es: \"Fase ").append(p)
        .append(" — Referencia\"}\n");
    y.append("summary:\n");
    y.append("  en: \"Synthetic phase ").append(p)
        .append(": matmul, broadcasting, softmax cross-entropy, sum and sigmoid gradients.\"\n");
    y.append("  es: \"Fase sintética ").append(p)
        .append(": gradientes de matmul, broadcasting, softmax con entropía cruzada, suma y sigmoide.\"\n");
    y.append("\nquestions:\n");
    matmul(y, id + "01", p);
    broadcast(y, id + "02", p);
    softmax(y, id + "03", p);
    sum(y, id + "04", p);
    sigmoid(y, id + "05", p);
    return y.toString();
  }

  private static void matmul(StringBuilder y, String id, int p) {
    int m = dim(p, 1, 2, 6);
    int k = dim(p, 2, 2, 6);
    int n = dim(p, 3, 2, 6);
    y.append("  - id: ").append(id).append('\n');
    y.append("    kind: multi\n");
    y.append("    title: {en: \"Matmul gradients\", es: \"Gradientes de matmul\"}\n");
    y.append("    prompt:\n");
    y.append("      en: \"`C = A @ B` with `A: (").append(m).append(", ").append(k).append(")`, `B: (").append(k)
        .append(", ").append(n).append(")`, upstream `dC: (").append(m).append(", ").append(n)
        .append(")`. Which formulas are right?\"\n");
    y.append("      es: \"`C = A @ B` con `A: (").append(m).append(", ").append(k).append(")`, `B: (").append(k)
        .append(", ").append(n).append(")`, gradiente upstream `dC: (").append(m).append(", ").append(n)
        .append(")`. ¿Qué fórmulas son correctas?\"\n");
    y.append("    setup:\n");
    y.append("      dims: {M: ").append(m).append(", K: ").append(k).append(", N: ").append(n).append("}\n");
    y.append("      inputs: {A: [M, K], B: [K, N]}\n");
    y.append("      forward: |\n        C = A @ B\n");
    y.append("    choices:\n");
    y.append("      - claim: \"dA = dC @ B.T\"\n");
    y.append("      - claim: \"dA = B @ dC.T\"\n");
    y.append("      - claim: \"dB = A.T @ dC\"\n");
    y.append("      - text: {en: \"`dB = dC @ A` (order swapped)\", es: \"`dB = dC @ A` (orden invertido)\"}\n");
    y.append("        claim: \"dB = dC @ A\"\n");
    y.append("    answer: [1, 3]\n");
    explanation(y, "The matmul gradient is itself a matmul: `dA = dC B^T`, `dB = A^T dC`.",
        "El gradiente de un matmul es otro matmul: `dA = dC B^T`, `dB = A^T dC`.");
  }

  private static void broadcast(StringBuilder y, String id, int p) {
    int r = dim(p, 4, 2, 6);
    int d = dim(p, 5, 2, 6);
    y.append("  - id: ").append(id).append('\n');
    y.append("    kind: single\n");
    y.append("    title: {en: \"Broadcasting in backward\", es: \"Broadcasting en el backward\"}\n");
    y.append("    prompt:\n");
    y.append("      en: \"`c = a + b` with `a: (").append(d).append(",)`, `b: (").append(r).append(", ").append(d)
        .append(")`. How does `a` get its gradient?\"\n");
    y.append("      es: \"`c = a + b` con `a: (").append(d).append(",)`, `b: (").append(r).append(", ").append(d)
        .append(")`. ¿Cómo recibe `a` su gradiente?\"\n");
    y.append("    setup:\n");
    y.append("      dims: {R: ").append(r).append(", D: ").append(d).append("}\n");
    y.append("      inputs: {a: [D], b: [R, D]}\n");
    y.append("      forward: |\n        c = a + b\n");
    y.append("    choices:\n");
    y.append("      - text: {en: \"Drop the first axis by reshaping.\", es: \"Descartar el primer eje con un reshape.\"}\n");
    y.append("        claim: \"da = reshape(dc, (D,))\"\n");
    y.append("      - text: {en: \"Sum the upstream gradient over axis 0.\", es: \"Sumar el gradiente upstream sobre el eje 0.\"}\n");
    y.append("        claim: \"da = sum(dc, axis=0)\"\n");
    y.append("      - text: {en: \"Take the upstream gradient as is.\", es: \"Tomar el gradiente upstream tal cual.\"}\n");
    y.append("        claim: \"da = dc\"\n");
    y.append("      - text: {en: \"Average over axis 0.\", es: \"Promediar sobre el eje 0.\"}\n");
    y.append("        claim: \"da = mean(dc, axis=0)\"\n");
    y.append("    answer: 2\n");
    explanation(y, "Broadcasting replicates `a` along axis 0, so its gradient sums the copies.",
        "El broadcasting replica `a` a lo largo del eje 0, así que su gradiente suma las copias.");
  }

  private static void softmax(StringBuilder y, String id, int p) {
    int b = dim(p, 6, 2, 7);
    int k = dim(p, 7, 2, 5);
    y.append("  - id: ").append(id).append('\n');
    y.append("    kind: free\n");
    y.append("    title: {en: \"Batched softmax cross-entropy\", es: \"Softmax con entropía cruzada en batch\"}\n");
    y.append("    prompt:\n");
    y.append("      en: \"`z: (").append(b).append(", ").append(k).append(")`, `y: (").append(b)
        .append(",)`. State `dL/dz`.\"\n");
    y.append("      es: \"`z: (").append(b).append(", ").append(k).append(")`, `y: (").append(b)
        .append(",)`. Escribe `dL/dz`.\"\n");
    y.append("    setup:\n");
    y.append("      dims: {B: ").append(b).append(", K: ").append(k).append("}\n");
    y.append("      inputs:\n        z: [B, K]\n        y: {shape: [B], dist: labels, classes: K}\n");
    y.append("      forward: |\n        p = softmax(z, axis=1)\n        L = cross_entropy(z, y)\n");
    y.append("    answer:\n");
    y.append("      text: {en: \"`dL/dz = (p - one_hot(y, K)) / B`.\", es: \"`dL/dz = (p - one_hot(y, K)) / B`.\"}\n");
    y.append("      claim: \"dz = (p - one_hot(y, K)) / B\"\n");
    explanation(y, "The scalar formula `p - y`, batched, with `/B` from the mean.",
        "La fórmula escalar `p - y`, en batch, con el `/B` de la media.");
  }

  private static void sum(StringBuilder y, String id, int p) {
    int r = dim(p, 8, 2, 6);
    int c = dim(p, 9, 2, 6);
    y.append("  - id: ").append(id).append('\n');
    y.append("    kind: free\n");
    y.append("    title: {en: \"Gradient of a sum\", es: \"Gradiente de una suma\"}\n");
    y.append("    prompt:\n");
    y.append("      en: \"`x.shape = (").append(r).append(", ").append(c)
        .append(")`, `s = sum(x)`. What is `dx`?\"\n");
    y.append("      es: \"`x.shape = (").append(r).append(", ").append(c)
        .append(")`, `s = sum(x)`. ¿Cuánto vale `dx`?\"\n");
    y.append("    setup:\n");
    y.append("      dims: {R: ").append(r).append(", C: ").append(c).append("}\n");
    y.append("      inputs: {x: [R, C]}\n");
    y.append("      forward: |\n        s = sum(x)\n");
    y.append("    answer:\n");
    y.append("      text: {en: \"All ones, shaped like `x`.\", es: \"Todo unos, con la forma de `x`.\"}\n");
    y.append("      claim:\n        - \"dx = ones_like(x) * ds\"\n        - \"dx.shape == (R, C)\"\n");
    explanation(y, "Each entry contributes once to `s`.", "Cada entrada contribuye una vez a `s`.");
  }

  private static void sigmoid(StringBuilder y, String id, int p) {
    int n = dim(p, 10, 2, 9);
    y.append("  - id: ").append(id).append('\n');
    y.append("    kind: single\n");
    y.append("    title: {en: \"Sigmoid backward\", es: \"Backward de la sigmoide\"}\n");
    y.append("    prompt:\n");
    y.append("      en: \"`s = sigmoid(x)`, `x: (").append(n).append(",)`, upstream `ds`. What is `dx`?\"\n");
    y.append("      es: \"`s = sigmoid(x)`, `x: (").append(n).append(",)`, gradiente upstream `ds`. ¿Cuánto vale `dx`?\"\n");
    y.append("    setup:\n");
    y.append("      dims: {N: ").append(n).append("}\n");
    y.append("      inputs: {x: [N]}\n");
    y.append("      forward: |\n        s = sigmoid(x)\n");
    y.append("    choices:\n");
    y.append("      - claim: \"dx = ds * s * (1 - s)\"\n");
    y.append("      - claim: \"dx = ds * s\"\n");
    y.append("      - claim: \"dx = s * (1 - s)\"\n");
    y.append("      - claim: \"dx = ds * (1 - s)\"\n");
    y.append("    answer: 1\n");
    explanation(y, "`σ'(x) = σ(x)(1 - σ(x))`, times the upstream gradient.",
        "`σ'(x) = σ(x)(1 - σ(x))`, por el gradiente upstream.");
  }

  private static void explanation(StringBuilder y, String en, String es) {
    y.append("    explanation:\n");
    y.append("      en: \"").append(en).append("\"\n");
    y.append("      es: \"").append(es).append("\"\n\n");
  }
}

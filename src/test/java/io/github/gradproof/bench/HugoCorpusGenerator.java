package io.github.gradproof.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a Hugo site equivalent to {@link CorpusGenerator}'s corpus, for the speed comparison of
 * {@code docs/BENCHMARKS.md}: {@code P} phases in English and Spanish (2P pages), each with five
 * questions (prompt, four numbered choices, and a {@code <details>} answer with the key, an
 * explanation and a small table), plus a list page per language. Hugo only renders Markdown; it
 * verifies nothing.
 *
 * <pre>java -cp target/test-classes io.github.gradproof.bench.HugoCorpusGenerator OUT_DIR P</pre>
 */
public final class HugoCorpusGenerator {

  private HugoCorpusGenerator() {}

  /** {@code OUT_DIR P}. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: HugoCorpusGenerator OUT_DIR P");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    write(out, count);
    System.out.println("wrote a Hugo site of " + count + " phases x 2 languages to " + out);
  }

  static void write(Path root, int count) throws IOException {
    Files.createDirectories(root.resolve("layouts/_default"));
    Files.writeString(root.resolve("config.toml"), """
        baseURL = "http://example.invalid/"
        title = "bench"
        defaultContentLanguage = "en"
        disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
        [markup.goldmark.renderer]
        unsafe = true
        [languages.en]
        contentDir = "content/en"
        weight = 1
        [languages.es]
        contentDir = "content/es"
        weight = 2
        """, StandardCharsets.UTF_8);
    Files.writeString(root.resolve("layouts/_default/baseof.html"), """
        <!DOCTYPE html>
        <html lang="{{ .Language.Lang }}">
        <head><meta charset="utf-8"><title>{{ .Title }}</title>
        {{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ end }}
        </head>
        <body><a class="skip-link" href="#main">Skip</a>
        <nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.Lang }}</a>{{ end }}</nav>
        <main id="main">{{ block "main" . }}{{ end }}</main>
        </body></html>
        """, StandardCharsets.UTF_8);
    Files.writeString(root.resolve("layouts/_default/single.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n", StandardCharsets.UTF_8);
    Files.writeString(root.resolve("layouts/_default/list.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">"
            + "{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ end }}\n", StandardCharsets.UTF_8);
    for (String language : new String[] {"en", "es"}) {
      Path dir = root.resolve("content").resolve(language);
      Files.createDirectories(dir);
      for (int p = 1; p <= count; p++) {
        Files.writeString(dir.resolve(String.format(Locale.ROOT, "phase-%02d-bench-%d.md", p, p)), page(p, language),
            StandardCharsets.UTF_8);
      }
    }
  }

  static String page(int p, String language) {
    boolean en = language.equals("en");
    StringBuilder md = new StringBuilder(4096);
    md.append("---\ntitle: \"").append(en ? "Phase " : "Fase ").append(p).append(en ? " — Benchmark" : " — Referencia")
        .append("\"\nweight: ").append(p).append("\n---\n\n");
    md.append(en ? "Synthetic phase " : "Fase sintética ").append(p).append(".\n");
    String[] titles = {"Matmul gradients", "Broadcasting in backward", "Batched softmax cross-entropy",
        "Gradient of a sum", "Sigmoid backward"};
    for (int q = 1; q <= 5; q++) {
      int m = CorpusGenerator.dim(p, q, 2, 6);
      int k = CorpusGenerator.dim(p, q + 10, 2, 6);
      md.append("\n## q-").append(String.format(Locale.ROOT, "%02d", p)).append("-0").append(q).append(" — ")
          .append(titles[q - 1]).append("\n\n");
      md.append(en ? "`C = A @ B` with `A: (" : "`C = A @ B` con `A: (").append(m).append(", ").append(k)
          .append(")`. ").append(en ? "Which formula is right?" : "¿Qué fórmula es correcta?").append("\n\n");
      md.append("1. `dA = dC @ B.T`\n2. `dA = B @ dC.T`\n3. `dB = A.T @ dC`\n4. `dB = dC @ A`\n\n");
      md.append("<details><summary>").append(en ? "Show answer" : "Ver respuesta").append("</summary>\n\n");
      md.append("**").append(en ? "Choices 1 and 3." : "Opciones 1 y 3.").append("**\n\n");
      md.append(en ? "The matmul gradient is itself a matmul." : "El gradiente de un matmul es otro matmul.")
          .append("\n\n");
      md.append("| claim | shape | error | verdict |\n|---|---|---|---|\n");
      md.append("| `dA = dC @ B.T` | (").append(m).append(", ").append(k).append(") | 1.1e-16 | holds |\n");
      md.append("| `dA = B @ dC.T` | (").append(k).append(", ").append(m).append(") | — | false |\n");
      md.append("| `dB = A.T @ dC` | (").append(k).append(", 3) | 2.2e-16 | holds |\n");
      md.append("| `dB = dC @ A` | — | — | false |\n\n");
      md.append("</details>\n");
    }
    return md.toString();
  }
}

package io.github.gradproof.quiz;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what is probably unwritten or untranslated in a phase, in every language the same way:
 * the fields still marked for writing (empty, or starting with {@code TODO}) in any language,
 * the first language included; and, for each language after the first (the reference), the
 * fields whose text equals the reference's although they contain words, and the fields whose
 * inline code spans differ from the reference's ({@code dA = dC @ B.T} must read the same in
 * all). Each finding points at the offending language's own value in the file.
 */
public final class TranslationReport {

  /** What kind of finding. */
  public enum Kind {
    /** Empty, or still marked {@code TODO}. */
    MISSING,
    /** Same text as the reference language, and not only code. */
    SAME_AS_REFERENCE,
    /** The inline code spans differ from the reference language's. */
    CODE_DIFFERS
  }

  /**
   * One finding.
   *
   * @param phase the phase's page name
   * @param language the language checked
   * @param kind what was found
   * @param field which field, e.g. {@code q-08-01 prompt}
   * @param location where the field stands in the file
   * @param detail extra detail (the differing code spans), or empty
   */
  public record Finding(String phase, String language, Kind kind, String field, SourceLocation location, String detail) {

    /** The finding as a located diagnostic (for strict mode). */
    public Diagnostic toDiagnostic() {
      String what = switch (kind) {
        case MISSING -> "is not written yet (empty or marked TODO); write the " + language + " text";
        case SAME_AS_REFERENCE -> "reads exactly like the reference language; translate it";
        case CODE_DIFFERS -> "has other inline code than the reference language (" + detail
            + "); code must read the same in every language";
      };
      return Diagnostic.at(location, phase + ": " + field + " [" + language + "] " + what);
    }
  }

  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1", Pattern.DOTALL);
  private static final Pattern LETTERS = Pattern.compile("\\p{L}{2,}");

  private TranslationReport() {}

  /**
   * Every finding in the phase, in file order (field by field, each field's languages in
   * order); the first language is the reference.
   */
  public static List<Finding> of(Phase phase, List<String> languages) {
    List<Finding> findings = new ArrayList<>();
    String reference = languages.get(0);
    for (MarkdownFields.Field field : MarkdownFields.of(phase)) {
      for (String language : languages) {
        check(phase.pageName(), field, reference, language, findings);
      }
    }
    return findings;
  }

  private static void check(String phase, MarkdownFields.Field field, String reference, String language, List<Finding> out) {
    String ref = field.text().texts().getOrDefault(reference, "");
    String text = field.text().texts().getOrDefault(language, "");
    SourceLocation at = field.text().location(language);
    if (unwritten(text)) {
      out.add(new Finding(phase, language, Kind.MISSING, field.name(), at, ""));
      return;
    }
    if (language.equals(reference) || unwritten(ref)) {
      return;
    }
    if (text.strip().equals(ref.strip()) && hasWordsOutsideCode(text)) {
      out.add(new Finding(phase, language, Kind.SAME_AS_REFERENCE, field.name(), at, ""));
      return;
    }
    List<String> refCode = codeSpans(ref);
    List<String> code = codeSpans(text);
    if (!refCode.equals(code)) {
      out.add(new Finding(phase, language, Kind.CODE_DIFFERS, field.name(), at,
          reference + " " + refCode + " vs " + language + " " + code));
    }
  }

  /** Empty, or still marked {@code TODO}. */
  private static boolean unwritten(String text) {
    return text.isBlank() || text.strip().startsWith("TODO");
  }

  static List<String> codeSpans(String markdown) {
    List<String> spans = new ArrayList<>();
    Matcher m = CODE_SPAN.matcher(markdown);
    while (m.find()) {
      spans.add(m.group(2).strip());
    }
    return spans;
  }

  static boolean hasWordsOutsideCode(String markdown) {
    return LETTERS.matcher(CODE_SPAN.matcher(markdown).replaceAll(" ")).find();
  }

  /**
   * A short table for the build log: one line per phase and language (the reference language's
   * comparison columns read {@code -}), then the findings.
   */
  public static String format(List<Phase> phases, List<String> languages) {
    List<List<Finding>> findings = new ArrayList<>(phases.size());
    List<String> lines = new ArrayList<>(phases.size());
    for (Phase phase : phases) {
      findings.add(of(phase, languages));
      lines.add(lines(phase, languages, findings.get(findings.size() - 1)));
    }
    return format(languages, lines, findings);
  }

  /**
   * The same table from each phase's {@link #lines} and {@link #of findings}, in phase order (a
   * process that keeps them per phase does not compute them again for unchanged phases).
   */
  public static String format(List<String> languages, List<String> phaseLines, List<List<Finding>> phaseFindings) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-40s %-4s %8s %12s %13s%n", "translation report", "lang", "missing",
        "same-as-" + languages.get(0), "code-differs"));
    phaseLines.forEach(out::append);
    for (List<Finding> findings : phaseFindings) {
      for (Finding finding : findings) {
        out.append("  ").append(finding.toDiagnostic().format()).append('\n');
      }
    }
    return out.toString();
  }

  /** The table's lines for one phase, one per language, given its findings. */
  public static String lines(Phase phase, List<String> languages, List<Finding> findings) {
    StringBuilder out = new StringBuilder();
    String reference = languages.get(0);
    for (String language : languages) {
      boolean ref = language.equals(reference);
      out.append(String.format(Locale.ROOT, "%-40s %-4s %8d %12s %13s%n", phase.pageName(), language,
          count(findings, language, Kind.MISSING),
          ref ? "-" : Long.toString(count(findings, language, Kind.SAME_AS_REFERENCE)),
          ref ? "-" : Long.toString(count(findings, language, Kind.CODE_DIFFERS))));
    }
    return out.toString();
  }

  private static long count(List<Finding> findings, String language, Kind kind) {
    return findings.stream().filter(f -> f.language().equals(language) && f.kind() == kind).count();
  }
}

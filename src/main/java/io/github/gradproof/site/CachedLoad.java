package io.github.gradproof.site;

import io.github.gradproof.quiz.ClaimedId;
import io.github.gradproof.quiz.LoadMemo;
import io.github.gradproof.quiz.Localized;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.TranslationReport;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What loading a phase's file gave, besides its questions, kept in the phase's build-cache entry:
 * the phase's number, slug, title and summary (for the index pages), the question ids the file
 * claimed (ids are unique across the site), the languages it was read for, and its part of the
 * translation report. With it, a build whose cache holds a phase's entry does not parse the
 * unchanged file again: the loader takes a {@linkplain #standIn stand-in} phase without questions,
 * which only ever reaches the build cache's reuse of that phase ({@link PhaseCache}).
 *
 * @param number the phase's number
 * @param slug the phase's slug
 * @param title the phase's title
 * @param summary the phase's summary
 * @param languages the languages the file was read for
 * @param others the languages whose texts it skipped
 * @param ids the question ids it claimed, in order
 * @param findings its translation findings
 * @param translationLines its lines of the translation report's table
 */
record CachedLoad(int number, String slug, Localized title, Localized summary, List<String> languages,
    List<String> others, List<ClaimedId> ids, List<TranslationReport.Finding> findings, String translationLines) {

  CachedLoad {
    languages = List.copyOf(languages);
    others = List.copyOf(others);
    ids = List.copyOf(ids);
    findings = List.copyOf(findings);
  }

  /**
   * What loading gave for {@code phase}, as a load's memo remembered its file (its phase aside),
   * with its translation part.
   */
  static CachedLoad of(Phase phase, LoadMemo.Remembered loaded, BuildMemory.PhaseTranslations translations) {
    return new CachedLoad(phase.number(), phase.slug(), phase.title(), phase.summary(), loaded.languages(),
        loaded.others(), loaded.ids(), translations.findings(), translations.lines());
  }

  /**
   * The phase of the file shown as {@code sourcePath} without its questions: it carries what the
   * index pages and the translation report need, and must never be verified or rendered.
   */
  Phase standIn(String sourcePath) {
    return new Phase(sourcePath, number, slug, title, summary, List.of());
  }

  static CachedLoad read(DataInputStream in) throws IOException {
    int number = in.readInt();
    String slug = CacheCodec.text(in);
    Localized title = CacheCodec.localized(in);
    Localized summary = CacheCodec.localized(in);
    List<String> languages = CacheCodec.strings(in);
    List<String> others = CacheCodec.strings(in);
    int count = CacheCodec.length(in);
    List<ClaimedId> ids = new ArrayList<>(Math.min(count, 1024));
    for (int i = 0; i < count; i++) {
      ids.add(new ClaimedId(CacheCodec.text(in), CacheCodec.location(in)));
    }
    count = CacheCodec.length(in);
    List<TranslationReport.Finding> findings = new ArrayList<>(Math.min(count, 1024));
    TranslationReport.Kind[] kinds = TranslationReport.Kind.values();
    for (int i = 0; i < count; i++) {
      String phase = CacheCodec.text(in);
      String language = CacheCodec.text(in);
      int kind = in.readInt();
      if (kind < 0 || kind >= kinds.length) {
        throw new IOException("corrupt cache entry");
      }
      findings.add(new TranslationReport.Finding(phase, language, kinds[kind], CacheCodec.text(in),
          CacheCodec.location(in), CacheCodec.text(in)));
    }
    return new CachedLoad(number, slug, title, summary, languages, others, ids, findings, CacheCodec.text(in));
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(number);
    CacheCodec.text(out, slug);
    CacheCodec.localized(out, title);
    CacheCodec.localized(out, summary);
    CacheCodec.strings(out, languages);
    CacheCodec.strings(out, others);
    out.writeInt(ids.size());
    for (ClaimedId id : ids) {
      CacheCodec.text(out, id.id());
      CacheCodec.location(out, id.at());
    }
    out.writeInt(findings.size());
    for (TranslationReport.Finding finding : findings) {
      CacheCodec.text(out, finding.phase());
      CacheCodec.text(out, finding.language());
      out.writeInt(finding.kind().ordinal());
      CacheCodec.text(out, finding.field());
      CacheCodec.location(out, finding.location());
      CacheCodec.text(out, finding.detail());
    }
    CacheCodec.text(out, translationLines);
  }
}

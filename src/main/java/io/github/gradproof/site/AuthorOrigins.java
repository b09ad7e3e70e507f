package io.github.gradproof.site;

import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.quiz.Localized;
import io.github.gradproof.quiz.MarkdownFields;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.render.MarkdownAudit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the links and ids of a phase's page come from in its quiz file, so that the link check
 * can point at the author's input instead of the generated page. A link is traced to the first
 * text of the page's language (in file order) that holds it verbatim, and located at that text's
 * value (the field, not the link's own column); an id to the question whose id makes it (the id
 * itself, or the id followed by {@code -}, as the theme derives element ids). What no text or
 * question explains (a link the theme writes) has no origin and stays located in the page.
 */
final class AuthorOrigins {

  /** Where a link or id of a page was written, and how a message names that place. */
  record Origin(SourceLocation location, String field, String questionId) {}

  private AuthorOrigins() {}

  /** The origins of the judged links ({@code link:} + value) and clashing ids ({@code id:} + value) of a page. */
  static Map<String, Origin> of(Phase phase, String language, LinkChecker.PageFacts facts) {
    Map<String, Origin> origins = new HashMap<>();
    // Most phases' texts hold no link at all: then no link of the page is the author's, and the
    // page's links (the theme's) are not searched for in every text.
    List<LinkChecker.Tag> links = anyTextMayLink(phase, language) ? facts.links() : List.of();
    for (LinkChecker.Tag link : links) {
      Origin origin = textHolding(phase, language, link.value());
      if (origin != null) {
        origins.putIfAbsent("link:" + link.value(), origin);
      }
    }
    for (LinkChecker.Tag id : facts.idProblems()) {
      Question owner = questionMaking(phase, id.value());
      if (owner != null) {
        origins.putIfAbsent("id:" + id.value(), new Origin(owner.location(), "question " + owner.id(), owner.id()));
      }
    }
    return origins;
  }

  private static boolean anyTextMayLink(Phase phase, String language) {
    for (MarkdownFields.Field field : MarkdownFields.of(phase)) {
      String text = field.text().texts().get(language);
      if (text != null && MarkdownAudit.mayLink(text)) {
        return true;
      }
    }
    return false;
  }

  private static Origin textHolding(Phase phase, String language, String link) {
    for (MarkdownFields.Field field : MarkdownFields.of(phase)) {
      Origin found = holding(field.text(), language, link, field.description());
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static Origin holding(Localized text, String language, String link, String field) {
    if (text == null || !text.texts().containsKey(language) || !text.in(language).contains(link)) {
      return null;
    }
    return new Origin(text.location(language), "the '" + language + "' text of " + field, null);
  }

  /** The question whose id makes {@code id}: the same id, else the longest id that {@code id} extends with {@code -}. */
  private static Question questionMaking(Phase phase, String id) {
    Question owner = null;
    for (Question q : phase.questions()) {
      if (q.id().equals(id)) {
        return q;
      }
      if (id.startsWith(q.id() + "-") && (owner == null || q.id().length() > owner.id().length())) {
        owner = q;
      }
    }
    return owner;
  }
}

package io.github.gradproof.render;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.Escaping;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.quiz.MarkdownFields;
import io.github.gradproof.quiz.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the pages would silently leave out of a phase's Markdown, found before anything is written:
 * images (pages never show them, see {@link LinkPolicy}) and links whose destination the link
 * policy refuses ({@code javascript:}, {@code data:}, ...), which would be shown as their text
 * alone. An author who writes either meant it to be seen, so each is an error at its field.
 */
public final class MarkdownAudit {

  private MarkdownAudit() {}

  /** One located problem per image and per refused link, field by field, language by language. */
  public static List<Diagnostic> of(Phase phase, List<String> languages) {
    List<Diagnostic> problems = new ArrayList<>();
    for (MarkdownFields.Field field : MarkdownFields.of(phase)) {
      for (String language : languages) {
        String text = field.text().texts().get(language);
        if (text != null) {
          audit(text, field, language, problems);
        }
      }
    }
    return problems;
  }

  /** An inline link or image, a reference definition, or an autolink: text without any of these is not parsed. */
  private static final Pattern MAY_LINK = Pattern.compile("\\]\\(|!\\[|\\]:|<[A-Za-z][A-Za-z0-9+.-]{1,31}:");

  /**
   * Whether {@code markdown} may hold a link or an image: an inline one, a reference definition or
   * an autolink. Text without any of these cannot put a link on a page.
   */
  public static boolean mayLink(String markdown) {
    return MAY_LINK.matcher(markdown).find();
  }

  private static void audit(String markdown, MarkdownFields.Field field, String language, List<Diagnostic> problems) {
    if (!mayLink(markdown)) {
      return; // most fields: the Markdown parser is not even loaded for them (a cold build's start)
    }
    Document document = MarkdownRenderer.Full.PARSER.parse(markdown);
    String where = field.description() + " ('" + language + "')";
    for (Node node : document.getDescendants()) {
      String problem = null;
      if (node instanceof Image image) {
        problem = image(where, image.getUrl().toString());
      } else if (node instanceof ImageRef ref && ref.isDefined()) {
        problem = image(where, ref.getReference().toString());
      } else if (node instanceof Link link) {
        problem = link(where, Escaping.unescapeString(link.getUrl().toString()));
      } else if (node instanceof LinkRef ref && ref.isDefined()) {
        Reference target = ref.getReferenceNode(document);
        problem = target == null ? null : link(where, Escaping.unescapeString(target.getUrl().toString()));
      } else if (node instanceof AutoLink auto) {
        problem = link(where, Escaping.unescapeString(auto.getUrl().toString()));
      }
      if (problem != null) {
        problems.add(Diagnostic.at(field.text().location(language), problem));
      }
    }
  }

  private static String image(String where, String url) {
    return where + " shows an image (" + url + "), which pages never show: a page loads nothing from the network"
        + " and quiz text brings no files of its own, so it would be left out; remove it, or link to it"
        + " ([the picture](" + url + ")) if it is on the web";
  }

  private static String link(String where, String url) {
    if (LinkPolicy.allowedHref(url) != null) {
      return null;
    }
    return where + " links to '" + url + "', a destination pages never keep (only relative links and http, https"
        + " and mailto ones), so it would be shown as its text alone; remove the link or give it one of those"
        + " destinations";
  }
}

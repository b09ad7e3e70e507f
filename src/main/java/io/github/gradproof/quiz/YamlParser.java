package io.github.gradproof.quiz;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Turns the text of a quiz file into a YAML node tree (YAML 1.2 core schema, so plain {@code no}
 * is a string), refusing hostile input before composing it.
 *
 * <p>A first pass over the parse events checks the resource limits and the tags: nesting depth,
 * aliases to collections, recursive aliases and any tag outside the core schema. Only a stream
 * that passes is composed, so the composer never recurses deeply or builds a cyclic tree. Every
 * SnakeYAML exception becomes a located diagnostic.
 */
final class YamlParser {

  /** Deepest allowed nesting of maps and lists; a quiz file needs about seven levels. */
  static final int MAX_DEPTH = 32;

  /** Most aliases (references to anchors) to maps or lists allowed in one file. */
  static final int MAX_COLLECTION_ALIASES = 50;

  private static final Set<String> CORE_TAGS =
      Set.of(
          Tag.STR.getValue(),
          Tag.INT.getValue(),
          Tag.FLOAT.getValue(),
          Tag.BOOL.getValue(),
          Tag.NULL.getValue(),
          Tag.SEQ.getValue(),
          Tag.MAP.getValue(),
          "!");

  private final SourceText source;
  private final Problems problems;

  YamlParser(SourceText source, Problems problems) {
    this.source = source;
    this.problems = problems;
  }

  /** The root node, or empty when the file is empty or a problem was reported. */
  Optional<Node> parse() {
    if (!checkPrintable() || !checkTabs()) {
      return Optional.empty();
    }
    LoadSettings settings = settings();
    try {
      List<Event> events = new ArrayList<>();
      if (!checkEvents(settings, events)) {
        return Optional.empty();
      }
      // Compose from the events already parsed and checked, instead of parsing the text again.
      Optional<Node> root = new Composer(settings, new Replay(events)).getSingleNode();
      if (root.isEmpty()) {
        problems.add(new Diagnostic(
            source.location(1, 1),
            "the file is empty; a quiz file is a map with the keys phase, slug, title, summary and"
                + " questions (see data/quizzes/ for an example)",
            source.text().isBlank() ? null : source.line(1)));
      }
      return root;
    } catch (MarkedYamlEngineException e) {
      reportMarked(e);
    } catch (ReaderException e) {
      // Not quoting the line: a file with control characters is not text (it may be a link to
      // /proc/self/environ or a binary), so none of its bytes go into the message.
      problems.add(Diagnostic.at(
          source.locationOfCodePoint(e.getPosition()),
          String.format(
              Locale.ROOT,
              "character U+%04X is not allowed in a YAML file; delete it (it is often an invisible"
                  + " control character pasted from elsewhere)",
              e.getCodePoint())));
    } catch (YamlEngineException e) {
      error(source.location(1, 1), "malformed YAML: " + oneLine(e.getMessage()) + "; fix the YAML syntax");
    }
    return Optional.empty();
  }

  private static LoadSettings settings() {
    return LoadSettings.builder()
        .setSchema(new CoreSchema())
        .setAllowDuplicateKeys(true) // the model reader reports duplicates with both locations
        .setAllowRecursiveKeys(false)
        .setAllowNonScalarKeys(true) // reported, located, by the model reader
        .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
        .setCodePointLimit(QuizLoader.MAX_FILE_BYTES + 1)
        .setUseMarks(true)
        .build();
  }

  /**
   * Refuses a file with a character YAML does not allow (controls such as U+0000, surrogates,
   * U+FFFE/U+FFFF) before anything else quotes one of its lines: such a file is not text (a
   * binary, or a link to {@code /proc/self/environ}), so no byte of it is echoed.
   */
  private boolean checkPrintable() {
    String text = source.text();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!printable(cp)) {
        problems.add(Diagnostic.at(source.locationOfCodePoint(text.codePointCount(0, i)), String.format(Locale.ROOT,
            "character U+%04X is not allowed in a YAML file; delete it (it is often an invisible control character"
                + " pasted from elsewhere)", cp)));
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** The characters YAML 1.2 allows in a stream. */
  private static boolean printable(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0x7E) || cp == 0x85
        || (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  /** YAML indents with spaces only; report every line whose indentation holds a tab. */
  private boolean checkTabs() {
    boolean clean = true;
    for (int n = 1; n <= source.lineCount(); n++) {
      String line = source.line(n);
      if (line.isBlank()) {
        continue; // whitespace-only lines carry no indentation
      }
      for (int i = 0; i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t'); i++) {
        if (line.charAt(i) == '\t') {
          error(
              source.location(n, i + 1),
              "tab character in indentation; YAML indents with spaces only, so replace the tab"
                  + " with spaces (configure your editor to insert spaces in .yaml files)");
          clean = false;
          break;
        }
      }
    }
    return clean;
  }

  /** Parse events parsed once, replayed to the composer. */
  private static final class Replay implements org.snakeyaml.engine.v2.parser.Parser {
    private final List<Event> events;
    private int next;

    Replay(List<Event> events) {
      this.events = events;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
      return next < events.size() && events.get(next).getEventId() == id;
    }

    @Override
    public Event peekEvent() {
      if (next >= events.size()) {
        throw new java.util.NoSuchElementException("no more YAML events");
      }
      return events.get(next);
    }

    @Override
    public Event next() {
      Event event = peekEvent();
      events.set(next++, null);
      return event;
    }

    @Override
    public boolean hasNext() {
      return next < events.size();
    }
  }

  private boolean checkEvents(LoadSettings settings, List<Event> events) {
    int before = problems.count();
    Deque<String> openAnchors = new ArrayDeque<>();
    Deque<Boolean> anchoredLevels = new ArrayDeque<>();
    Map<String, Boolean> anchorIsCollection = new HashMap<>();
    Set<String> open = new HashSet<>();
    int depth = 0;
    int collectionAliases = 0;
    for (Event event : new Parse(settings).parseString(source.text())) {
      events.add(event);
      switch (event.getEventId()) {
        case MappingStart:
        case SequenceStart:
          CollectionStartEvent start = (CollectionStartEvent) event;
          checkTag(start.getTag(), event);
          depth++;
          if (depth > MAX_DEPTH) {
            error(
                at(event),
                "maps and lists are nested more than "
                    + MAX_DEPTH
                    + " levels deep (the limit for a quiz file); flatten the structure");
            return false; // stop here: scanning on through deep flow nesting is slow
          }
          Optional<String> anchor = start.getAnchor().map(a -> a.getValue());
          anchoredLevels.push(anchor.isPresent());
          if (anchor.isPresent()) {
            anchorIsCollection.put(anchor.get(), true);
            openAnchors.push(anchor.get());
            open.add(anchor.get());
          }
          break;
        case MappingEnd:
        case SequenceEnd:
          depth--;
          if (anchoredLevels.pop()) {
            open.remove(openAnchors.pop());
          }
          break;
        case Scalar:
          ScalarEvent scalar = (ScalarEvent) event;
          checkTag(scalar.getTag(), event);
          if (scalar.getAnchor().isPresent()) { // not ifPresent: its capturing lambda is made for every scalar
            anchorIsCollection.put(scalar.getAnchor().get().getValue(), false);
          }
          break;
        case Alias:
          String name = ((AliasEvent) event).getAlias().getValue();
          if (open.contains(name)) {
            error(
                at(event),
                "alias '*" + name + "' refers to a map or list that contains it; recursive"
                    + " structures are not allowed in a quiz file, so copy the content instead");
          } else if (Boolean.TRUE.equals(anchorIsCollection.get(name))) {
            collectionAliases++;
            if (collectionAliases == MAX_COLLECTION_ALIASES + 1) {
              error(
                  at(event),
                  "more than "
                      + MAX_COLLECTION_ALIASES
                      + " aliases to maps or lists (the limit that stops alias-expansion bombs);"
                      + " write the content out instead of repeating '*" + name + "'");
            }
          }
          break;
        default:
          break;
      }
    }
    return problems.count() == before;
  }

  private void checkTag(Optional<String> tag, Event event) {
    if (tag.isPresent() && !CORE_TAGS.contains(tag.get())) {
      String shown = tag.get().startsWith(Tag.PREFIX)
          ? "!!" + tag.get().substring(Tag.PREFIX.length())
          : tag.get();
      error(
          at(event),
          "YAML tag '" + shown + "' is not allowed; quiz files hold plain maps, lists, strings and"
              + " numbers only, so remove the tag");
    }
  }

  private SourceLocation at(Event event) {
    return event.getStartMark().map(source::location).orElse(source.location(1, 1));
  }

  private void reportMarked(MarkedYamlEngineException e) {
    Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
    SourceLocation where = mark.map(source::location).orElse(source.location(1, 1));
    String problem = e.getProblem() == null ? "" : oneLine(e.getProblem());
    StringBuilder message = new StringBuilder("malformed YAML: ");
    if (String.valueOf(e.getContext()).startsWith("expected a single document")) {
      error(where, "the file holds more than one YAML document; a quiz file is one map, so remove"
          + " the extra '---' document");
      return;
    }
    if (problem.startsWith("found undefined alias")) {
      String name = problem.substring("found undefined alias".length()).strip();
      error(where, "alias '*" + name + "' refers to no anchor; define '&" + name + "' on an earlier"
          + " value, or write the value out");
      return;
    }
    if (problem.startsWith("mapping values are not allowed here")) {
      error(where, "malformed YAML: unexpected ': ' here; if this is inside a text, put the whole"
          + " text in double quotes (a ': ' in unquoted text starts a new key), otherwise check the"
          + " indentation of this line");
      return;
    }
    if (String.valueOf(e.getContext()).startsWith("while scanning a quoted scalar") && e.getContextMark().isPresent()) {
      error(source.location(e.getContextMark().get()), "malformed YAML: the quoted text that starts here is never"
          + " closed (YAML read to " + (problem.contains("end of stream") ? "the end of the file" : "line "
          + where.line()) + " looking for its closing quote); close it with the same quote on this line");
      return;
    }
    if (problem.contains("(Do not use") && !atIndentation(where)) {
      problem = problem.substring(0, problem.indexOf("(Do not use")).strip(); // not indentation: the hint misleads
    }
    problem = problem.endsWith(".") ? problem.substring(0, problem.length() - 1) : problem;
    message.append(problem.isEmpty() ? "syntax error" : problem);
    if (e.getContext() != null && e.getContextMark().isPresent() && e.getProblemMark().isPresent()) {
      Mark context = e.getContextMark().get();
      message.append(" (")
          .append(oneLine(e.getContext()))
          .append(" at line ")
          .append(context.getLine() + 1)
          .append(", column ")
          .append(context.getColumn() + 1)
          .append(')');
    }
    message.append("; fix the YAML syntax here: check the indentation, the quotes, and that each"
        + " key is followed by ': '");
    int open = lineWithUnclosedQuote(where.line());
    if (open > 0) {
      message.append(" (line ").append(open).append(" has an odd number of double quotes: a quoted text there is not"
          + " closed where it should be, so YAML read past its end; check the quotes of line ").append(open).append(')');
    }
    error(where, message.toString());
  }

  /** Whether {@code where} is within the leading spaces of its line (or at its first character). */
  private boolean atIndentation(SourceLocation where) {
    String line = source.line(where.line());
    if (line == null) {
      return true;
    }
    int indent = line.length() - line.stripLeading().length();
    return where.column() <= indent + 1;
  }

  /**
   * The last line from the few before {@code problemLine} (and that line itself) that opens a
   * double-quoted value without closing it, or 0: the usual cause of a structure error a few lines
   * further down, since a quoted text may run over several lines. Counts the quotes not escaped by a
   * backslash, outside a comment.
   */
  private int lineWithUnclosedQuote(int problemLine) {
    for (int line = problemLine; line >= Math.max(1, problemLine - 8); line--) {
      String text = source.line(line);
      if (text != null && !text.isBlank() && unescapedQuotes(text) % 2 == 1) {
        return line;
      }
    }
    return 0;
  }

  private static int unescapedQuotes(String line) {
    int quotes = 0;
    boolean inside = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '#' && !inside && (i == 0 || line.charAt(i - 1) == ' ')) {
        break; // a comment
      }
      if (c == '\\' && inside) {
        i++; // an escape inside the quotes
      } else if (c == '"') {
        quotes++;
        inside = !inside;
      }
    }
    return quotes;
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " ");
  }

  private void error(SourceLocation at, String message) {
    problems.add(source.diagnostic(at, message));
  }
}

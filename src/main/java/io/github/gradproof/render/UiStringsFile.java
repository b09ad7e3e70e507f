package io.github.gradproof.render;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * One UI-strings file ({@code i18n/<lang>.yaml}): a flat YAML map of key to text, read from the
 * parser's events (so nothing is composed or expanded) with the position of every key. Values
 * keep the text as written: {@code no} and {@code 1.0} stay those strings.
 *
 * @param file the theme file it was read from
 * @param strings key to text, in file order
 * @param keys key to the position of the key
 * @param end where a missing key would be added: the line after the last entry
 */
record UiStringsFile(ThemeFile file, Map<String, String> strings, Map<String, SourceLocation> keys,
    SourceLocation end) {

  /**
   * Reads a file.
   *
   * @throws DiagnosticException listing every problem of the file, located
   */
  static UiStringsFile read(ThemeFile file) {
    String text = file.readText();
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, String> strings = new LinkedHashMap<>();
    Map<String, SourceLocation> keys = new LinkedHashMap<>();
    SourceLocation end;
    try {
      Iterator<Event> events = new Parse(LoadSettings.builder().setLabel(file.display()).build())
          .parseString(text).iterator();
      end = new Reader(file.display(), events, problems).map(strings, keys);
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark();
      throw fail(new SourceLocation(file.display(), mark.map(m -> m.getLine() + 1).orElse(1),
          mark.map(m -> m.getColumn() + 1).orElse(1)), "malformed YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw fail(new SourceLocation(file.display(), 1, 1), "malformed YAML: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return new UiStringsFile(file, Collections.unmodifiableMap(strings), Collections.unmodifiableMap(keys), end);
  }

  private static DiagnosticException fail(SourceLocation at, String message) {
    return new DiagnosticException(Diagnostic.at(at, message));
  }

  /** Walks the events of one document holding one flat map. */
  private static final class Reader {
    private final String display;
    private final Iterator<Event> events;
    private final List<Diagnostic> problems;

    Reader(String display, Iterator<Event> events, List<Diagnostic> problems) {
      this.display = display;
      this.events = events;
      this.problems = problems;
    }

    /** Fills the maps; returns where the map ends. */
    SourceLocation map(Map<String, String> strings, Map<String, SourceLocation> keys) {
      next(); // stream start
      Event document = next();
      if (document.getEventId() != Event.ID.DocumentStart) {
        throw fail(at(document), "the file is empty; UI strings are a map of key: \"text\" lines");
      }
      Event start = next();
      if (start.getEventId() != Event.ID.MappingStart) {
        throw fail(at(start), "UI strings must be a map of key: \"text\" lines");
      }
      Event event;
      while ((event = next()).getEventId() != Event.ID.MappingEnd) {
        entry(event, strings, keys);
      }
      SourceLocation end = at(event);
      next(); // document end
      Event after = next();
      if (after.getEventId() != Event.ID.StreamEnd) {
        problems.add(Diagnostic.at(at(after), "a second YAML document; UI strings are one map, remove the '---'"));
      }
      return end;
    }

    private void entry(Event key, Map<String, String> strings, Map<String, SourceLocation> keys) {
      if (!(key instanceof ScalarEvent keyScalar)) {
        problems.add(Diagnostic.at(at(key), "a UI-string key must be a plain name such as verify.title"));
        skip(key);
        skip(next());
        return;
      }
      String name = keyScalar.getValue();
      SourceLocation location = at(key);
      Event value = next();
      if (!(value instanceof ScalarEvent valueScalar)) {
        problems.add(Diagnostic.at(at(value), "UI string '" + name + "' must be text, not "
            + describe(value) + "; write " + name + ": \"text\""));
        skip(value);
      } else if (keys.containsKey(name)) {
        problems.add(Diagnostic.at(location, "duplicate UI string '" + name + "' (first at line "
            + keys.get(name).line() + "); keep one"));
      } else {
        keys.put(name, location);
        strings.put(name, valueScalar.getValue());
      }
    }

    /** Consumes the rest of a collection whose start event was just read. */
    private void skip(Event start) {
      if (start.getEventId() != Event.ID.MappingStart && start.getEventId() != Event.ID.SequenceStart) {
        return;
      }
      int depth = 1;
      while (depth > 0) {
        Event.ID id = next().getEventId();
        if (id == Event.ID.MappingStart || id == Event.ID.SequenceStart) {
          depth++;
        } else if (id == Event.ID.MappingEnd || id == Event.ID.SequenceEnd) {
          depth--;
        }
      }
    }

    private static String describe(Event event) {
      return switch (event.getEventId()) {
        case MappingStart -> "a map";
        case SequenceStart -> "a list";
        case Alias -> "an alias";
        default -> "empty";
      };
    }

    private Event next() {
      return events.next();
    }

    private SourceLocation at(Event event) {
      Optional<Mark> mark = event.getStartMark();
      return new SourceLocation(display, mark.map(m -> m.getLine() + 1).orElse(1),
          mark.map(m -> m.getColumn() + 1).orElse(1));
    }
  }
}

package io.github.gradproof.render;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.Reader;
import java.io.StringReader;

/**
 * Pebble's view of a {@link Theme}: a template name is a theme path ({@code layout.peb},
 * {@code partials/question.peb}), found by the theme's lookup order, so {@code extends} and
 * {@code include} in any template reach the project's override when there is one and the
 * built-in file otherwise. Names starting with {@code ./} or {@code ../} are resolved against the
 * including template. Pebble's own {@code DelegatingLoader} could chain a file loader and a class
 * path loader, but assets and UI strings need the same lookup outside Pebble, so there is one
 * lookup, in {@link Theme}, and this adapter.
 */
final class ThemeLoader implements Loader<String> {

  private final Theme theme;

  ThemeLoader(Theme theme) {
    this.theme = theme;
  }

  @Override
  public Reader getReader(String name) {
    ThemeFile file = theme.find(name).orElseThrow(() -> new LoaderException(null,
        "no template '" + name + "' in " + theme.projectDisplay("") + " or in the built-in theme"));
    return new StringReader(file.readText());
  }

  @Override
  public void setCharset(String charset) {
    // Templates are always UTF-8.
  }

  @Override
  public void setPrefix(String prefix) {
    // Names are theme paths; the theme knows its folders.
  }

  @Override
  public void setSuffix(String suffix) {
    // Names carry their extension.
  }

  @Override
  public String resolveRelativePath(String relativePath, String anchorPath) {
    if (!relativePath.startsWith("./") && !relativePath.startsWith("../")) {
      return null;
    }
    int slash = anchorPath.lastIndexOf('/');
    String resolved = (slash < 0 ? "" : anchorPath.substring(0, slash + 1)) + relativePath;
    java.util.ArrayDeque<String> segments = new java.util.ArrayDeque<>();
    for (String segment : resolved.split("/")) {
      if (segment.equals("..")) {
        if (segments.isEmpty()) {
          return relativePath; // leaves the theme: not found, reported under its own name
        }
        segments.removeLast();
      } else if (!segment.equals(".") && !segment.isEmpty()) {
        segments.addLast(segment);
      }
    }
    return String.join("/", segments);
  }

  @Override
  public String createCacheKey(String templateName) {
    return templateName;
  }

  @Override
  public boolean resourceExists(String templateName) {
    return theme.find(templateName).isPresent();
  }
}

package io.github.gradproof.site;

import io.github.gradproof.render.Theme;
import io.github.gradproof.render.ThemeFile;

/**
 * Copies the theme's assets into the site: every file under {@code assets/} of either layer, the
 * project's own and the built-in ones it does not override, to the same path under the site.
 * Project assets are read through {@link ThemeFile#readBytes()}, so a link leading out of the
 * templates folder, a pipe or a device is refused by name and nothing outside is ever published.
 */
final class ThemeAssets {

  /** The theme folder whose files are copied as they are. */
  static final String FOLDER = "assets";

  private ThemeAssets() {}

  /** Writes every asset into {@code out}. */
  static void copy(Theme theme, FileSink out) {
    for (ThemeFile asset : theme.list(FOLDER)) {
      out.write(asset.path(), asset.readBytes());
    }
  }
}

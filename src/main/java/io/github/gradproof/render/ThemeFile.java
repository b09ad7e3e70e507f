package io.github.gradproof.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file of a {@link Theme} as the lookup resolved it: its path inside the theme, the layer it
 * comes from and how messages name it.
 *
 * @param path the path inside the theme, with forward slashes, e.g. {@code partials/question.peb}
 * @param layer where the file was found
 * @param display how messages name it: {@code templates/partials/question.peb} for a project
 *     file, {@code (built-in theme)/partials/question.peb} for a built-in one
 * @param file the project file, or {@code null} for a built-in file
 */
public record ThemeFile(String path, Theme.Layer layer, String display, Path file) {

  /** The file's bytes. */
  public byte[] readBytes() {
    if (file != null) {
      // Every read of a project theme file (templates, UI strings, assets) happens here.
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + display, e);
      }
    }
    try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(Theme.RESOURCES + path)) {
      if (in == null) {
        throw new IllegalStateException("the built-in theme lists " + path + " but the plugin jar lacks it");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in theme's " + path, e);
    }
  }

  /** The file's text, decoded as UTF-8. */
  public String readText() {
    return new String(readBytes(), StandardCharsets.UTF_8);
  }

  /** Whether the file comes from the project's templates folder. */
  public boolean overridden() {
    return layer == Theme.Layer.PROJECT;
  }
}

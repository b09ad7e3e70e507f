package io.github.gradproof.render;

import io.github.gradproof.diag.RealFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * @param folder the project's templates folder, which {@code file} must really be inside, or
 *     {@code null} for a built-in file
 */
public record ThemeFile(String path, Theme.Layer layer, String display, Path file, Path folder) {

  /** Largest project theme file read (template, UI strings or asset), in bytes (16 MiB). */
  public static final int MAX_BYTES = 16 << 20;

  /**
   * The file's bytes. Every read of a project theme file (templates, UI strings, assets) happens
   * here, under the rules of {@link RealFiles}: a link leading out of the templates folder, a pipe,
   * a device or a file over {@link #MAX_BYTES} is refused by name, before a byte is read.
   *
   * @throws io.github.gradproof.diag.DiagnosticException naming the file when it is refused
   */
  public byte[] readBytes() {
    if (file != null) {
      return RealFiles.read(file, folder, display, MAX_BYTES, "(16 MiB) for a theme file",
          "make it smaller or leave it out of the templates folder");
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

  /**
   * The file's text: strict UTF-8 without control characters but tab and line breaks
   * ({@link RealFiles#text}).
   *
   * @throws io.github.gradproof.diag.DiagnosticException located at the first offending byte or
   *     character, quoting none of them
   */
  public String readText() {
    return RealFiles.text(readBytes(), display);
  }

  /** Whether the file comes from the project's templates folder. */
  public boolean overridden() {
    return layer == Theme.Layer.PROJECT;
  }
}

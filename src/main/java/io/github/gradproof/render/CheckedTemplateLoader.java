package io.github.gradproof.render;

import io.github.gradproof.diag.RealFiles;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.FileLoader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Pebble's file loader with gradproof's rules for reading user files ({@link RealFiles}): a
 * template must be a regular file inside the templates folder (a link out of it, a pipe or a
 * device is refused by name), at most {@value #MAX_TEMPLATE_BYTES} bytes, and valid UTF-8 text
 * without control characters, so a template error can never echo the bytes of something else.
 */
final class CheckedTemplateLoader extends FileLoader {

  /** Largest template read, in bytes (4 MiB). */
  static final int MAX_TEMPLATE_BYTES = 4 << 20;

  private final Path dir;
  private final String display;

  /**
   * @param dir the templates folder
   * @param display how messages name that folder, e.g. {@code templates}
   */
  CheckedTemplateLoader(Path dir, String display) {
    this.dir = dir.toAbsolutePath().normalize();
    this.display = display;
    setPrefix(this.dir.toString());
    setCharset("UTF-8");
  }

  @Override
  public Reader getReader(String templateName) {
    String relative = templateName + (getSuffix() == null ? "" : getSuffix());
    Path file = dir.resolve(relative).normalize();
    if (!file.startsWith(dir) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new LoaderException(null, "Could not find template \"" + templateName + "\"");
    }
    String shown = display + "/" + dir.relativize(file).toString().replace('\\', '/');
    return new StringReader(RealFiles.readText(file, dir, shown, MAX_TEMPLATE_BYTES));
  }

  @Override
  public boolean resourceExists(String templateName) {
    Path file = dir.resolve(templateName + (getSuffix() == null ? "" : getSuffix())).normalize();
    return file.startsWith(dir) && Files.exists(file, LinkOption.NOFOLLOW_LINKS);
  }
}

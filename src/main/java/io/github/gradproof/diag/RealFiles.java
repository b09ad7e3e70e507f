package io.github.gradproof.diag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * The rules for every file gradproof reads from the user's folders (quiz files, templates, UI
 * strings, assets): it must be a <em>regular file</em> whose real location, after following any
 * symbolic link, is <em>inside the folder it is read from</em>. A link to {@code /etc/passwd} or
 * {@code /proc/self/environ}, a named pipe, a device or a folder in its place is refused by name,
 * before a byte is read. Reading is bounded by a limit that does not trust the size the file
 * system reports ({@code /proc} files report 0), and the real path is opened without following
 * links, so a link swapped in after the check is not followed either.
 *
 * <p>Messages never quote the bytes of a refused file or of a file that is not valid text: they
 * name the file, the line and column, and the code point or byte value.
 */
public final class RealFiles {

  private static final int S_IFMT = 0170000;
  private static final int S_IFIFO = 0010000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFSOCK = 0140000;

  private RealFiles() {}

  /**
   * Checks that {@code file} may be read as a file of {@code folder}.
   *
   * @param display how messages name the file, e.g. {@code templates/phase.peb}
   * @return the file's real path (links resolved), which is inside {@code folder}'s real path
   * @throws DiagnosticException located at line 1 of {@code display} when the file is missing, is
   *     a link leading outside the folder, or is not a regular file
   */
  public static Path check(Path file, Path folder, String display) {
    Path real;
    Path realFolder;
    try {
      realFolder = folder.toRealPath();
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      throw refused(display, Files.isSymbolicLink(file)
          ? "the file is a symbolic link to a file that does not exist; replace the link with the file itself"
          : "the file does not exist; check the name and the folder");
    } catch (IOException e) {
      throw refused(display, "cannot read the file (" + e.getClass().getSimpleName() + "); check that it exists and"
          + " is readable");
    }
    if (!real.startsWith(realFolder)) {
      throw refused(display, "the file is a symbolic link that leads outside " + folderName(folder) + "; gradproof"
          + " reads only files inside that folder, so replace the link with a copy of the file");
    }
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw refused(display, "cannot read the file (" + e.getClass().getSimpleName() + "); check that it is readable");
    }
    if (!attributes.isRegularFile()) {
      throw refused(display, "this is " + kind(real, attributes) + ", not a regular file; gradproof reads only"
          + " regular files here, so replace it with a file or move it out of " + folderName(folder));
    }
    return real;
  }

  /** Whether {@link #check} accepts the file (for callers that skip what they will not read). */
  public static boolean acceptable(Path file, Path folder) {
    try {
      check(file, folder, file.toString());
      return true;
    } catch (DiagnosticException e) {
      return false;
    }
  }

  /**
   * Checks the file and reads at most {@code limit} bytes of it.
   *
   * @param limitName what the limit is, shown after it, e.g. {@code (1 MiB) for a quiz file}
   * @param tooLarge the advice when the file holds more than {@code limit} bytes, e.g. {@code split
   *     it into several phases}
   * @throws DiagnosticException naming the file when it is refused, unreadable or over the limit
   */
  public static byte[] read(Path file, Path folder, String display, int limit, String limitName, String tooLarge) {
    Path real = check(file, folder, display);
    String over = " the limit of " + limit + " bytes " + limitName + "; " + tooLarge;
    byte[] bytes;
    try (InputStream in = Files.newInputStream(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = Files.size(real);
      if (size > limit) {
        throw refused(display, "the file is " + size + " bytes, over" + over);
      }
      bytes = in.readNBytes(limit + 1); // the reported size may be wrong (files of /proc report 0)
    } catch (IOException e) {
      throw refused(display, "cannot read the file (" + e.getClass().getSimpleName() + "); check that it is readable");
    }
    if (bytes.length > limit) {
      throw refused(display, "the file holds more than " + limit + " bytes, over" + over);
    }
    return bytes;
  }

  /**
   * Checks the file and reads it as text: strict UTF-8 (a leading byte order mark is dropped) with
   * no control characters (C0, DEL, C1) but tab, line feed and carriage return.
   *
   * @throws DiagnosticException located at the first offending byte or character, quoting none
   */
  public static String readText(Path file, Path folder, String display, int limit) {
    byte[] bytes = read(file, folder, display, limit, "for this kind of file", "make it smaller");
    return text(bytes, display);
  }

  /**
   * Decodes bytes as text under the rules of {@link #readText}.
   *
   * @throws DiagnosticException located at the first offending byte or character, quoting none
   */
  public static String text(byte[] bytes, String display) {
    String text = utf8(bytes, display, "");
    int bad = firstControl(text);
    if (bad >= 0) {
      throw new DiagnosticException(Diagnostic.at(position(text, bad, display), String.format(Locale.ROOT,
          "character U+%04X is not allowed in a text file; delete it (it is often an invisible control character"
              + " pasted from elsewhere)", text.codePointAt(bad))));
    }
    return text;
  }

  /**
   * Decodes bytes as strict UTF-8, dropping a leading byte order mark.
   *
   * @param why appended to the advice to save the file as UTF-8, e.g. {@code  (quiz files must be
   *     UTF-8 so both languages survive)}; may be empty
   * @throws DiagnosticException located at the first malformed byte (line and column in code
   *     points); the file's bytes are not quoted, since a file that is not UTF-8 is not text
   */
  public static String utf8(byte[] bytes, String display, String why) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      throw new DiagnosticException(Diagnostic.at(position(bytes, at, display), String.format(Locale.ROOT,
          "the file is not valid UTF-8: byte 0x%02X cannot start or continue a character here; save the file as"
              + " UTF-8%s", bytes[at] & 0xFF, why)));
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) { // C0, DEL, C1
        return i;
      }
    }
    return -1;
  }

  /** The 1-based line and column (in code points) of byte {@code offset} of UTF-8 bytes. */
  private static SourceLocation position(byte[] bytes, int offset, String display) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) {
        column++; // count lead bytes only: one per code point
      }
    }
    return new SourceLocation(display, line, column);
  }

  /** The 1-based line and column (in code points) of char {@code index} of a text. */
  private static SourceLocation position(String text, int index, String display) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < index; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(c)) {
        column++;
      }
    }
    return new SourceLocation(display, line, column);
  }

  private static String kind(Path real, BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a folder";
    }
    try {
      int mode = (Integer) Files.getAttribute(real, "unix:mode", LinkOption.NOFOLLOW_LINKS) & S_IFMT;
      switch (mode) {
        case S_IFIFO:
          return "a named pipe (FIFO)";
        case S_IFCHR:
          return "a character device";
        case S_IFBLK:
          return "a block device";
        case S_IFSOCK:
          return "a socket";
        default:
          break;
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      // Not a Unix file system: name it generically.
    }
    return "a special file";
  }

  private static String folderName(Path folder) {
    Path name = folder.getFileName();
    return name == null ? "its folder" : "its folder (" + name + "/)";
  }

  private static DiagnosticException refused(String display, String message) {
    return new DiagnosticException(Diagnostic.at(new SourceLocation(display, 1, 1), message));
  }
}

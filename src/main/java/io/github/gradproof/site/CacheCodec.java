package io.github.gradproof.site;

import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.quiz.Localized;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the build cache writes the values of its entries: length-prefixed bytes and texts of any
 * length, lists of strings, link-checker tags, source locations and localized texts. Every read
 * checks its lengths, so a corrupt entry fails with an {@link IOException} (a cache miss), never
 * with a huge allocation.
 */
final class CacheCodec {

  /** The longest value an entry may hold: a phase's page is far smaller. */
  private static final int MAX_LENGTH = 1 << 28;

  private CacheCodec() {}

  /**
   * The most bytes {@link #readExactly} allocates before it has read them: a cached phase's values
   * are far smaller, and a corrupt length can cost no more than this.
   */
  static final int EXACT_ALLOCATION = 1 << 20;

  static byte[] bytes(DataInputStream in) throws IOException {
    // A short read would be a truncated page.
    return readExactly(in, length(in), "truncated cache entry");
  }

  /**
   * The next {@code length} bytes of {@code in}, or an {@link EOFException} saying
   * {@code cutShort} when it ends first. Up to {@link #EXACT_ALLOCATION} bytes are read into one
   * array of that size; {@link InputStream#readNBytes(int)} would read anything over 8 KiB
   * into pieces and copy them into a second array, which doubled what a rebuild allocated for the
   * cache's first parts. Longer values are read in pieces, so that a corrupt length fails at the
   * end of the stream instead of allocating what it claims.
   */
  static byte[] readExactly(InputStream in, int length, String cutShort) throws IOException {
    if (length <= EXACT_ALLOCATION) {
      byte[] bytes = new byte[length];
      if (in.readNBytes(bytes, 0, length) == length) {
        return bytes;
      }
    } else {
      byte[] bytes = in.readNBytes(length);
      if (bytes.length == length) {
        return bytes;
      }
    }
    throw new EOFException(cutShort);
  }

  static void bytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** A text of any length (unlike {@link DataOutputStream#writeUTF}, limited to 64 KiB). */
  static String text(DataInputStream in) throws IOException {
    return new String(bytes(in), StandardCharsets.UTF_8);
  }

  static void text(DataOutputStream out, String text) throws IOException {
    bytes(out, text.getBytes(StandardCharsets.UTF_8));
  }

  static List<String> strings(DataInputStream in) throws IOException {
    int count = length(in);
    List<String> strings = new ArrayList<>(Math.min(count, 1024));
    for (int i = 0; i < count; i++) {
      strings.add(in.readUTF());
    }
    return List.copyOf(strings);
  }

  static void strings(DataOutputStream out, List<String> strings) throws IOException {
    out.writeInt(strings.size());
    for (String s : strings) {
      out.writeUTF(s);
    }
  }

  static List<LinkChecker.Tag> tags(DataInputStream in) throws IOException {
    int count = length(in);
    List<LinkChecker.Tag> tags = new ArrayList<>(Math.min(count, 1024));
    for (int i = 0; i < count; i++) {
      // Not interned: String.intern costs more than the few duplicate strings it would save here.
      tags.add(new LinkChecker.Tag(in.readUTF(), in.readUTF(), in.readUTF(), in.readInt(),
          in.readInt(), in.readBoolean() ? in.readUTF() : null));
    }
    return List.copyOf(tags);
  }

  static void tags(DataOutputStream out, List<LinkChecker.Tag> tags) throws IOException {
    out.writeInt(tags.size());
    for (LinkChecker.Tag tag : tags) {
      out.writeUTF(tag.name());
      out.writeUTF(tag.attribute());
      out.writeUTF(tag.value());
      out.writeInt(tag.line());
      out.writeInt(tag.column());
      out.writeBoolean(tag.problem() != null);
      if (tag.problem() != null) {
        out.writeUTF(tag.problem());
      }
    }
  }

  /** A location, or {@code null}. */
  static SourceLocation location(DataInputStream in) throws IOException {
    return in.readBoolean() ? new SourceLocation(text(in), in.readInt(), in.readInt()) : null;
  }

  static void location(DataOutputStream out, SourceLocation location) throws IOException {
    out.writeBoolean(location != null);
    if (location != null) {
      text(out, location.file());
      out.writeInt(location.line());
      out.writeInt(location.column());
    }
  }

  /** A localized text: its texts and their locations in order, and the field's own location. */
  static Localized localized(DataInputStream in) throws IOException {
    Map<String, String> texts = new LinkedHashMap<>();
    int count = length(in);
    for (int i = 0; i < count; i++) {
      texts.put(text(in), text(in));
    }
    SourceLocation location = location(in);
    Map<String, SourceLocation> locations = new LinkedHashMap<>();
    count = length(in);
    for (int i = 0; i < count; i++) {
      locations.put(text(in), location(in));
    }
    return new Localized(texts, location, locations);
  }

  static void localized(DataOutputStream out, Localized localized) throws IOException {
    out.writeInt(localized.texts().size());
    for (Map.Entry<String, String> text : localized.texts().entrySet()) {
      text(out, text.getKey());
      text(out, text.getValue());
    }
    location(out, localized.location());
    out.writeInt(localized.locations().size());
    for (Map.Entry<String, SourceLocation> at : localized.locations().entrySet()) {
      text(out, at.getKey());
      location(out, at.getValue());
    }
  }

  /** A count or length as written, refused when negative or beyond {@link #MAX_LENGTH}. */
  static int length(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_LENGTH) {
      throw new IOException("corrupt cache entry");
    }
    return length;
  }
}

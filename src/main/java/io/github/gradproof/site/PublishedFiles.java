package io.github.gradproof.site;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files this process published into one output folder, each with the build-cache key of the
 * phase whose bytes it holds ({@link #UNTAGGED} for the others: index pages, assets). While it
 * describes the output, a build can update the folder in place ({@link Publisher}): skip the files
 * that already hold an unchanged phase, write the others, delete the ones no longer produced.
 * Every write in place is recorded as it happens, so the record stays true even when a build fails
 * midway. Thread-safe.
 */
final class PublishedFiles {

  /** The tag of a file that no phase key describes; it is always written again. */
  static final String UNTAGGED = "";

  private final Map<String, String> tags = new ConcurrentHashMap<>();
  private volatile Path output;

  /** Whether this record describes {@code output}, which still exists as a folder. */
  boolean describes(Path output) {
    Path known = this.output;
    return known != null && known.equals(output) && Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS);
  }

  /** Whether the file at {@code relative} holds the bytes of the phase with cache key {@code key}. */
  boolean holds(String relative, String key) {
    return key != null && key.equals(tags.get(relative));
  }

  /** Records that {@code relative} now holds the bytes tagged {@code tag}. */
  void put(String relative, String tag) {
    tags.put(relative, tag == null ? UNTAGGED : tag);
  }

  /** Forgets a file (deleted). */
  void remove(String relative) {
    tags.remove(relative);
  }

  /** The recorded files and their tags (a live view). */
  Map<String, String> tags() {
    return tags;
  }

  /** After a staged build was published: {@code output} now holds exactly {@code written}. */
  void replace(Path output, Map<String, String> written) {
    this.output = null;
    tags.clear();
    tags.putAll(written);
    this.output = output;
  }
}

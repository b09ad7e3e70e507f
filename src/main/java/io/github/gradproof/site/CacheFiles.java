package io.github.gradproof.site;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The names of the files the build cache writes, which make a cache folder recognisable as the
 * stamp makes a site ({@link SiteStamp}): the entries ({@code <key>.bin}), their pack
 * ({@code entries-<prefix>.pack}), the quiz files' and the generator's stamps ({@code
 * quiz-files-<hash>.stamps}, {@value BuildCache#GENERATOR_STAMPS}), the records of published sites
 * ({@code site-<hash>.published}), and the temporary files of their atomic writes (the name, a
 * number, {@code .tmp}). The cache only ever deletes files named so, and a build refuses a cache
 * folder that holds anything else ({@link OutputGuard#checkCache}).
 */
final class CacheFiles {

  private static final Pattern OWN = Pattern.compile("(?:[0-9a-f]{64}\\.bin|entries-[0-9a-f]{16}\\.pack"
      + "|quiz-files-[0-9a-f]{16}\\.stamps|site-[0-9a-f]{16}\\.published|generator\\.stamps)(?:[0-9]+\\.tmp)?"
      // An entry's temporary file as builds before AtomicFiles named it: the key, a number, .tmp.
      + "|[0-9a-f]{64}[0-9]+\\.tmp");

  private CacheFiles() {}

  /** Whether {@code name} is the name of a file the cache writes. */
  static boolean isOwnName(String name) {
    return OWN.matcher(name).matches();
  }

  /**
   * The entries of the folder {@code dir} that the cache did not write (anything not a regular file
   * with a cache file's name), in sorted order; none when {@code dir} is missing.
   */
  static List<String> foreign(Path dir) throws IOException {
    List<String> foreign = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return foreign;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!isOwnName(name) || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          foreign.add(name);
        }
      }
    }
    foreign.sort(null);
    return foreign;
  }
}

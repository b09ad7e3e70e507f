package io.github.gradproof.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything about a folder tree that a build could change: every entry's relative path, kind,
 * permissions, and the hash of a file's bytes or a link's target. Two equal snapshots mean nothing
 * was created, moved, deleted, rewritten or re-permissioned.
 */
final class TreeSnapshot {

  private TreeSnapshot() {}

  static Map<String, String> of(Path root) {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path entry : walk.toList()) {
        entries.put(root.relativize(entry).toString(), describe(entry));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  private static String describe(Path entry) throws IOException {
    String modes = PosixFilePermissions.toString(Files.getPosixFilePermissions(entry, LinkOption.NOFOLLOW_LINKS));
    if (Files.isSymbolicLink(entry)) {
      return "link " + Files.readSymbolicLink(entry);
    }
    if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
      return "dir " + modes;
    }
    return "file " + modes + " " + sha256(Files.readAllBytes(entry));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

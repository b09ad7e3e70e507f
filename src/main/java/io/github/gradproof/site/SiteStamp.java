package io.github.gradproof.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The mark of a folder gradproof wrote. Every published site carries a stamp file,
 * {@value #FILE}, with a fixed text; a build replaces an existing output folder only when it is
 * empty, carries the stamp, or is a site written before stamps existed, recognised by its exact
 * shape ({@link #isUnstampedSite}). Anything else is someone's folder, and is never replaced.
 */
final class SiteStamp {

  /** The stamp's file name, at the top of every site. */
  static final String FILE = ".gradproof-site";

  /** The stamp's content: the same bytes in every site, so output stays deterministic. */
  static final String TEXT = "This folder is a site written by gradproof (mvn site:generate). Every build replaces it"
      + " as a whole,\nso keep nothing else in it. gradproof replaces an existing folder only when it carries this"
      + " file.\n";

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
  private static final Pattern PAGE = Pattern.compile("index\\.html|phase-[0-9]{2,}-[a-z0-9-]+\\.html");
  private static final Pattern MIRROR = Pattern.compile("phase-[0-9]{2,}-[a-z0-9-]+\\.md");
  /** The sitemap, or its index and parts, of a site published at a base URL. */
  private static final Pattern SITEMAP = Pattern.compile("sitemap(-[0-9]+)?\\.xml");
  /** How every {@code verification.json} gradproof wrote before stamps begins. */
  private static final String JSON_START = "{\n  \"format\": 1,\n  \"generator\": \"gradproof\",\n";

  private SiteStamp() {}

  /** Writes the stamp into a staging folder. */
  static void write(Path staging) {
    try {
      Files.writeString(staging.resolve(FILE), TEXT, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + staging.resolve(FILE), e);
    }
  }

  /** Whether a build may replace this existing folder: it is empty, or a site gradproof wrote. */
  static boolean replaceable(Path dir) throws IOException {
    return isEmpty(dir) || isStamped(dir) || isUnstampedSite(dir);
  }

  /** Whether the folder carries the stamp: a regular file (not a link) with exactly {@link #TEXT}. */
  static boolean isStamped(Path dir) throws IOException {
    Path stamp = dir.resolve(FILE);
    if (!Files.isRegularFile(stamp, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    byte[] expected = TEXT.getBytes(StandardCharsets.UTF_8);
    try (InputStream in = Files.newInputStream(stamp, LinkOption.NOFOLLOW_LINKS)) {
      return java.util.Arrays.equals(in.readNBytes(expected.length + 1), expected);
    }
  }

  /**
   * Whether the folder is a site gradproof wrote before sites were stamped, by its exact shape:
   * {@code index.html} and {@code verification.json}, and no {@linkplain #foreignEntries foreign
   * entry}.
   */
  static boolean isUnstampedSite(Path dir) throws IOException {
    return Files.isRegularFile(dir.resolve("index.html"), LinkOption.NOFOLLOW_LINKS)
        && Files.isRegularFile(dir.resolve("verification.json"), LinkOption.NOFOLLOW_LINKS)
        && foreignEntries(dir).isEmpty();
  }

  /**
   * The entries of a site folder that no build writes, as paths relative to it with forward
   * slashes, sorted. A site holds only: {@code index.html}; a {@code verification.json} that begins
   * as gradproof writes it (format 1, generator gradproof); language folders holding only
   * {@code index.html} and {@code phase-NN-slug.html} pages; {@code md/<language>/} holding only
   * {@code phase-NN-slug.md} mirrors; {@code assets/}; for a site with a base URL, {@code 404.html}
   * and the sitemap ({@code sitemap.xml}, {@code sitemap-N.xml}); and the stamp, when it is the
   * real one. Nothing may be a link. A folder named wrongly is listed as a whole, a file named
   * wrongly inside a folder the site has by itself ({@code en/notes.html}).
   */
  static List<String> foreignEntries(Path dir) throws IOException {
    List<String> foreign = new ArrayList<>();
    boolean stamped = isStamped(dir);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.equals(FILE) ? !stamped : !knownTopLevel(entry, name, foreign)) {
          foreign.add(name);
        }
      }
    }
    foreign.sort(null);
    return foreign;
  }

  /**
   * Whether a top-level entry is one a build writes; a folder of the site adds its own foreign
   * entries to {@code foreign} and counts as known.
   */
  private static boolean knownTopLevel(Path entry, String name, List<String> foreign) throws IOException {
    switch (name) {
      case "index.html":
      case "404.html":
        return Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
      case "verification.json":
        return Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) && startsLikeOurJson(entry);
      case "assets":
        return Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && noLinks(entry);
      case "md":
        return foreignInMirrors(entry, foreign);
      default:
        if (SITEMAP.matcher(name).matches()) {
          return Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
        }
        return LANGUAGE.matcher(name).matches() && foreignFiles(entry, PAGE, name + "/", foreign);
    }
  }

  private static boolean startsLikeOurJson(Path file) throws IOException {
    byte[] expected = JSON_START.getBytes(StandardCharsets.UTF_8);
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return java.util.Arrays.equals(in.readNBytes(expected.length), expected);
    }
  }

  /**
   * Whether {@code dir} is a real folder; if so, adds each of its entries that is not a regular
   * file named by {@code names} to {@code foreign}, as {@code prefix} and its name.
   */
  private static boolean foreignFiles(Path dir, Pattern names, String prefix, List<String> foreign)
      throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!names.matcher(name).matches() || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          foreign.add(prefix + name);
        }
      }
    }
    return true;
  }

  /**
   * Whether {@code md} is a real folder; if so, adds to {@code foreign} each of its entries that is
   * not a language folder, and each file of a language folder that is not a mirror.
   */
  private static boolean foreignInMirrors(Path md, List<String> foreign) throws IOException {
    if (!Files.isDirectory(md, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(md)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!LANGUAGE.matcher(name).matches() || !foreignFiles(entry, MIRROR, "md/" + name + "/", foreign)) {
          foreign.add("md/" + name);
        }
      }
    }
    return true;
  }

  private static boolean noLinks(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      return walk.noneMatch(Files::isSymbolicLink);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    }
  }
}

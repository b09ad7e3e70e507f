package io.github.gradproof.site;

import io.github.gradproof.diag.RealFiles;
import io.github.gradproof.quiz.LoadMemo;
import io.github.gradproof.render.Theme;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The incremental-build cache: for each phase, the files it produced (pages and Markdown mirrors),
 * its link-checker facts, its {@code verification.json} entry and its counts, stored under a key
 * that hashes everything the output of that phase depends on:
 *
 * <ul>
 *   <li>the phase file's bytes and the path it is shown as,
 *   <li>both layers of the theme: every file under the project's templates folder (templates, UI
 *       strings, assets, whether or not a page uses it) and every file of the built-in theme,
 *   <li>the generator's own build: the bytes of the jar (or class folder) this class was loaded
 *       from, and the file names of the libraries that render pages,
 *   <li>the configuration: languages, translation strictness, base URL, and the verifier's settings.
 * </ul>
 *
 * <p>Any change to any of them gives a different key, so a stale entry is never read: it is simply
 * not found, and is removed after the next successful build. Entries are written atomically
 * (temporary file, then rename) and read defensively: an unreadable entry is a miss.
 *
 * <p>An entry's file holds its first part (everything but the files' bytes), then the files. A
 * build reads the first parts of all its entries ({@link #metas}) from one {@link MetaPack}
 * where it can, and from the entries' own files where not.
 */
final class BuildCache {

  private static final int MAGIC = 0x47504335; // "GPC5": a length-prefixed first part, then the files
  /** First parts a build keeps in memory for the pack; beyond this they are read back from the entries. */
  private static final long FRESH_BUDGET = 16L << 20;
  private static volatile String generatorBuild;
  /** The stamps of the generator's jar, in the cache folder ({@link #generatorBuild(Path)}). */
  static final String GENERATOR_STAMPS = "generator.stamps";

  private final Path dir;
  private final String globalKey;
  private final MetaPack pack;
  /** First parts this build wrote or read from entries' own files, for the pack (bounded). */
  private final Map<String, byte[]> fresh = new ConcurrentHashMap<>();
  private final AtomicLong freshBytes = new AtomicLong();

  private BuildCache(Path dir, String globalKey) {
    this.dir = dir;
    this.globalKey = globalKey;
    this.pack = new MetaPack(dir.resolve("entries-" + globalKey.substring(0, 16) + ".pack"));
  }

  /**
   * One cached phase.
   *
   * @param contents the files' bytes, or {@code null} in an entry read without them ({@link #metas})
   * @param json the phase's {@code verification.json} entry, in UTF-8
   * @param loaded what loading the phase's file gave besides its questions, or {@code null} when
   *     the phase came from a source that does not say ({@link CachedLoad})
   */
  record Entry(List<String> paths, List<byte[]> contents, List<LinkChecker.PageFacts> facts, byte[] json,
      int questionCount, long verifiedCount, int claimCount, long partialCount, CachedLoad loaded) {

    /** The same entry without its files' bytes. */
    Entry withoutContents() {
      return new Entry(paths, null, facts, json, questionCount, verifiedCount, claimCount, partialCount, loaded);
    }
  }

  /**
   * Opens the cache in {@code dir} for a build of {@code config}.
   *
   * @param pipeline what else decides the output (the verifier's settings), e.g. {@code seeds=3}
   * @param generator the generator's build; {@link #generatorBuild()} in production
   */
  static BuildCache open(Path dir, SiteConfig config, String pipeline, String generator) {
    Hasher h = new Hasher();
    h.text("gradproof-cache-1").text(generator).text(pipeline).text(String.join(",", config.languages()))
        .text(Boolean.toString(config.strictTranslations())).text(String.valueOf(config.baseUrl()));
    h.tree(config.templatesDir());
    for (String path : Theme.builtInPaths()) {
      h.text(path).bytes(Theme.builtIn().findBuiltIn(path).orElseThrow().readBytes());
    }
    return new BuildCache(dir, h.hex());
  }

  /** The key of a phase whose file, shown as {@code displayPath}, holds {@code bytes}. */
  String key(String displayPath, byte[] bytes) {
    return keyOfDigest(displayPath, LoadMemo.digest(bytes));
  }

  /**
   * The key of a phase whose file, shown as {@code displayPath}, has the SHA-256 {@code digest}
   * ({@link LoadMemo#digest}): the bytes are hashed once, for both the key and the load's memo.
   */
  String keyOfDigest(String displayPath, byte[] digest) {
    return new Hasher().text(globalKey).text(displayPath).bytes(digest).hex();
  }

  /** The entry for a key, or {@code null} when absent or unreadable. */
  Entry get(String key) {
    Path file = dir.resolve(key + ".bin");
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        return null;
      }
      Entry entry = parseMeta(CacheCodec.bytes(in));
      List<byte[]> contents = new ArrayList<>(entry.paths().size());
      for (int i = 0; i < entry.paths().size(); i++) {
        contents.add(CacheCodec.bytes(in));
      }
      return new Entry(entry.paths(), contents, entry.facts(), entry.json(), entry.questionCount(),
          entry.verifiedCount(), entry.claimCount(), entry.partialCount(), entry.loaded());
    } catch (IOException | RuntimeException e) {
      return null; // absent or unreadable: a miss
    }
  }

  /** The first part of the entry under {@code key} as stored, or {@code null}. */
  private byte[] metaBytes(String key) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        Files.newInputStream(dir.resolve(key + ".bin")), 1 << 13))) {
      return in.readInt() == MAGIC ? CacheCodec.bytes(in) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The entries under {@code keys} without their files' bytes, by key; a key without a readable
   * entry is absent. First parts come from the pack for every key whose entry's file exists, and
   * from the entries' own files for the others.
   */
  Map<String, Entry> metas(Set<String> keys, Workers workers) {
    Map<String, Entry> found = new ConcurrentHashMap<>();
    Set<String> stored = storedKeys();
    pack.read(key -> keys.contains(key) && stored.contains(key), chunk -> workers.forEach(chunk.size(), i -> {
      try {
        found.putIfAbsent(chunk.get(i).key(), parseMeta(chunk.get(i).meta()));
      } catch (IOException | RuntimeException e) {
        // Read from the entry's own file below.
      }
    }));
    List<String> rest = keys.stream().filter(key -> !found.containsKey(key) && stored.contains(key)).sorted().toList();
    workers.forEach(rest.size(), i -> {
      byte[] meta = metaBytes(rest.get(i));
      try {
        if (meta != null) {
          found.put(rest.get(i), parseMeta(meta));
          keepForPack(rest.get(i), meta);
        }
      } catch (IOException | RuntimeException e) {
        // An unreadable entry is a miss.
      }
    });
    return found;
  }

  /** The keys of the entries in the cache folder. */
  private Set<String> storedKeys() {
    Set<String> keys = new HashSet<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.bin")) {
        for (Path entry : entries) {
          String name = entry.getFileName().toString();
          keys.add(name.substring(0, name.length() - 4));
        }
      } catch (IOException e) {
        // Whatever could not be listed is read from its own file, or missed.
      }
    }
    return keys;
  }

  private void keepForPack(String key, byte[] meta) {
    if (freshBytes.addAndGet(meta.length) <= FRESH_BUDGET) {
      fresh.put(key, meta);
    }
  }

  private static Entry parseMeta(byte[] meta) throws IOException {
    DataInputStream in = new DataInputStream(new UnlockedByteInput(meta));
    int files = in.readInt();
    List<String> paths = new ArrayList<>(Math.min(files, 1024));
    List<LinkChecker.PageFacts> facts = new ArrayList<>(Math.min(files, 1024));
    for (int i = 0; i < files; i++) {
      paths.add(in.readUTF());
      facts.add(in.readBoolean() ? new LinkChecker.PageFacts(CacheCodec.strings(in), CacheCodec.tags(in),
          CacheCodec.tags(in)) : null);
    }
    byte[] json = CacheCodec.bytes(in);
    int questions = in.readInt();
    long verified = in.readLong();
    int claims = in.readInt();
    long partial = in.readLong();
    CachedLoad loaded = in.readBoolean() ? CachedLoad.read(in) : null;
    if (in.available() != 0) {
      throw new IOException("corrupt cache entry");
    }
    return new Entry(paths, null, facts, json, questions, verified, claims, partial, loaded);
  }

  private static byte[] metaOf(Entry entry) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 14);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(entry.paths().size());
      for (int i = 0; i < entry.paths().size(); i++) {
        out.writeUTF(entry.paths().get(i));
        LinkChecker.PageFacts facts = entry.facts().get(i);
        out.writeBoolean(facts != null);
        if (facts != null) {
          CacheCodec.strings(out, facts.ids());
          CacheCodec.tags(out, facts.idProblems());
          CacheCodec.tags(out, facts.links());
        }
      }
      CacheCodec.bytes(out, entry.json());
      out.writeInt(entry.questionCount());
      out.writeLong(entry.verifiedCount());
      out.writeInt(entry.claimCount());
      out.writeLong(entry.partialCount());
      out.writeBoolean(entry.loaded() != null);
      if (entry.loaded() != null) {
        entry.loaded().write(out);
      }
    }
    return bytes.toByteArray();
  }

  /** Stores an entry (atomically); a failure to write only loses the cache, never the build. */
  void put(String key, Entry entry) {
    try {
      byte[] meta = metaOf(entry);
      AtomicFiles.write(dir.resolve(key + ".bin"), out -> {
        out.writeInt(MAGIC);
        // The files' bytes come last, so an entry can be read without them (meta).
        CacheCodec.bytes(out, meta);
        for (byte[] content : entry.contents()) {
          CacheCodec.bytes(out, content);
        }
      });
      keepForPack(key, meta);
    } catch (IOException e) {
      // The cache is an optimisation: the build stays correct without this entry.
    }
  }

  /** Deletes the entry under {@code key}, if any; a failure leaves it (the next build will find it unreadable again). */
  void delete(String key) {
    fresh.remove(key);
    try {
      Files.deleteIfExists(dir.resolve(key + ".bin"));
    } catch (IOException e) {
      // Nothing more to do: the entry stays a miss for whatever cannot read it.
    }
  }

  /** The file of the quiz files' stamps of {@code dataDir}, kept beside the entries ({@link FileStamps}). */
  Path stampsFile(Path dataDir) {
    return dir.resolve("quiz-files-" + new Hasher().text(dataDir.toAbsolutePath().normalize().toString()).hex()
        .substring(0, 16) + ".stamps");
  }

  /** The file that records what {@code output} holds, kept beside the entries ({@link PublishedFiles}). */
  Path recordFile(Path output) {
    return dir.resolve("site-" + new Hasher().text(output.toAbsolutePath().normalize().toString()).hex()
        .substring(0, 16) + ".published");
  }

  /**
   * Removes every entry not in {@code used} (called after a successful build), and leftovers of
   * interrupted writes; records of published sites stay. Brings the pack up to date first. Only
   * files named as the cache names its own ({@link CacheFiles}) are ever deleted.
   */
  void retainOnly(Set<String> used) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    pack.update(used, key -> {
      byte[] meta = fresh.get(key);
      return meta != null ? meta : metaBytes(key);
    });
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        boolean live = name.endsWith(".bin") && used.contains(name.substring(0, name.length() - 4))
            || name.endsWith(".published") || name.endsWith(".stamps") || name.equals(pack.fileName());
        // Whatever the cache did not write is left alone, even if something put it here mid-build.
        if (!live && CacheFiles.isOwnName(name) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(entry);
        }
      }
    } catch (IOException e) {
      // Leftovers are harmless: their keys can no longer match.
    }
  }

  /**
   * The generator's own build: a hash of the jar or class folder this class was loaded from, plus
   * the file names (with versions) of the libraries that shape the output. Computed once per JVM.
   */
  static String generatorBuild() {
    return generatorBuild(null);
  }

  /**
   * {@link #generatorBuild()}, with the digest of the generator's jar taken from the stamps kept in
   * {@code cacheDir} ({@value #GENERATOR_STAMPS}) when the jar is unchanged since a build read it,
   * under {@link FileStamps}' rules: a rebuild then does not read and hash the whole jar.
   *
   * @param cacheDir the cache folder, or {@code null} to read the jar without stamps
   */
  static String generatorBuild(Path cacheDir) {
    String build = generatorBuild;
    if (build == null) {
      List<Path> libraries = new ArrayList<>();
      for (Class<?> library : List.of(com.vladsch.flexmark.parser.Parser.class,
          io.pebbletemplates.pebble.PebbleEngine.class, org.jsoup.Jsoup.class,
          org.snakeyaml.engine.v2.api.Load.class)) {
        libraries.add(codeSource(library));
      }
      build = generatorBuild(codeSource(BuildCache.class), libraries,
          cacheDir == null ? null : FileStamps.open(cacheDir.resolve(GENERATOR_STAMPS)));
      generatorBuild = build;
    }
    return build;
  }

  /**
   * The build of a generator loaded from {@code code} (a jar, hashed by its SHA-256, which
   * {@code stamps} may remember, or a class folder, hashed file by file) with {@code libraries}
   * (by file name). Either way a jar gives the same build, so a first build and the ones that find
   * its stamp share their cache entries.
   */
  static String generatorBuild(Path code, List<Path> libraries, FileStamps stamps) {
    Hasher h = new Hasher();
    if (code != null && Files.isRegularFile(code, LinkOption.NOFOLLOW_LINKS)) {
      h.text(String.valueOf(code.getFileName())).text("sha-256").bytes(jarDigest(code, stamps));
    } else {
      h.location(code, true);
    }
    for (Path library : libraries) {
      h.location(library, false);
    }
    return h.hex();
  }

  /** The SHA-256 of a jar's bytes, from {@code stamps} when they believe it unchanged, else read (and recorded). */
  private static byte[] jarDigest(Path jar, FileStamps stamps) {
    byte[] digest;
    if (stamps == null) {
      byte[] bytes = readOrNull(jar);
      digest = bytes == null ? null : LoadMemo.digest(bytes);
    } else {
      digest = stamps.digest(jar, jar.toAbsolutePath().normalize().toString(), BuildCache::readOrNull);
      stamps.save(); // only when the stamp changed
    }
    return digest != null ? digest : "<unreadable>".getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] readOrNull(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return null;
    }
  }

  private static Path codeSource(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** SHA-256 over length-prefixed parts. */
  static final class Hasher {
    private final MessageDigest digest;

    Hasher() {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    Hasher text(String s) {
      return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    Hasher bytes(byte[] b) {
      long n = b.length;
      for (int i = 0; i < 8; i++) {
        digest.update((byte) (n >>> (8 * i)));
      }
      digest.update(b);
      return this;
    }

    /** Every regular file under {@code root}: relative path and bytes, in sorted order. */
    Hasher tree(Path root) {
      if (root == null || !Files.exists(root)) {
        return text("<none>");
      }
      if (Files.isRegularFile(root)) {
        return file(root);
      }
      // From the real folder: a templates folder may itself be a link (to a shared theme), and a
      // walk does not enter the link it starts from.
      try (Stream<Path> walk = Files.walk(root.toRealPath())) {
        List<Path> files = walk.filter(f -> !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        Path start = root.toRealPath();
        for (Path file : files) {
          // Links out of the tree, pipes and devices are never read (a pipe would block the build);
          // the build refuses them by name if it ever opens one.
          text(start.relativize(file).toString().replace('\\', '/'));
          if (RealFiles.acceptable(file, root)) {
            file(file);
          } else {
            text("<refused>");
          }
        }
      } catch (IOException e) {
        text("<unreadable>" + e);
      }
      return this;
    }

    /** A code source: its content when {@code content}, else only its file name. */
    Hasher location(Path path, boolean content) {
      if (path == null) {
        return text("<unknown>");
      }
      text(String.valueOf(path.getFileName()));
      return content ? tree(path) : this;
    }

    private Hasher file(Path file) {
      try (InputStream in = Files.newInputStream(file)) {
        bytes(in.readAllBytes());
      } catch (IOException e) {
        text("<unreadable>" + e);
      }
      return this;
    }

    String hex() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }
}

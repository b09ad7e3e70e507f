package io.github.gradproof.site;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * The first parts of the build cache's entries (everything but the files' bytes) in one file, so
 * that a rebuild reads one file instead of one per phase. The pack only ever speeds up reading:
 * an entry it holds is exactly the first part of that entry's own file (keys hash every input, and
 * the output is deterministic), a record is used only while the entry's file exists, and a pack
 * that cannot be read, or a record whose checksum does not match, is simply not used.
 *
 * <p>The pack is a log: a build appends the records of the entries it used that the pack lacks,
 * each with a CRC-32 of its key and bytes, and rewrites the pack with only the used records once
 * the records of entries no longer used outweigh them. A build killed while appending leaves a
 * torn last record, which ends the readable part; the next build rewrites the pack.
 */
final class MetaPack {

  private static final int MAGIC = 0x47504b31; // "GPK1"
  private static final int HEADER_BYTES = 4;
  /** The bytes of records handed over at once: bounds the memory a read holds before parsing. */
  private static final long CHUNK_BYTES = 8L << 20;

  /** One entry's first part, by its key. */
  record Record(String key, byte[] meta) {}

  private final Path file;
  /** Whether {@link #read} ran (only a build that read the pack maintains it). */
  private boolean read;
  /** Whether the file held a valid header and every record to its end. */
  private boolean whole;
  /** The size in the file of each key's first readable record. */
  private final Map<String, Long> sizes = new HashMap<>();
  /** The bytes of the readable records, those of repeated keys included. */
  private long recordBytes;

  MetaPack(Path file) {
    this.file = file;
  }

  /** The pack's file name (the cache keeps it when it clears out old entries). */
  String fileName() {
    return file.getFileName().toString();
  }

  /**
   * Reads the pack, handing the records whose key {@code wanted} accepts to {@code chunks} in
   * groups of about 8 MB; stops quietly at the first record that cannot be read whole.
   */
  void read(Predicate<String> wanted, Consumer<List<Record>> chunks) {
    read = true;
    List<Record> chunk = new ArrayList<>();
    long chunkBytes = 0;
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        return;
      }
      while (true) {
        RawRecord raw = RawRecord.readOrNull(in, wanted);
        if (raw == null) {
          whole = true;
          break;
        }
        recordBytes += raw.size;
        sizes.putIfAbsent(raw.key, raw.size);
        if (raw.meta != null) {
          chunk.add(new Record(raw.key, raw.meta));
          chunkBytes += raw.meta.length;
          if (chunkBytes >= CHUNK_BYTES) {
            chunks.accept(chunk);
            chunk = new ArrayList<>();
            chunkBytes = 0;
          }
        }
      }
    } catch (NoSuchFileException e) {
      // No pack yet: every first part comes from the entries' own files.
    } catch (IOException | RuntimeException e) {
      // A torn or corrupt record ends what is used; the next update rewrites the pack.
    }
    if (!chunk.isEmpty()) {
      chunks.accept(chunk);
    }
  }

  /**
   * After a successful build that {@linkplain #read read} the pack: makes it hold the records of
   * {@code used}, appending what it lacks, or rewriting it once unused records outweigh used ones.
   * {@code metaOf} gives an entry's first part, or {@code null} when it has none to give (the
   * entry is then left out, and read from its own file next time). A failure only loses speed.
   */
  void update(Set<String> used, Function<String, byte[]> metaOf) {
    if (!read) {
      return;
    }
    long live = 0;
    List<String> missing = new ArrayList<>();
    for (String key : new TreeSet<>(used)) {
      Long size = sizes.get(key);
      if (size == null) {
        missing.add(key);
      } else {
        live += size;
      }
    }
    try {
      if (!whole || recordBytes - live > live) {
        rewrite(used, metaOf);
      } else if (!missing.isEmpty()) {
        append(missing, metaOf);
      }
    } catch (IOException | RuntimeException e) {
      // The pack is an optimisation: without it, first parts are read from the entries' files.
    }
  }

  private void append(List<String> keys, Function<String, byte[]> metaOf) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      for (String key : keys) {
        byte[] meta = metaOf.apply(key);
        if (meta != null) {
          // One write per record: a build killed between two writes leaves whole records.
          ByteBuffer record = ByteBuffer.wrap(RawRecord.encode(key, meta));
          while (record.hasRemaining()) {
            channel.write(record);
          }
        }
      }
    }
  }

  /** Writes a new pack with the used records of the old one, then the used ones it lacked. */
  private void rewrite(Set<String> used, Function<String, byte[]> metaOf) throws IOException {
    AtomicFiles.write(file, out -> {
      Set<String> written = new HashSet<>();
      out.writeInt(MAGIC);
      copyUsedRecords(used, written, out);
      for (String key : new TreeSet<>(used)) {
        byte[] meta = written.contains(key) ? null : metaOf.apply(key);
        if (meta != null) {
          out.write(RawRecord.encode(key, meta));
        }
      }
    });
  }

  /** Copies the old pack's readable records of used keys, each once, checking each again. */
  private void copyUsedRecords(Set<String> used, Set<String> written, DataOutputStream out) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        return;
      }
      Predicate<String> wanted = key -> used.contains(key) && !written.contains(key);
      for (RawRecord raw = RawRecord.readOrNull(in, wanted); raw != null; raw = RawRecord.readOrNull(in, wanted)) {
        if (raw.meta != null && written.add(raw.key)) {
          out.write(RawRecord.encode(raw.key, raw.meta));
        }
      }
    } catch (NoSuchFileException e) {
      // Nothing to copy.
    } catch (IOException | RuntimeException e) {
      // Copy what was readable; the rest comes from the entries' own files.
    }
  }

  /**
   * A record as stored: key length (2 bytes), key (UTF-8), meta length (4), meta, and the CRC-32
   * of key and meta (4).
   */
  private record RawRecord(String key, byte[] meta, long size) {

    private static final String TORN = "torn pack record";

    /**
     * The next record, with its bytes only when {@code wanted} accepts its key (others are checked
     * all the same); {@code null} at the end of the file. A record that is cut short, or whose
     * checksum does not match, throws.
     */
    static RawRecord readOrNull(DataInputStream in, Predicate<String> wanted) throws IOException {
      int keyLength = in.read();
      if (keyLength < 0) {
        return null;
      }
      keyLength = (keyLength << 8) | in.readUnsignedByte();
      byte[] key = CacheCodec.readExactly(in, keyLength, TORN);
      int metaLength = in.readInt();
      if (metaLength < 0 || metaLength > (1 << 28)) {
        throw new IOException("corrupt pack record");
      }
      byte[] meta = CacheCodec.readExactly(in, metaLength, TORN);
      CRC32 crc = new CRC32();
      crc.update(key);
      crc.update(meta);
      if (in.readInt() != (int) crc.getValue()) {
        throw new IOException("pack record checksum mismatch");
      }
      String name = new String(key, StandardCharsets.UTF_8);
      return new RawRecord(name, wanted.test(name) ? meta : null, 2L + keyLength + 4 + metaLength + 4);
    }

    static byte[] encode(String key, byte[] meta) {
      byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
      CRC32 crc = new CRC32();
      crc.update(keyBytes);
      crc.update(meta);
      ByteBuffer record = ByteBuffer.allocate(2 + keyBytes.length + 4 + meta.length + 4);
      record.putShort((short) keyBytes.length).put(keyBytes).putInt(meta.length).put(meta).putInt((int) crc.getValue());
      return record.array();
    }
  }
}

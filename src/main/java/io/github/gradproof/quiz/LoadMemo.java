package io.github.gradproof.quiz;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The phases a long-running process (the live preview) has already loaded, so that a rebuild
 * parses and validates only the files that changed. A phase is remembered under its file's shown
 * path with the SHA-256 of the file's bytes and the languages it was read for; it is reused only
 * when all three are the same, so a reused phase is exactly what loading the file again would
 * give. Only files that loaded without any problem are remembered, with the question ids they
 * claimed: a remembered file whose ids another file now takes is validated again, so the
 * duplicate is reported as a fresh load reports it. Thread-safe.
 */
public final class LoadMemo {

  /**
   * A loaded file: its digest, what it was read for, its phase and the ids it claimed.
   *
   * @param digest the SHA-256 of the file's bytes ({@link #digest(byte[])})
   * @param languages the languages the file was read for
   * @param others the languages its texts may also have, which were skipped
   * @param phase the file's phase, returned as is by a load that finds the same bytes
   * @param ids the question ids the file claimed, in order
   * @param justRead whether the memo's maker vouches that the file holds these bytes for the very
   *     load that uses this memo: it read them for that load under the loader's rules
   *     ({@link QuizLoader#readQuizFile}), or found the file (a regular file, not a link) with the
   *     same status as when it last read them; the load then takes the phase without reading the
   *     file again (a memo made for one build)
   */
  public record Remembered(byte[] digest, List<String> languages, List<String> others, Phase phase,
      List<ClaimedId> ids, boolean justRead) {

    public Remembered {
      languages = List.copyOf(languages);
      others = List.copyOf(others);
      ids = List.copyOf(ids);
    }

    /** A file remembered by its digest only. */
    public Remembered(byte[] digest, List<String> languages, List<String> others, Phase phase, List<ClaimedId> ids) {
      this(digest, languages, others, phase, ids, false);
    }

    /** Whether {@code fileBytes} are the bytes remembered. */
    boolean holds(byte[] fileBytes) {
      return Arrays.equals(digest, LoadMemo.digest(fileBytes));
    }
  }

  private final Map<String, Remembered> byPath = new ConcurrentHashMap<>();

  /** The phase remembered for these bytes of this file, read for these languages, or {@code null}. */
  Remembered find(String displayPath, byte[] fileBytes, List<String> languages, List<String> others) {
    Remembered r = byPath.get(displayPath);
    return r != null && r.holds(fileBytes) && r.languages().equals(languages)
        && r.others().equals(others) ? r : null;
  }

  /**
   * The phase remembered for a file {@linkplain Remembered#justRead just read} for this load, read
   * for these languages, or {@code null}: the load takes it without reading the file.
   */
  Remembered justRead(String displayPath, List<String> languages, List<String> others) {
    Remembered r = byPath.get(displayPath);
    return r != null && r.justRead() && r.languages().equals(languages) && r.others().equals(others) ? r : null;
  }

  /** The file at {@code displayPath} as last remembered, or {@code null}. */
  public Remembered remembered(String displayPath) {
    return byPath.get(displayPath);
  }

  /**
   * Remembers a file: a load that finds these bytes of it, read for the same languages, takes
   * {@code remembered}'s phase as is and claims its ids without parsing the file.
   */
  public void remember(String displayPath, Remembered remembered) {
    byPath.put(displayPath, remembered);
  }

  /** Forgets every file not among {@code displayPaths} (files deleted since). */
  void retainOnly(Set<String> displayPaths) {
    byPath.keySet().retainAll(displayPaths);
  }

  /** Forgets every file. */
  public void clear() {
    byPath.clear();
  }

  /** How many files are remembered. */
  public int size() {
    return byPath.size();
  }

  /** The SHA-256 of {@code bytes}. */
  public static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}

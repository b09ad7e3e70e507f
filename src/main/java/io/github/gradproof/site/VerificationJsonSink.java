package io.github.gradproof.site;

import io.github.gradproof.render.VerificationJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code verification.json} while the phases are built: fragments arrive in any order
 * and are written in phase order as soon as all earlier ones are in, so only the few that
 * arrive early are held. A phase that fails offers nothing and is skipped (the build will fail
 * and the staging folder with this file is discarded).
 */
final class VerificationJsonSink implements AutoCloseable {
  private final OutputStream out;
  private final VerificationJson.Writer writer;
  private final byte[][] pending;
  private final boolean[] offered;
  private int cursor;

  VerificationJsonSink(Path file, int n) {
    try {
      this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      this.writer = new VerificationJson.Writer(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    this.pending = new byte[n][];
    this.offered = new boolean[n];
  }

  /**
   * The fragment of phase {@code i} in UTF-8; {@code null} when it has none (only the first offer
   * counts).
   */
  synchronized void offer(int i, byte[] fragment) {
    if (offered[i]) {
      return;
    }
    offered[i] = true;
    pending[i] = fragment;
    try {
      while (cursor < pending.length && offered[cursor]) {
        if (pending[cursor] != null) {
          writer.add(pending[cursor]);
          pending[cursor] = null;
        }
        cursor++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write verification.json", e);
    }
  }

  synchronized void finish() {
    try {
      writer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write verification.json", e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write verification.json", e);
    }
  }
}

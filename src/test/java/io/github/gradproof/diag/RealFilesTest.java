package io.github.gradproof.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules for reading a user's file, on their own: where, what kind, how much, what text. */
class RealFilesTest {

  @TempDir Path tmp;

  private static String refusal(Runnable read) {
    return assertThrows(DiagnosticException.class, read::run).getMessage();
  }

  @Test
  void textIsStrictUtf8WithoutControls() {
    assertEquals("a\tb\r\nc é", RealFiles.text("\uFEFFa\tb\r\nc é".getBytes(StandardCharsets.UTF_8), "t"));
    assertEquals("t:2:2: character U+0085 is not allowed in a text file; delete it (it is often an invisible control"
        + " character pasted from elsewhere)", refusal(() -> RealFiles.text("x\né\u0085".getBytes(StandardCharsets.UTF_8), "t")));
    assertEquals("t:1:2: character U+007F is not allowed in a text file; delete it (it is often an invisible control"
        + " character pasted from elsewhere)", refusal(() -> RealFiles.text(new byte[] {'x', 0x7F}, "t")));
    assertEquals("t:1:2: the file is not valid UTF-8: byte 0xA9 cannot start or continue a character here; save the"
        + " file as UTF-8", refusal(() -> RealFiles.text(new byte[] {(byte) 0xC3, (byte) 0xA9, (byte) 0xA9}, "t")));
  }

  @Test
  void readIsBoundedByTheLimitNotByTheReportedSize() throws IOException {
    assertEquals(10, RealFiles.read(Files.write(tmp.resolve("e"), new byte[10]), tmp, "e", 10, "(ten)", "cut it").length);
    Path file = Files.write(tmp.resolve("f"), new byte[11]);
    assertEquals("f:1:1: the file is 11 bytes, over the limit of 10 bytes (ten); cut it",
        refusal(() -> RealFiles.read(file, tmp, "f", 10, "(ten)", "cut it")));
  }

  @Test
  void aLinkOutOfTheFolderIsRefusedAndOneInsideIsFollowed() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("folder"));
    Path inside = Files.writeString(folder.resolve("real.txt"), "ok");
    Path outside = Files.writeString(tmp.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(folder.resolve("in"), inside.getFileName());
    Files.createSymbolicLink(folder.resolve("out"), outside);
    assertEquals(inside.toRealPath(), RealFiles.check(folder.resolve("in"), folder, "in"));
    assertEquals("out:1:1: the file is a symbolic link that leads outside its folder (folder/); gradproof reads only"
        + " files inside that folder, so replace the link with a copy of the file",
        refusal(() -> RealFiles.check(folder.resolve("out"), folder, "out")));
  }
}

package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorded digest is taken only for a file whose whole status is unchanged and had settled. */
class FileStampsTest {

  @TempDir Path dir;
  private Path quiz;
  private Path stampsFile;
  private final byte[] digest = {1, 2, 3};

  @BeforeEach
  void file() throws IOException {
    quiz = dir.resolve("phase-01-a.yaml");
    Files.writeString(quiz, "phase: 1\n", StandardCharsets.UTF_8);
    stampsFile = dir.resolve("cache/quiz-files.stamps");
    assumeTrue(FileStamps.status(quiz) != null, "a file system without change times and inodes keeps no stamps");
  }

  /** Records the quiz file as read by a build that started {@code afterChange} ns after its change time. */
  private void record(long afterChange) {
    FileStamps.Stamp status = FileStamps.status(quiz);
    assertNotNull(status);
    FileStamps stamps = FileStamps.open(stampsFile, status.changedNanos() + afterChange);
    stamps.read("data/phase-01-a.yaml", status, digest);
    stamps.save();
  }

  private byte[] recordedNow() {
    return FileStamps.open(stampsFile).unchangedDigest("data/phase-01-a.yaml", FileStamps.status(quiz));
  }

  @Test
  void aSettledUnchangedFileGivesItsDigest() {
    record(FileStamps.SETTLED + 1);
    assertArrayEquals(digest, recordedNow());
  }

  @Test
  void aFileChangedInTheTickBeforeTheRecordingBuildIsReadAgain() {
    record(FileStamps.SETTLED); // not more than SETTLED: an edit in the same tick could follow unseen
    assertNull(recordedNow());
  }

  @Test
  void anEditThatKeepsTheSizeAndTheModificationTimeIsSeen() throws IOException {
    record(FileStamps.SETTLED + 1);
    FileTime modified = Files.getLastModifiedTime(quiz);
    Files.writeString(quiz, "phase: 2\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(quiz, modified); // as touch -r would; the change time still moves
    assertNull(recordedNow());
  }

  @Test
  void aFileReplacedByAnotherOfTheSameSizeAndTimesIsSeen() throws IOException {
    record(FileStamps.SETTLED + 1);
    FileTime modified = Files.getLastModifiedTime(quiz);
    Path other = dir.resolve("other.yaml");
    Files.writeString(other, "phase: 3\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(other, modified);
    Files.move(other, quiz, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertNull(recordedNow(), "another inode");
  }

  @Test
  void aLinkHasNoStatusSoItIsAlwaysRead() throws IOException {
    Path link = dir.resolve("phase-02-b.yaml");
    Files.createSymbolicLink(link, quiz);
    assertNull(FileStamps.status(link));
  }

  @Test
  void aStampsFileThatCannotBeReadIsNoStamps() throws IOException {
    record(FileStamps.SETTLED + 1);
    byte[] bytes = Files.readAllBytes(stampsFile);
    Files.write(stampsFile, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    assertNull(recordedNow());
  }
}

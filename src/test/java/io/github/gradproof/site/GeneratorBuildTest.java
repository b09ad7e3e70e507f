package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gradproof.quiz.LoadMemo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's build: a jar is known by its SHA-256, remembered in the cache's stamps while the
 * jar's status is unchanged and settled (the rules of {@link FileStamps}); a class folder is hashed
 * file by file; the libraries count by file name.
 */
class GeneratorBuildTest {

  @TempDir Path dir;
  private Path jar;
  private Path stampsFile;
  private final List<Path> libraries = List.of(Path.of("/repo/pebble-4.0.0.jar"));

  @BeforeEach
  void writeJar() throws IOException {
    jar = dir.resolve("gradproof-site-maven-plugin-1.0.jar");
    Files.writeString(jar, "the plugin's classes, version 1", StandardCharsets.UTF_8);
    stampsFile = dir.resolve("cache").resolve(BuildCache.GENERATOR_STAMPS);
    Files.createDirectories(stampsFile.getParent());
    assumeTrue(FileStamps.status(jar) != null, "a file system without change times and inodes keeps no stamps");
  }

  /** Stamps for a build that starts long enough after the jar's last change for its stamp to be believed. */
  private FileStamps settledStamps() {
    return FileStamps.open(stampsFile, FileStamps.status(jar).changedNanos() + FileStamps.SETTLED + 1);
  }

  private byte[] remembered() {
    return FileStamps.open(stampsFile).unchangedDigest(jar.toAbsolutePath().normalize().toString(),
        FileStamps.status(jar));
  }

  @Test
  void aJarGivesTheSameBuildReadOrRemembered() throws IOException {
    String read = BuildCache.generatorBuild(jar, libraries, null);
    assertEquals(read, BuildCache.generatorBuild(jar, libraries, settledStamps()), "read, and its stamp recorded");
    assertArrayEquals(LoadMemo.digest(Files.readAllBytes(jar)), remembered(), "the stamp holds the jar's digest");
    assertEquals(read, BuildCache.generatorBuild(jar, libraries, settledStamps()), "from the stamp");
  }

  @Test
  void aStampRecordedBeforeTheJarSettledIsNotBelieved() {
    BuildCache.generatorBuild(jar, libraries, FileStamps.open(stampsFile, FileStamps.status(jar).changedNanos()));
    assertNull(remembered(), "a jar written in the same moments as the build is read again");
  }

  @Test
  void aJarChangedBehindItsRecordedStampChangesTheBuild() throws IOException {
    String before = BuildCache.generatorBuild(jar, libraries, settledStamps());
    assertNotNull(remembered());
    FileTime modified = Files.getLastModifiedTime(jar);
    Files.writeString(jar, "the plugin's classes, version 2", StandardCharsets.UTF_8); // the same size
    Files.setLastModifiedTime(jar, modified); // and the same modification time: the change time moves
    assertNotEquals(before, BuildCache.generatorBuild(jar, libraries, settledStamps()));
    assertEquals(BuildCache.generatorBuild(jar, libraries, null), BuildCache.generatorBuild(jar, libraries, null));
  }

  @Test
  void aClassFolderIsHashedFileByFile() throws IOException {
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes.resolve("io"));
    Files.writeString(classes.resolve("io/A.class"), "a", StandardCharsets.UTF_8);
    String before = BuildCache.generatorBuild(classes, libraries, settledStamps());
    assertEquals(before, BuildCache.generatorBuild(classes, libraries, null));
    Files.writeString(classes.resolve("io/A.class"), "b", StandardCharsets.UTF_8);
    assertNotEquals(before, BuildCache.generatorBuild(classes, libraries, null));
  }

  @Test
  void theLibrariesCountByFileName() {
    String build = BuildCache.generatorBuild(jar, libraries, null);
    assertNotEquals(build, BuildCache.generatorBuild(jar, List.of(Path.of("/repo/pebble-4.0.1.jar")), null));
    assertEquals(build, BuildCache.generatorBuild(jar, List.of(Path.of("/elsewhere/pebble-4.0.0.jar")), null));
  }
}

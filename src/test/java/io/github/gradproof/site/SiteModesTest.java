package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gradproof.SampleQuiz;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published site has the modes of any new file and folder under the process's umask (not a
 * temporary folder's private 700), so a web server's user can read it.
 */
class SiteModesTest {

  private static final Path TEMPLATES = Path.of("templates").toAbsolutePath();

  @TempDir Path project;

  @Test
  void folderAndFilesHaveTheModesOfNewOnes() throws IOException {
    SiteConfig config = new SiteConfig(project, Path.of("data"), TEMPLATES, Path.of("site"), List.of("en", "es"));
    TestPipeline.generator(config, List.of(SampleQuiz.phase("Modes")), SampleQuiz::result).generate();
    String folder = modes(Files.createDirectory(project.resolve("probe-folder")));
    String file = modes(Files.writeString(project.resolve("probe-file"), "x"));
    Map<String, String> expected = new TreeMap<>();
    Map<String, String> actual = new TreeMap<>();
    for (Map.Entry<String, String> entry : modesOf(project.resolve("site")).entrySet()) {
      actual.put(entry.getKey(), entry.getValue());
      expected.put(entry.getKey(), entry.getKey().endsWith("/") ? folder : file);
    }
    assertEquals(expected, actual);
  }

  @Test
  void theUmaskOfTheBuildIsRespected() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = "umask 027 && exec '" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
        + LongBuildMain.class.getName() + " '" + project + "' 2 '" + TEMPLATES + "'";
    Process child = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true)
        .redirectOutput(project.resolve("child.log").toFile()).start();
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child build finished");
    assertEquals(0, child.exitValue(), Files.readString(project.resolve("child.log")));
    Map<String, String> modes = modesOf(project.resolve("site"));
    assertTrue(modes.size() > 10, modes.toString());
    modes.forEach((path, mode) -> assertEquals(path.endsWith("/") ? "rwxr-x---" : "rw-r-----", mode, path));
  }

  /** Every entry of the tree (folders with a trailing slash, the root as {@code /}) and its modes. */
  private static Map<String, String> modesOf(Path root) throws IOException {
    Map<String, String> modes = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path entry : walk.toList()) {
        String name = root.relativize(entry).toString().replace(File.separatorChar, '/');
        modes.put(Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? name + "/" : name, modes(entry));
      }
    }
    return modes;
  }

  private static String modes(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
  }
}

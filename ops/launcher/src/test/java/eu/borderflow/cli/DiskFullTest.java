package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.borderflow.dataset.DatasetManifest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk a command writes to fills up (a 1 MB tmpfs): generate and a bounded run say so in one line and exit 1,
 * instead of "internal error" and a stack trace, and generate leaves no manifest describing files it did not finish.
 */
class DiskFullTest {

    private static final String MESSAGE =
            ": out of disk space (No space left on device): what it was writing is incomplete; free space (df -h) and"
                    + " run it again";

    @TempDir
    Path dir;

    private Path small;

    @BeforeEach
    void mount() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small file system needs root");
        small = Files.createDirectories(dir.resolve("small"));
        run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small.toString());
    }

    @AfterEach
    void unmount() throws Exception {
        if (small != null) {
            // Lazily: the failed job's file writers, in this JVM, may still hold their files open.
            run("umount", "--lazy", small.toString());
        }
    }

    @Test
    void generateSaysTheDiskIsFullAndLeavesNoManifestOfOtherFiles() throws Exception {
        Path out = Files.createDirectories(small.resolve("world"));
        Files.writeString(out.resolve(DatasetManifest.FILE), "{\"sha256\":{}}");

        TestFiles.Run generate =
                TestFiles.run("generate", "--travellers", "3000", "--days", "40", "--quiet", "--out", out.toString());

        assertEquals(1, generate.exitCode(), generate.out() + generate.err());
        assertEquals("generate" + MESSAGE, generate.err().strip());
        assertFalse(Files.exists(out.resolve(DatasetManifest.FILE)), "a manifest of the files before");
    }

    @Test
    void aBoundedRunSaysTheDiskIsFull() throws Exception {
        Path world = dir.resolve("world");
        TestFiles.Run made = TestFiles.run(
                "generate", "--seed", "4", "--travellers", "300", "--days", "10", "--quiet", "--out", world.toString());
        assertEquals(0, made.exitCode(), made.err());
        fill(small.resolve("filler"));

        TestFiles.Run run = TestFiles.run("run", "risk", "--in", world.toString(), "--out", small.toString());

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().strip().endsWith("run" + MESSAGE), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    /** Writes {@code file} until the file system has no byte left. */
    private static void fill(Path file) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertTrue(String.valueOf(full.getMessage()).contains("No space left"), full.toString());
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + out);
    }
}

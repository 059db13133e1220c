package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.borderflow.dataset.DatasetManifest;
import java.nio.file.Files;
import java.nio.file.Path;
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
        SmallFileSystem.mount(small, "1m");
    }

    @AfterEach
    void unmount() throws Exception {
        if (small != null) {
            SmallFileSystem.unmount(small);
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
        Path world = TestFiles.world(dir.resolve("world"), 4, 300, 10);
        SmallFileSystem.fill(small.resolve("filler"));

        TestFiles.Run run = TestFiles.run("run", "risk", "--in", world.toString(), "--out", small.toString());

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().strip().endsWith("run" + MESSAGE), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }
}

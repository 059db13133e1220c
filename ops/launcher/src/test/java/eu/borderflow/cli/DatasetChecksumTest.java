package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated dataset whose file changed by one byte after it was written (a copy gone wrong) is refused before
 * anything reads it. The files are Avro without a codec: the digit changed here decodes without an error into another
 * value, so only the manifest's checksum tells.
 */
class DatasetChecksumTest {

    @TempDir
    static Path generated;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        TestFiles.world(generated, 8, 100, 3);
    }

    @Test
    void anUntouchedDatasetRuns() throws Exception {
        Path world = copy();

        TestFiles.Run run = TestFiles.run(
                "run",
                "risk",
                "--in",
                world.toString(),
                "--out",
                dir.resolve("out").toString());

        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void runRiskAndRunPictureRefuseAChangedCrossingsFile() throws Exception {
        Path world = copy();
        changeOneDigit(world.resolve("crossings.avro"));

        for (String job : new String[] {"risk", "picture"}) {
            TestFiles.Run run = TestFiles.run(
                    "run",
                    job,
                    "--in",
                    world.toString(),
                    "--out",
                    dir.resolve("out-" + job).toString());

            assertEquals(2, run.exitCode(), job + ": " + run.out() + run.err());
            assertRefusal(run.err(), world.resolve("crossings.avro"));
            assertFalse(Files.exists(dir.resolve("out-" + job).resolve("flags.avro")), job);
        }
    }

    @Test
    void replayRefusesBeforeItSendsAnything() throws Exception {
        Path world = copy();
        changeOneDigit(world.resolve("alerts.avro"));

        TestFiles.Run replay = TestFiles.run("replay", "--in", world.toString(), "--bootstrap", "127.0.0.1:1", "--max");

        assertEquals(2, replay.exitCode(), replay.out() + replay.err());
        assertRefusal(replay.err(), world.resolve("alerts.avro"));
    }

    @Test
    void evaluateRefusesAChangedGroundTruth() throws Exception {
        Path world = copy();
        changeOneDigit(world.resolve("ground-truth.avro"));

        TestFiles.Run evaluate = TestFiles.run(
                "evaluate",
                "--truth",
                world.toString(),
                "--flags",
                dir.resolve("no-flags.avro").toString());

        assertEquals(2, evaluate.exitCode(), evaluate.out() + evaluate.err());
        assertRefusal(evaluate.err(), world.resolve("ground-truth.avro"));
    }

    private static void assertRefusal(String err, Path file) {
        assertTrue(err.contains(file + " is not the file that was generated"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    /** A copy of the generated dataset (its files only: it has no folders). */
    private Path copy() throws Exception {
        Path world = Files.createDirectories(dir.resolve("world"));
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.toList()) {
                Files.copy(file, world.resolve(file.getFileName()));
            }
        }
        return world;
    }

    /** Turns one ASCII digit past the middle of the file into the next digit: the record still decodes. */
    private static void changeOneDigit(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int at = Stream.iterate(bytes.length / 2, i -> i < bytes.length, i -> i + 1)
                .filter(i -> bytes[i] >= '0' && bytes[i] < '9')
                .findFirst()
                .orElseThrow();
        bytes[at]++;
        Files.write(file, bytes);
    }
}

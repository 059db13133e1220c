package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run picture} as a user types it: generate a world long enough for R11's planted surges and near-misses, run
 * the bounded picture job over it with the flags of a bounded risk run, and score R11 with {@code evaluate}.
 */
class RunPictureCommandTest {

    @TempDir
    Path dir;

    @Test
    void generateRunPictureAndEvaluateR11() throws Exception {
        Path world = dir.resolve("world");
        TestFiles.Run generated = TestFiles.run(
                "generate",
                "--seed",
                "5",
                "--travellers",
                "100",
                "--days",
                "36",
                "--start",
                "2025-03-03",
                "--out",
                world.toString());
        assertEquals(0, generated.exitCode(), generated.err());
        Path risk = dir.resolve("risk");
        TestFiles.Run flagged =
                TestFiles.run("run", "risk", "--in", world.toString(), "--out", risk.toString(), "--parallelism", "1");
        assertEquals(0, flagged.exitCode(), flagged.err());

        Path out = dir.resolve("picture");
        TestFiles.Run run = TestFiles.run(
                "run",
                "picture",
                "--in",
                world.toString(),
                "--out",
                out.toString(),
                "--flags",
                risk.toString(),
                "--parallelism",
                "2");
        assertEquals(0, run.exitCode(), run.err());
        TestFiles.Run overwrite = TestFiles.run(
                "run", "picture", "--in", world.toString(), "--out", risk.toString(), "--flags", risk.toString());
        assertEquals(2, overwrite.exitCode(), overwrite.err());
        assertTrue(overwrite.err().contains("holds the --flags input"), overwrite.err());
        TestFiles.Run notFlags = TestFiles.run(
                "run",
                "picture",
                "--in",
                world.toString(),
                "--out",
                dir.resolve("other").toString(),
                "--flags",
                world.resolve("crossings.avro").toString());
        assertEquals(2, notFlags.exitCode(), notFlags.err());
        assertTrue(notFlags.err().contains("holds BorderCrossing records, not RiskFlag records"), notFlags.err());
        for (String file : List.of("picture.avro", "flags.avro", "deadletters.avro")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("picture: ") && l.contains(" sections")), run.out());
        assertTrue(run.out().contains("dead letters: 0"), run.out());
        assertTrue(
                run.out().lines().anyMatch(l -> l.matches("R11: [1-9]\\d* flags suggesting a review .*")), run.out());

        TestFiles.Run scored = TestFiles.run(
                "evaluate",
                "--truth",
                world.toString(),
                "--flags",
                out.toString(),
                "--rules",
                "R11",
                "--min-precision",
                "1",
                "--min-recall",
                "1");
        assertEquals(0, scored.exitCode(), scored.out() + scored.err());
        assertTrue(scored.out().contains("R11"), scored.out());
    }

    @Test
    void badArgumentsExitTwoWithAMessage() throws Exception {
        Path dataset = Files.createDirectories(dir.resolve("dataset"));
        Files.writeString(dataset.resolve("crossings.avro"), "");

        TestFiles.Run noIncidents = TestFiles.run(
                "run",
                "picture",
                "--in",
                dataset.toString(),
                "--out",
                dir.resolve("out").toString());
        assertEquals(2, noIncidents.exitCode());
        assertTrue(noIncidents.err().contains("incidents.avro"), noIncidents.err());

        Files.writeString(dataset.resolve("incidents.avro"), "");
        TestFiles.Run noFlags = TestFiles.run(
                "run",
                "picture",
                "--in",
                dataset.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--flags",
                dir.resolve("nope").toString());
        assertEquals(2, noFlags.exitCode());
        assertTrue(noFlags.err().contains("--flags"), noFlags.err());
        assertFalse(noFlags.err().contains("\tat "), noFlags.err());

        TestFiles.Run flagsOnRisk = TestFiles.run(
                "run",
                "risk",
                "--in",
                dataset.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--flags",
                dataset.toString());
        assertEquals(2, flagsOnRisk.exitCode());
        assertTrue(flagsOnRisk.err().contains("--flags is for a bounded picture run"), flagsOnRisk.err());
        assertEquals(
                2,
                TestFiles.run("run", "picture", "--flags", dataset.toString()).exitCode());
    }
}

package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate} through the launcher's command line, as a user runs it. */
class GenerateCommandTest {

    @Test
    void helpListsTheOptions() {
        TestFiles.Run r = TestFiles.run("generate", "--help");
        assertEquals(0, r.exitCode());
        for (String option : new String[] {"--seed", "--travellers", "--days", "--start", "--out"}) {
            assertTrue(r.out().contains(option), option);
        }
    }

    @Test
    void writesADatasetWithManifest(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("world");
        TestFiles.Run r = TestFiles.run(
                "generate", "--seed", "3", "--travellers", "300", "--days", "21", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("100%"), "progress bar on stderr");
        JsonNode manifest =
                new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(3, manifest.path("arguments").path("seed").asInt());
        assertEquals(21, manifest.path("arguments").path("days").asInt());
        assertTrue(manifest.path("records").path("crossings.avro").asLong() > 0);
        assertEquals(
                0,
                manifest.path("ground_truth")
                        .path("rules")
                        .path("R11")
                        .path("scenario_instances")
                        .asInt(),
                "R11 needs at least 35 days");
        assertFalse(manifest.path("ground_truth").path("skipped").isEmpty());
        for (String f :
                new String[] {"crossings.avro", "alerts.avro", "incidents.avro", "ground-truth.avro", "ground-truth.csv"
                }) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
            assertEquals(64, manifest.path("sha256").path(f).asText().length(), f);
        }
    }

    @Test
    void badArgumentsExitTwoWithOneLine(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        String[][] cases = {
            {"generate", "--days", "0", "--out", tmp.toString()},
            {"generate", "--travellers", "0", "--out", tmp.toString()},
            {"generate", "--start", "2025-02-30", "--out", tmp.toString()},
            {"generate", "--out", file.toString()},
            {"generate", "--days", "many", "--out", tmp.toString()},
            {"generate", "--out", ""},
            {"generate", "--start", "1999-12-31", "--out", tmp.toString()},
            {"generate", "--start", "2099-12-01", "--days", "10", "--out", tmp.toString()},
            {"generate", "--start", "+999999999-01-01", "--out", tmp.toString()},
            {"generate"}
        };
        for (String[] args : cases) {
            TestFiles.Run r = TestFiles.run(args);
            assertEquals(ExitCodes.USAGE, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        }
    }
}

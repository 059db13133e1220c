package eu.borderflow.cli;

import static eu.borderflow.tools.testing.TestFlags.expected;
import static eu.borderflow.tools.testing.TestFlags.flag;
import static eu.borderflow.tools.testing.TestFlags.nearMiss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderflow.schema.FlagStatus;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.RiskFlag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    @TempDir
    Path dir;

    private Path dataset;
    private Path run;

    /** R3: one hit (revised), one withdrawn (a miss), one near-miss hit; R1: one hit. */
    @BeforeEach
    void writeFiles() throws Exception {
        dataset = Files.createDirectories(dir.resolve("dataset"));
        run = Files.createDirectories(dir.resolve("run"));
        TestFiles.write(
                GroundTruthEntry.class,
                dataset.resolve("ground-truth.avro"),
                List.of(
                        expected("S1", "R3", "e1", "tA"),
                        expected("S2", "R3", "e2", "tB"),
                        nearMiss("S3", "R3", "e3", "tC"),
                        expected("S4", "R1", "e4", "tD")));
        TestFiles.write(
                RiskFlag.class,
                run.resolve("flags.avro"),
                List.of(
                        flag("R3", "e1", 0, FlagStatus.RAISED, "tA"),
                        flag("R3", "e1", 1, FlagStatus.REVISED, "tA"),
                        flag("R3", "e2", 0, FlagStatus.RAISED, "tB"),
                        flag("R3", "e2", 1, FlagStatus.WITHDRAWN, "tB"),
                        flag("R3", "e3", 0, FlagStatus.RAISED, "tC"),
                        flag("R1", "e4", 0, FlagStatus.RAISED, "tD")));
    }

    @Test
    void printsATablePerRuleThenMissesAndFalseAlarms() {
        TestFiles.Run result = TestFiles.run("evaluate", "--truth", dataset.toString(), "--flags", run.toString());

        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(
                List.of("R1", "1", "0", "0", "1.000", "1.000"),
                List.of(lines.get(1).trim().split("\\s+")));
        assertEquals(
                List.of("R3", "1", "1", "1", "0.500", "0.500"),
                List.of(lines.get(2).trim().split("\\s+")));
        assertEquals(
                List.of("overall", "2", "1", "1", "0.667", "0.667"),
                List.of(lines.get(3).trim().split("\\s+")));
        assertTrue(result.out().contains("R3 e2 (scenario S2, family R3/test)"), result.out());
        assertTrue(result.out().contains("R3/test"), result.out());
        assertTrue(result.out().contains("R3:e3 NEAR_MISS"), result.out());
    }

    @Test
    void belowTheThresholdsExitsOne() {
        TestFiles.Run result = TestFiles.run(
                "evaluate",
                "--truth",
                dataset.toString(),
                "--flags",
                run.resolve("flags.avro").toString(),
                "--min-recall",
                "0.9");

        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("R3 recall 0.500 < 0.900"), result.err());
        assertTrue(result.err().contains("overall recall 0.667 < 0.900"), result.err());
        assertFalse(result.err().contains("R1 recall"), result.err());
    }

    @Test
    void jsonReportCarriesTheSameNumbers() throws Exception {
        TestFiles.Run result = TestFiles.run(
                "evaluate",
                "--truth",
                dataset.toString(),
                "--flags",
                run.toString(),
                "--json",
                "--min-precision",
                "0.6");

        assertEquals(1, result.exitCode());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals(2, json.at("/overall/tp").asInt());
        assertEquals(1, json.at("/overall/fp").asInt());
        assertEquals("R3", json.at("/rules/1/rule").asText());
        assertEquals(0.5, json.at("/rules/1/precision").asDouble());
        assertEquals("e2", json.at("/misses/0/triggerEventId").asText());
        assertFalse(json.at("/passed").asBoolean());
    }

    @Test
    void badInputExitsTwoWithAMessage() throws Exception {
        TestFiles.Run noTruth =
                TestFiles.run("evaluate", "--truth", dir.resolve("nope").toString(), "--flags", run.toString());
        assertEquals(2, noTruth.exitCode());
        assertTrue(noTruth.err().contains("no such file"), noTruth.err());
        assertFalse(noTruth.err().contains("\tat "), noTruth.err());

        assertEquals(
                2,
                TestFiles.run(
                                "evaluate",
                                "--truth",
                                dataset.toString(),
                                "--flags",
                                run.toString(),
                                "--min-precision",
                                "1.5")
                        .exitCode());
        assertEquals(2, TestFiles.run("evaluate", "--truth", dataset.toString()).exitCode());
        TestFiles.Run noRule =
                TestFiles.run("evaluate", "--truth", dataset.toString(), "--flags", run.toString(), "--rules", ",,");
        assertEquals(2, noRule.exitCode(), noRule.out());
        assertTrue(noRule.err().contains("--rules names no rule"), noRule.err());

        Files.writeString(run.resolve("flags.avro"), "garbage");
        assertEquals(
                2,
                TestFiles.run("evaluate", "--truth", dataset.toString(), "--flags", run.toString())
                        .exitCode());
    }

    @Test
    void aRuleNeitherTheTruthNorTheFlagsKnowIsRefused() {
        TestFiles.Run result = TestFiles.run(
                "evaluate", "--truth", dataset.toString(), "--flags", run.toString(), "--rules", "R1,R3,R99");
        assertEquals(2, result.exitCode(), result.out());
        assertEquals(
                "evaluate: --rules: R99 appears neither in the ground truth nor among the flags (they know R1,R3)",
                result.err().strip());
        assertEquals("", result.out());
    }

    /** The flags of one job, scored against a world that also plants another job's rule. */
    @Test
    void aRuleWithNoFlagAtAllIsPointedOut() throws Exception {
        TestFiles.write(
                GroundTruthEntry.class,
                dataset.resolve("ground-truth.avro"),
                List.of(expected("S1", "R3", "e1", "tA"), expected("S5", "R11", "w1", "tW")));
        TestFiles.Run result = TestFiles.run("evaluate", "--truth", dataset.toString(), "--flags", run.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("evaluate: no R11 flag among the flags read"), result.err());
        assertFalse(result.err().contains("no R3 flag"), result.err());

        TestFiles.Run scoped =
                TestFiles.run("evaluate", "--truth", dataset.toString(), "--flags", run.toString(), "--rules", "R3");
        assertEquals("", scoped.err());
    }

    /** Generated with one BORDERFLOW_TOKEN_KEY, flagged with another: tokens name their key. */
    @Test
    void flagsPseudonymisedWithAnotherKeyThanTheWorldAreRefused() throws Exception {
        TestFiles.write(
                GroundTruthEntry.class,
                dataset.resolve("ground-truth.avro"),
                List.of(
                        expected("S1", "R3", "e1", "k111111111111:F:a"),
                        expected("S4", "R1", "e4", "k111111111111:D:b")));
        TestFiles.write(
                RiskFlag.class,
                run.resolve("flags.avro"),
                List.of(flag("R3", "e1", 0, FlagStatus.RAISED, "k222222222222:F:a")));
        TestFiles.Run result = TestFiles.run("evaluate", "--truth", dataset.toString(), "--flags", run.toString());
        assertEquals(2, result.exitCode(), result.err());
        assertEquals(
                "evaluate: the flags' tokens are of key k222222222222, the world's of key k111111111111: run the job"
                        + " with the BORDERFLOW_TOKEN_KEY the world was generated with",
                result.err().strip());

        TestFiles.write(
                RiskFlag.class,
                run.resolve("flags.avro"),
                List.of(flag("R3", "e1", 0, FlagStatus.RAISED, "k111111111111:F:a")));
        TestFiles.Run sameKey = TestFiles.run("evaluate", "--truth", dataset.toString(), "--flags", run.toString());
        assertEquals(0, sameKey.exitCode(), sameKey.err());
    }
}

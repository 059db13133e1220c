package eu.borderflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.risk.flag.Flags;
import eu.borderflow.risk.rules.RuleDescriptor;
import eu.borderflow.schema.FindingKind;
import eu.borderflow.schema.RiskFlag;
import eu.borderflow.schema.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlagsCommandTest {

    private static final Instant T0 = Instant.parse("2025-02-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void countsPerRuleAndPrintsTheNewestFirst() throws Exception {
        Path file = dir.resolve("flags.avro");
        TestFiles.write(
                RiskFlag.class,
                file,
                List.of(
                        flag("R3", "old", T0, "overstay of 4 days"),
                        flag("R1", "new", T0.plusSeconds(3600), "document reported stolen"),
                        flag("R3", "mid", T0.plusSeconds(60), "overstay of 2 days")));
        TestFiles.Run run = TestFiles.run("flags", "--from", dir.toString(), "--last", "2");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("3 flag records; per rule: {R1=1, R3=2}", lines[0]);
        assertTrue(lines[1].contains("R1") && lines[2].contains("document reported stolen"), run.out());
        assertTrue(lines[3].contains("R3") && lines[4].contains("overstay of 2 days"), run.out());
        assertFalse(run.out().contains("overstay of 4 days"), "--last 2 prints two flags");
    }

    @Test
    void kafkaClientSettingsAreReadOnlyForATopic() throws Exception {
        TestFiles.write(RiskFlag.class, dir.resolve("flags.avro"), List.of(flag("R3", "a", T0, "overstay of 1 day")));
        String missing = dir.resolve("no-client.properties").toString();
        TestFiles.Run files = TestFiles.run("flags", "--from", dir.toString(), "--kafka-config", missing);
        assertEquals(0, files.exitCode(), files.err());
        TestFiles.Run topic =
                TestFiles.run("flags", "--from", "risk.flags", "--bootstrap", "127.0.0.1:1", "--kafka-config", missing);
        assertEquals(2, topic.exitCode(), topic.err());
        assertTrue(topic.err().contains("--kafka-config " + missing + " is not a file"), topic.err());
    }

    @Test
    void aMissingFileIsAUserError() {
        TestFiles.Run run = TestFiles.run("flags", "--from", dir.resolve("nope").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no such file"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        TestFiles.Run topic = TestFiles.run("flags", "--from", "risk.flags");
        assertEquals(2, topic.exitCode());
        assertTrue(topic.err().contains("to read the topic risk.flags, add --bootstrap HOST:PORT"), topic.err());
    }

    private static RiskFlag flag(String rule, String trigger, Instant at, String explanation) {
        RuleDescriptor rule1 = new RuleDescriptor(rule, "1.0.0", FindingKind.RISK, Set.of("event_time", "event_id"));
        return Flags.raise(rule1, trigger)
                .subject("tok-" + trigger + "-0123456789", "k1")
                .at(at, "FRA-A-CDG", "AIR-FRA")
                .assess(Severity.MEDIUM, "refer to second line")
                .explain(explanation, List.of(), List.of(trigger))
                .keepUntil(LocalDate.of(2028, 2, 1))
                .build();
    }
}

package eu.borderflow.seeds.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderflow.dataset.DatasetManifest;
import eu.borderflow.rules.RuleIds;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.seeds.testkit.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ground-truth files' contract, on the demo's default world: both files list the same entries in one order (by
 * rule; within a rule the scenarios' entries in {@link GroundTruthFiles#ORDER}, then the background's in the order
 * their crossings happened), and the manifest counts what the files hold.
 */
class GroundTruthFilesTest {

    private final Dataset data = Dataset.demo();

    @Test
    void entriesComeByRuleScenariosFirstThenBackgroundInCrossingOrder() {
        List<GroundTruthEntry> truth = data.truth;
        Map<String, Instant> eventTimes = new HashMap<>();
        data.crossings.forEach(c -> eventTimes.put(c.getEventId(), c.getEventTime()));
        assertTrue(truth.stream().anyMatch(GroundTruthFilesTest::background), "the demo world has background truth");
        for (int i = 1; i < truth.size(); i++) {
            GroundTruthEntry a = truth.get(i - 1);
            GroundTruthEntry b = truth.get(i);
            String where = "entries " + (i - 1) + " and " + i + ": " + a.getScenarioId() + ", " + b.getScenarioId();
            int byRule = Integer.compare(RuleIds.number(a.getRuleId()), RuleIds.number(b.getRuleId()));
            assertTrue(byRule <= 0, where);
            if (byRule < 0) {
                continue;
            }
            if (!background(a)) {
                assertTrue(background(b) || GroundTruthFiles.ORDER.compare(a, b) <= 0, where);
            } else {
                assertTrue(background(b), "a scenario entry after the background's of its rule: " + where);
                assertTrue(
                        !eventTimes.get(a.getTriggerEventId()).isAfter(eventTimes.get(b.getTriggerEventId())), where);
            }
        }
    }

    @Test
    void csvListsTheAvroEntriesInTheSameOrder() throws IOException {
        List<String> lines = Files.readAllLines(data.dir.resolve(Generator.GROUND_TRUTH_CSV));
        assertEquals(data.truth.size() + 1, lines.size());
        for (int i = 0; i < data.truth.size(); i++) {
            GroundTruthEntry e = data.truth.get(i);
            String line = lines.get(i + 1);
            String start = '"' + e.getScenarioId() + "\"," + e.getKind() + ',' + e.getRuleId() + ",\""
                    + e.getSubjectToken() + "\",\"" + e.getTriggerEventId() + '"';
            assertTrue(line.startsWith(start), "line " + (i + 2) + ": " + line + " is not " + start);
        }
    }

    @Test
    void manifestCountsTheEntriesOfTheFiles() throws IOException {
        JsonNode manifest = new ObjectMapper()
                .readTree(data.dir.resolve(DatasetManifest.FILE).toFile());
        assertEquals(
                data.truth.size(),
                manifest.path("records").path(Generator.GROUND_TRUTH).asLong());
        Map<String, long[]> byFamily = new HashMap<>();
        for (GroundTruthEntry e : data.truth) {
            byFamily.computeIfAbsent(e.getFamily(), f -> new long[2])[
                    e.getKind() == GroundTruthKind.EXPECTED_FLAG ? 0 : 1]++;
        }
        JsonNode families = manifest.path("ground_truth").path("families");
        assertEquals(byFamily.size(), families.size());
        byFamily.forEach((family, n) -> {
            assertEquals(n[0], families.path(family).path("expected_flags").asLong(), family);
            assertEquals(n[1], families.path(family).path("near_misses").asLong(), family);
        });
    }

    private static boolean background(GroundTruthEntry e) {
        return e.getScenarioId().startsWith("background/");
    }
}

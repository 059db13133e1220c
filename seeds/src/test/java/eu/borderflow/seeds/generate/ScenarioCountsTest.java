package eu.borderflow.seeds.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.seeds.scenario.Family;
import eu.borderflow.seeds.scenario.Scenario;
import eu.borderflow.seeds.scenario.ScenarioCatalog;
import eu.borderflow.seeds.testkit.Dataset;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Enough instances: on the demo's default world every rule R1-R10 has at least 20 planted flags and 20 near-misses
 * from its scenarios, every scenario family is planted; and planting scales to large worlds.
 */
class ScenarioCountsTest {

    private static final int MIN = 20;

    @Test
    void everyRuleHasTwentyFlagsAndTwentyNearMissesOnTheDemoWorld() {
        Map<String, int[]> byRule = new HashMap<>();
        for (GroundTruthEntry g : Dataset.demo().truth) {
            if (!g.getFamily().startsWith("background/")) {
                byRule.computeIfAbsent(g.getRuleId(), k -> new int[2])[
                        g.getKind() == GroundTruthKind.EXPECTED_FLAG ? 0 : 1]++;
            }
        }
        StringBuilder few = new StringBuilder();
        for (int r = 1; r <= 10; r++) {
            int[] n = byRule.getOrDefault("R" + r, new int[2]);
            if (n[0] < MIN || n[1] < MIN) {
                few.append("R")
                        .append(r)
                        .append(": ")
                        .append(n[0])
                        .append(" flags, ")
                        .append(n[1])
                        .append(" near-misses; ");
            }
        }
        assertEquals("", few.toString());
    }

    @Test
    void everyFamilyIsPlantedWithAFlagOrANearMiss() {
        Set<String> planted = new HashSet<>();
        Dataset.demo().truth.forEach(g -> planted.add(g.getFamily()));
        Set<String> missing = new TreeSet<>();
        for (Scenario s : ScenarioCatalog.all()) {
            for (Family f : s.families()) {
                if (!planted.contains(f.id())) {
                    missing.add(f.id());
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    /** A million travellers plant the most instances per rule, with the names, alerts and truth they need. */
    @Test
    void aMillionTravellersPlantEveryRule() {
        Generator.Planned plan = Generator.plan(
                new GenerateOptions(42, 1_000_000, 45, LocalDate.parse(GenerateOptions.DEFAULT_START), null));
        Map<String, Integer> instances = plan.planted().instances();
        for (String rule : List.of("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10")) {
            assertEquals(500, instances.get(rule), rule);
        }
        long flags = plan.scenarios().truth().entries().stream()
                .filter(g -> g.getKind() == GroundTruthKind.EXPECTED_FLAG)
                .count();
        assertTrue(flags >= 10 * 500, "expected flags: " + flags);
    }
}

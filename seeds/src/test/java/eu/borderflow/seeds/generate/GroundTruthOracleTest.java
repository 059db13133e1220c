package eu.borderflow.seeds.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import eu.borderflow.privacy.Pseudonymiser;
import eu.borderflow.schema.BorderCrossing;
import eu.borderflow.schema.GroundTruthEntry;
import eu.borderflow.schema.GroundTruthKind;
import eu.borderflow.schema.Incident;
import eu.borderflow.seeds.testkit.Dataset;
import eu.borderflow.seeds.testkit.LawOracle;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The ground truth is exactly what the law says of the files: for each rule R1-R10 the expected flags are the
 * triggers {@link LawOracle} (the rules read literally, written apart from the generator) flags in the whole world,
 * background included, and no near-miss is one of them. On the demo's default world.
 */
class GroundTruthOracleTest {

    private static final long HOUR = 3_600_000L;
    private static final int PRESSURE_MIN = 20;
    private static final int PRESSURE_RATIO = 3;
    private static final int BASELINE_WEEKS = 4;

    private final Dataset data = Dataset.demo();
    private final LawOracle law = LawOracle.of(data);

    @Test
    void expectedFlagsAreExactlyWhatTheLawFlags() {
        StringBuilder wrong = new StringBuilder();
        for (int r = 1; r <= 10; r++) {
            String rule = "R" + r;
            Map<String, GroundTruthEntry> expected = new HashMap<>();
            data.truth.stream()
                    .filter(g -> g.getRuleId().equals(rule) && g.getKind() == GroundTruthKind.EXPECTED_FLAG)
                    .forEach(g -> expected.put(g.getTriggerEventId(), g));
            Set<String> flagged = law.flagged(rule);
            Set<String> missing = new TreeSet<>(flagged);
            missing.removeAll(expected.keySet());
            Set<String> extra = new TreeSet<>(expected.keySet());
            extra.removeAll(flagged);
            if (!missing.isEmpty() || !extra.isEmpty()) {
                wrong.append(rule)
                        .append(": the law flags, the truth does not list ")
                        .append(describe(missing))
                        .append("; the truth expects, the law does not flag ")
                        .append(extra.stream()
                                .limit(5)
                                .map(t -> expected.get(t).getScenarioId())
                                .toList())
                        .append(" (")
                        .append(extra.size())
                        .append(")\n");
            }
        }
        assertEquals("", wrong.toString());
    }

    @Test
    void nearMissesAreNotFlaggedByTheLaw() {
        List<String> flagged = data.truth.stream()
                .filter(g -> g.getKind() == GroundTruthKind.NEAR_MISS
                        && !g.getRuleId().equals("R11")
                        && law.flagged(g.getRuleId()).contains(g.getTriggerEventId()))
                .map(g -> g.getRuleId() + " " + g.getScenarioId())
                .limit(10)
                .toList();
        assertEquals(List.of(), flagged);
    }

    @Test
    void crossingTriggersExistWithTheSubjectsToken() {
        Map<String, BorderCrossing> byId =
                data.crossings.stream().collect(Collectors.toMap(BorderCrossing::getEventId, c -> c, (a, b) -> a));
        for (GroundTruthEntry g : data.truth) {
            if (g.getRuleId().equals("R10") || g.getRuleId().equals("R11")) {
                continue;
            }
            BorderCrossing c = byId.get(g.getTriggerEventId());
            assertNotNull(c, g.getScenarioId() + ": trigger missing");
            assertEquals(
                    data.tokens.token(
                            Pseudonymiser.Domain.FILE, c.getTraveller().getFileId()),
                    g.getSubjectToken(),
                    g.getScenarioId());
        }
    }

    @Test
    void triggersAreListedOncePerRuleAndKind() {
        Map<String, Long> counts = data.truth.stream()
                .collect(
                        Collectors.groupingBy(g -> g.getRuleId() + " " + g.getTriggerEventId(), Collectors.counting()));
        assertEquals(
                List.of(),
                counts.entrySet().stream()
                        .filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .limit(5)
                        .toList());
    }

    @Test
    void sectionPressureOnsetsHoldInTheIncidents() {
        for (GroundTruthEntry g : data.truth) {
            if (g.getRuleId().equals("R11")) {
                assertEquals(
                        g.getKind() == GroundTruthKind.EXPECTED_FLAG,
                        pressureOnset(g.getTriggerEventId()),
                        g.getScenarioId());
            }
        }
    }

    private String describe(Set<String> triggers) {
        Map<String, BorderCrossing> byId = new HashMap<>();
        data.crossings.forEach(c -> byId.putIfAbsent(c.getEventId(), c));
        return triggers.stream()
                        .limit(5)
                        .map(t -> {
                            BorderCrossing c = byId.get(t);
                            return c == null
                                    ? t
                                    : t + "(" + c.getKind() + " " + c.getLocalDate() + " " + c.getBcpCode() + " file "
                                            + c.getTraveller().getFileId()
                                            + (data.plantedFileIds.contains(
                                                            c.getTraveller().getFileId())
                                                    ? " planted"
                                                    : " background")
                                            + ")";
                        })
                        .toList()
                + " (" + triggers.size() + ")";
    }

    private boolean pressureOnset(String trigger) {
        String section = trigger.substring(0, trigger.indexOf('@'));
        long end = Instant.parse(trigger.substring(trigger.indexOf('@') + 1)).toEpochMilli();
        return surging(section, end) && !surging(section, end - HOUR);
    }

    private boolean surging(String section, long end) {
        long count = count(section, end);
        double baseline = 0;
        for (int w = 1; w <= BASELINE_WEEKS; w++) {
            baseline += count(section, end - w * 7 * 24 * HOUR);
        }
        baseline /= BASELINE_WEEKS;
        return count >= PRESSURE_MIN && count >= PRESSURE_RATIO * baseline;
    }

    private long count(String section, long end) {
        long from = end - 24 * HOUR;
        long n = 0;
        for (Incident i : data.incidents) {
            long t = i.getEventTime().toEpochMilli();
            if (i.getSectionId().equals(section) && t >= from && t < end) {
                n++;
            }
        }
        assertFalse(n < 0);
        return n;
    }
}

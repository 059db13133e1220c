package eu.borderflow.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigException;
import eu.borderflow.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R11 against DOMAIN.md's wording: 24 h counts vs the same weekday and hour over 28 days; ratio >= 3 with >= 20. */
class SectionPressureRuleTest {

    private static final long H = SectionPressureRule.HOUR_MILLIS;
    private static final long DAY = 24 * H;
    private static final long START = Instant.parse("2025-01-06T00:00:00Z").toEpochMilli();
    private static final SectionPressureRule RULE = SectionPressureRule.fromConfig(ConfigLoader.defaults());

    @Test
    void theShippedThresholdsAreTheDomainsFigures() {
        assertEquals("R11", SectionPressureRule.ID);
        assertEquals(4, RULE.baselineWeeks());
        assertEquals(3.0, RULE.minRatio());
        assertEquals(20, RULE.minEvents());
        assertTrue(RULE.enabled());
    }

    @Test
    void bothThresholdsMustHoldAndTheyAreInclusive() {
        long[] two = {2, 2, 2, 2};
        assertTrue(RULE.assess(20, new long[] {6, 6, 7, 7}, true).met(), "20 events, ratio 20/6.5 = 3.08");
        assertTrue(RULE.assess(21, new long[] {7, 7, 7, 7}, true).met(), "ratio exactly 3");
        assertFalse(RULE.assess(20, new long[] {7, 7, 7, 7}, true).met(), "ratio 2.86");
        assertFalse(RULE.assess(19, two, true).met(), "19 events");
        assertTrue(RULE.assess(20, two, true).met());
        assertFalse(RULE.assess(40, two, false).met(), "a baseline before the section's data is unknown");
        SectionPressureRule.Assessment a = RULE.assess(22, new long[] {8, 8, 8, 8}, true);
        assertEquals(8.0, a.baseline());
        assertEquals(2.75, a.ratio());
        assertFalse(a.met());
    }

    @Test
    void ratioIsZeroWithoutEventsAndInfiniteOverAZeroBaseline() {
        assertEquals(0.0, RULE.assess(0, new long[4], true).ratio());
        assertEquals(
                Double.POSITIVE_INFINITY, RULE.assess(20, new long[4], true).ratio());
        assertTrue(RULE.assess(20, new long[4], true).met());
    }

    @Test
    void historyNeedsEveryBaselineWeekAfterTheFirstHourOfData() {
        long first = START + 10 * 60_000;
        long end = START + H + 28 * DAY;
        assertTrue(RULE.historyComplete(end, first), "the oldest baseline window ends with the first hour");
        assertFalse(RULE.historyComplete(end - H, first));
    }

    @Test
    void aSurgeStartsOneEpisodeAtTheFirstWindowEndHoldingIt() {
        List<Long> times = steady(2);
        long burstHour = START + 30 * DAY + 9 * H;
        for (int i = 0; i < 30; i++) {
            times.add(burstHour + 5 * 60_000 + i * 60_000);
        }
        List<Long> starts = RULE.episodeStarts(sorted(times), START, START + H, START + 45 * DAY);
        assertEquals(List.of(burstHour + H), starts);
        assertEquals("LAND-FIN-RUS@2025-02-05T10:00:00Z", SectionPressureRule.trigger("LAND-FIN-RUS", starts.get(0)));
    }

    @Test
    void nearMissesAreNotEpisodes() {
        List<Long> quiet = steady(2);
        List<Long> busy = steady(8);
        long bumpHour = START + 31 * DAY + 12 * H;
        for (int i = 0; i < 12; i++) {
            quiet.add(bumpHour + i * 60_000);
        }
        for (int i = 0; i < 14; i++) {
            busy.add(bumpHour + i * 60_000);
        }
        assertEquals(List.of(), RULE.episodeStarts(sorted(quiet), START, START + H, START + 45 * DAY), "14 < 20");
        assertEquals(List.of(), RULE.episodeStarts(sorted(busy), START, START + H, START + 45 * DAY), "22/8 < 3");
    }

    @Test
    void aSurgeWithoutFourWeeksOfHistoryIsNotAssessed() {
        List<Long> times = steady(2);
        long burstHour = START + 20 * DAY + 9 * H;
        for (int i = 0; i < 30; i++) {
            times.add(burstHour + i * 60_000);
        }
        assertEquals(List.of(), RULE.episodeStarts(sorted(times), START, START + H, START + 45 * DAY));
    }

    @Test
    void aBadSectionIsAConfigurationErrorNamingIt(@TempDir Path dir) throws Exception {
        String rules = Files.readString(Path.of("..", "config", "rules.yaml"))
                .replace("    min_events: 20", "    min_events: 0");
        Files.writeString(dir.resolve("rules.yaml"), rules);
        ConfigException e =
                assertThrows(ConfigException.class, () -> SectionPressureRule.fromConfig(ConfigLoader.from(dir)));
        assertTrue(e.getMessage().contains("/rules/R11"), e.getMessage());
    }

    /** {@code perDay} incidents a day, evenly spaced off the full hour, over 45 days. */
    private static List<Long> steady(int perDay) {
        List<Long> times = new ArrayList<>();
        for (long t = START + DAY / perDay / 2 + 17 * 60_000; t < START + 45 * DAY; t += DAY / perDay) {
            times.add(t);
        }
        return times;
    }

    private static long[] sorted(List<Long> times) {
        return times.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}

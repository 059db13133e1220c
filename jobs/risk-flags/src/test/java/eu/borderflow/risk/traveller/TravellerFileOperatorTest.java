package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.Crossings.CONFIG;
import static eu.borderflow.risk.traveller.Crossings.entry;
import static eu.borderflow.risk.traveller.Crossings.exit;
import static eu.borderflow.risk.traveller.Crossings.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Retention of the EES-file state, independent of any one rule. */
class TravellerFileOperatorTest {

    @Test
    @Timeout(30)
    void aFileThatMayGoWhileCrossingsStillWaitIsKeptForThemAndErasedAfter() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            // An exit with no stay to close leaves nothing worth keeping, but a later refusal is still on its way.
            h.send(
                    exit("x", "2025-03-01T10:00").build(),
                    refusal("r", "2025-03-10T10:00").build());
            h.watermark("2025-03-05T00:00:00Z");
            assertEquals(2, h.stateEntries(), "the file and the waiting refusal");
            assertEquals(1, h.timers(), "only the refusal's; no expiry timer behind the watermark");
            h.watermark("2025-03-14T00:00:00Z");
            assertEquals(0, h.stateEntries());
            assertEquals(0, h.timers());
            assertTrue(h.flags().isEmpty());
        }
    }

    @Test
    void aCrossingLaterThanTheAllowedLatenessIsAppliedAtOnce() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            h.send(entry("e", "2025-03-01T10:00").build());
            // The exit of 5 Mar (17:00Z) is uploaded when event time has reached 9 Mar: more than 72 h late.
            h.watermark("2025-03-09T00:00:00Z");
            h.send(exit("x", "2025-03-05T18:00").build());
            assertEquals(1, h.stateEntries(), "the closed file, nothing buffered");
            assertEquals(1, h.timers(), "the closed file's expiry; the closed stay's R4 deadline is deleted");
            assertTrue(h.flags().isEmpty(), "a 5-day stay");
        }
    }

    /**
     * A watermark that passes an open stay's R4 deadline and its whole retention in one step (a bounded input's end, a
     * gap in the data) must still raise R4 before the file goes, as a watermark advanced day by day does; whatever
     * queues its timers are kept in (an expiry queue of its own was tried: Performance in the README).
     */
    @Test
    void anR4DeadlineAndTheFileExpiryPassedInOneWatermarkRaiseR4BeforeTheFileGoes() throws Exception {
        List<String> stepwise;
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            h.send(entry("e", "2025-03-01T10:00").build());
            daily(h, LocalDate.of(2025, 3, 2), LocalDate.of(2036, 1, 1));
            stepwise = ruleIds(h);
            assertEquals(0, h.stateEntries(), "erased after its retention");
            assertEquals(0, h.timers());
        }
        assertEquals(List.of("R4"), stepwise, "a stay with no exit: R4 once");
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            h.send(entry("e", "2025-03-01T10:00").build());
            h.watermark("2025-03-05T00:00:00Z");
            h.watermark("2036-01-01T00:00:00Z");
            assertEquals(stepwise, ruleIds(h));
            assertEquals(0, h.stateEntries(), "erased after its retention");
            assertEquals(0, h.timers());
        }
    }

    /**
     * An exit after the R4 deadline, still waiting out the lateness when one watermark passes the deadline, the exit
     * and the closed file's expiry: R3 on the exit's arrival, R4 raised at its deadline and withdrawn by the exit, as
     * step by step.
     */
    @Test
    void aLateExitAndTheFileExpiryPassedInOneWatermarkGiveTheFlagsOfSmallSteps() throws Exception {
        List<String> stepwise;
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            h.send(entry("e", "2025-03-01T10:00").build());
            h.watermark("2025-03-05T00:00:00Z");
            h.send(exit("x", "2025-07-15T10:00").build());
            daily(h, LocalDate.of(2025, 3, 6), LocalDate.of(2027, 1, 1));
            stepwise = ruleIds(h);
            assertEquals(0, h.stateEntries());
        }
        assertEquals(
                List.of("R3", "R4", "R4"),
                stepwise,
                "the overstay on the exit's arrival, R4 raised at its deadline, withdrawn when the exit is settled");
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            h.send(entry("e", "2025-03-01T10:00").build());
            h.watermark("2025-03-05T00:00:00Z");
            h.send(exit("x", "2025-07-15T10:00").build());
            h.watermark("2027-01-01T00:00:00Z");
            assertEquals(stepwise, ruleIds(h));
            assertEquals(0, h.stateEntries());
            assertEquals(0, h.timers());
        }
    }

    /** Advances the watermark to the start of each day from {@code first} until before {@code end}. */
    private static void daily(RuleHarness<TravellerCrossing> h, LocalDate first, LocalDate end) throws Exception {
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
            h.watermark(day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        }
    }

    private static List<String> ruleIds(RuleHarness<TravellerCrossing> h) {
        return h.flags().stream().map(f -> f.getRuleId().toString()).toList();
    }
}

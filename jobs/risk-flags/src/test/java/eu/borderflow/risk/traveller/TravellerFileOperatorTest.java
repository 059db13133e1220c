package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.Crossings.CONFIG;
import static eu.borderflow.risk.traveller.Crossings.entry;
import static eu.borderflow.risk.traveller.Crossings.exit;
import static eu.borderflow.risk.traveller.Crossings.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}

package eu.borderflow.risk.traveller;

import static eu.borderflow.risk.traveller.Crossings.CONFIG;
import static eu.borderflow.risk.traveller.Crossings.entry;
import static eu.borderflow.risk.traveller.Crossings.exit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every keyed state of the traveller rules expires on an event-time timer, counted from the job's event time and
 * never from the retention date a record supplies (rules.yaml /retention, EES Art. 34).
 */
class StateExpiryTest {

    /** A retention date far beyond the law's, which the operators must not believe. */
    private static final LocalDate CLAIMED_RETENTION = LocalDate.parse("2099-12-31");

    @Test
    void anOpenStayIsKeptForTheOverstayRetentionAfterItsAuthorisedEndThenErased() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            // Authorised through 31 Mar 2025 (90 days): R4 checks 3 Apr 22:00Z; kept 5 years after 1 Apr 2025.
            h.send(entry("e", "2025-01-01T10:00").build());
            h.watermark("2030-04-01T00:00:00Z");
            assertEquals(1, h.flags("R4").size());
            assertEquals(2, h.stateEntries(), "the open stay and its raised R4 flag, within the retention");

            h.watermark("2030-04-04T00:00:01Z");
            assertEquals(0, h.stateEntries(), "five years and the lateness after the stay's authorised end");
            assertEquals(0, h.timers());
        }
    }

    @Test
    void aClosedFileGoesWithTheStayWindow() throws Exception {
        try (RuleHarness<TravellerCrossing> h = RuleHarness.travellerFile(CONFIG)) {
            h.send(
                    entry("e", "2025-01-01T10:00").build(),
                    exit("x", "2025-01-10T10:00").build());
            h.watermark("2025-07-10T00:00:00Z");
            assertEquals(1, h.stateEntries());
            h.watermark("2025-07-13T00:00:01Z");
            assertEquals(0, h.stateEntries(), "180 days after the last movement, plus the lateness");
            assertEquals(0, h.timers());
        }
    }

    @Test
    void aDocumentTrailIsKeptForThreeYearsOfEventTimeWhateverTheRecordClaims() throws Exception {
        try (RuleHarness<DocumentCrossing> h = RuleHarness.document(CONFIG)) {
            h.send(entry("e", "2025-01-01T10:00").build());
            h.send(withRetention(exit("x", "2025-01-10T10:00")));
            h.watermark("2028-01-10T00:00:00Z");
            assertEquals(1, h.stateEntries(), "within three years of the last crossing");
            h.watermark("2028-01-11T00:00:00Z");
            assertEquals(0, h.stateEntries(), "three years after the last crossing, not in 2099");
            assertEquals(0, h.timers());
            assertTrue(h.flags().isEmpty());
        }
    }

    @Test
    void aFrequentTravellerHoldsOneExpiryTimerAndStillExpiresAfterTheLastMovement() throws Exception {
        try (RuleHarness<TravellerCrossing> file = RuleHarness.travellerFile(CONFIG);
                RuleHarness<DocumentCrossing> trail = RuleHarness.document(CONFIG)) {
            for (int week = 0; week < 10; week++) {
                String day = LocalDate.parse("2025-01-01").plusWeeks(week).toString();
                String back = LocalDate.parse("2025-01-03").plusWeeks(week).toString();
                for (RuleHarness<?> h : List.of(file, trail)) {
                    h.send(
                            entry("e" + week, day + "T10:00").build(),
                            exit("x" + week, back + "T10:00").build());
                }
                file.watermark(back + "T23:59:00Z");
                trail.watermark(back + "T23:59:00Z");
            }
            file.watermark("2025-03-20T00:00:00Z");
            trail.watermark("2025-03-20T00:00:00Z");
            // Everything sequenced: only the expiry is left, not one timer per crossing for each retention nor the R4
            // deadlines of stays that closed.
            assertEquals(1, file.timers(), "one expiry timer for the file");
            assertEquals(1, trail.timers(), "one expiry timer for the trail");

            // Last exit 7 Mar 2025: the file goes 180 days and the lateness later, the trail three years later.
            file.watermark("2025-09-05T23:59:59Z");
            assertEquals(1, file.stateEntries());
            file.watermark("2025-09-06T00:00:00Z");
            assertEquals(0, file.stateEntries(), "180 days after the last movement, plus the lateness");
            assertEquals(0, file.timers());
            trail.watermark("2028-03-07T23:59:59Z");
            assertEquals(1, trail.stateEntries());
            trail.watermark("2028-03-08T00:00:00Z");
            assertEquals(0, trail.stateEntries(), "three years after the last crossing");
            assertEquals(0, trail.timers());
        }
    }

    @Test
    void crossingsWaitingForTheLatenessHoldOneTimerAndAreEachTakenAtTheirOwnTime() throws Exception {
        try (RuleHarness<TravellerCrossing> file = RuleHarness.travellerFile(CONFIG);
                RuleHarness<DocumentCrossing> trail = RuleHarness.document(CONFIG)) {
            for (RuleHarness<?> h : List.of(file, trail)) {
                h.send(
                        entry("e", "2025-01-01T10:00").build(),
                        exit("x", "2025-01-02T10:00").build());
                assertEquals(1, h.timers(), "one timer, at the entry's due time, for both waiting crossings");
                h.watermark("2025-01-04T10:00:00Z");
            }
            // The entry alone is taken at its due time; the exit waits for its own.
            assertEquals(3, file.timers(), "the exit's due time, the open stay's R4 deadline and its expiry");
            assertEquals(2, trail.timers(), "the exit's due time and the trail's expiry");
            file.watermark("2025-01-05T10:00:00Z");
            trail.watermark("2025-01-05T10:00:00Z");
            assertTrue(file.flags().isEmpty(), "a one-day stay");
            assertEquals(1, file.timers(), "the exit taken: only the closed file's expiry is left");
            assertEquals(1, trail.timers(), "both taken: only the trail's expiry is left");
            assertEquals(1, file.stateEntries());
            assertEquals(1, trail.stateEntries());
        }
    }

    private static eu.borderflow.schema.BorderCrossing withRetention(Crossings crossing) {
        eu.borderflow.schema.BorderCrossing built = crossing.build();
        built.setRetentionUntil(CLAIMED_RETENTION);
        return built;
    }
}

package eu.borderflow.tools.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PacingTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void rateSpacesEventsEvenly() {
        Pacing rate = Pacing.rate(1000);
        assertEquals(0, rate.dueNanos(0, 0));
        assertEquals(SECOND / 2, rate.dueNanos(500, 999_999));
        assertEquals(3 * SECOND, rate.dueNanos(3000, 0));
    }

    @Test
    void speedShrinksTheArrivalClock() {
        Pacing hourPerSecond = Pacing.speed(3600);
        assertEquals(SECOND, hourPerSecond.dueNanos(7, 3_600_000));
        assertEquals(24 * SECOND, hourPerSecond.dueNanos(0, 86_400_000));
        assertEquals(2 * SECOND, Pacing.speed(1).dueNanos(0, 2000));
    }

    @Test
    void pacedFromAMomentOnlyWhatArrivedFromThenAndFromThere() {
        Instant from = Instant.parse("2025-03-06T00:00:00Z");
        Pacing fromThen = Pacing.speed(1).from(from);
        long at = from.toEpochMilli();
        assertFalse(fromThen.pacesAt(at - 1));
        assertTrue(fromThen.pacesAt(at));
        assertEquals(at, fromThen.originMillis(at - 86_400_000), "a history before it");
        assertEquals(at + 5, fromThen.originMillis(at + 5), "nothing before it: the first record");
        assertTrue(Pacing.speed(1).pacesAt(Long.MIN_VALUE), "without a start, everything");
        assertEquals("as fast as possible before 2025-03-06T00:00:00Z, then 1.0x real time", fromThen.toString());
        assertThrows(IllegalArgumentException.class, () -> Pacing.max().from(from));
    }

    @Test
    void maxNeverWaits() {
        assertFalse(Pacing.max().paced());
        assertEquals(0, Pacing.max().dueNanos(1_000_000, 86_400_000));
    }

    @Test
    void rejectsNonPositiveValues() {
        assertThrows(IllegalArgumentException.class, () -> Pacing.rate(0));
        assertThrows(IllegalArgumentException.class, () -> Pacing.speed(-2));
        assertThrows(IllegalArgumentException.class, () -> Pacing.speed(Double.NaN));
    }
}

package eu.borderflow.stay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which stays can be true of one traveller, and how the compact history keeps them. */
class StayHistoryTest {

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    @Test
    void exitBeforeEntryIsRejectedWithBothDates() {
        InvalidStayException e = assertThrows(
                InvalidStayException.class, () -> StayHistory.empty().add(date("2025-03-10"), date("2025-03-09")));
        assertTrue(e.getMessage().contains("2025-03-09") && e.getMessage().contains("2025-03-10"), e.getMessage());
    }

    @Test
    void staysOverlappingByMoreThanOneSharedDayAreRejected() {
        StayHistory january = StayHistory.empty().add(date("2025-01-01"), date("2025-01-10"));
        InvalidStayException e =
                assertThrows(InvalidStayException.class, () -> january.add(date("2025-01-05"), date("2025-01-20")));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        // Added in the other order, the same pair is just as impossible.
        assertThrows(
                InvalidStayException.class,
                () -> StayHistory.empty()
                        .add(date("2025-01-05"), date("2025-01-20"))
                        .add(date("2025-01-01"), date("2025-01-10")));
        // A stay inside another one too.
        assertThrows(InvalidStayException.class, () -> january.add(date("2025-01-03"), date("2025-01-04")));
    }

    @Test
    void sharedExitAndReentryDayIsAllowed() {
        StayHistory history = StayHistory.empty()
                .add(date("2025-01-01"), date("2025-01-10"))
                .add(date("2025-01-10"), date("2025-01-12"));
        assertEquals(2, history.size());
        // 1..12 Jan, 10 Jan once.
        assertEquals(12, history.presentDays(day("2025-01-01"), day("2025-01-31")));
    }

    @Test
    void staysMayArriveOutOfOrder() {
        StayHistory inOrder = StayHistory.empty()
                .add(date("2025-01-01"), date("2025-01-10"))
                .add(date("2025-02-01"), date("2025-02-05"))
                .add(date("2025-03-01"), null);
        StayHistory late = StayHistory.empty()
                .add(date("2025-03-01"), null)
                .add(date("2025-01-01"), date("2025-01-10"))
                .add(date("2025-02-01"), date("2025-02-05"));
        assertEquals(inOrder, late);
    }

    @Test
    void nothingCanFollowAnOpenStayUntilItIsClosed() {
        StayHistory open = StayHistory.empty().add(date("2025-03-01"), null);
        assertTrue(open.hasOpenStay());
        assertThrows(InvalidStayException.class, () -> open.add(date("2025-04-01"), date("2025-04-02")));
        StayHistory closed = open.withExit(date("2025-03-20"));
        assertFalse(closed.hasOpenStay());
        assertEquals(day("2025-03-20"), closed.exitDay(0));
        assertEquals(2, closed.add(date("2025-04-01"), date("2025-04-02")).size());
        assertThrows(InvalidStayException.class, () -> closed.withExit(date("2025-03-25")));
        assertThrows(InvalidStayException.class, () -> open.withExit(date("2025-02-28")));
    }

    @Test
    void openStayIsPresentUpToAnyDayAskedAbout() {
        StayHistory open = StayHistory.empty().add(date("2025-03-01"), null);
        // 1..31 Mar.
        assertEquals(31, open.presentDays(day("2025-01-01"), day("2025-03-31")));
    }

    @Test
    void retainingDropsOnlyStaysThatEndedBeforeTheDay() {
        StayHistory history = StayHistory.empty()
                .add(date("2024-11-01"), date("2024-11-05"))
                .add(date("2024-12-30"), date("2025-01-03"))
                .add(date("2025-03-01"), date("2025-03-02"));
        StayHistory kept = history.retainFrom(date("2025-01-01"));
        assertEquals(2, kept.size());
        assertEquals(day("2024-12-30"), kept.entryDay(0));
        // Windows starting on or after the day see the same presence: 1..3 Jan + 1..2 Mar = 5.
        assertEquals(5, kept.presentDays(day("2025-01-01"), day("2025-06-29")));
        assertEquals(5, history.presentDays(day("2025-01-01"), day("2025-06-29")));
        assertEquals(0, history.retainFrom(date("2025-03-03")).size());
        assertEquals(history, history.retainFrom(date("2024-11-05")));
    }

    @Test
    void epochDayPairsRoundTrip() {
        StayHistory history =
                StayHistory.empty().add(date("2025-01-01"), date("2025-01-10")).add(date("2025-01-10"), null);
        int[] pairs = history.toEpochDayPairs();
        assertArrayEquals(new int[] {day("2025-01-01"), day("2025-01-10"), day("2025-01-10"), StayHistory.OPEN}, pairs);
        assertEquals(history, StayHistory.ofEpochDayPairs(pairs));
        assertThrows(IllegalArgumentException.class, () -> StayHistory.ofEpochDayPairs(new int[] {1}));
        assertThrows(InvalidStayException.class, () -> StayHistory.ofEpochDayPairs(new int[] {1, 10, 5, 20}));
        assertThrows(InvalidStayException.class, () -> StayHistory.ofEpochDayPairs(new int[] {10, 1}));
    }
}

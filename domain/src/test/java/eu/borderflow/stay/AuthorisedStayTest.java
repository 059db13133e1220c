package eu.borderflow.stay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.schema.StayBasis;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The authorised end of a stay as DOMAIN.md and docs/RULES.md define it, on examples worked out by hand: the 90/180
 * rule, the visa's validity, and the visa's duration of stay as a total over its validity (Visa Code Annex VII
 * point 4), with the six-month fall-back of Reg. 610/2013 and the exemption of long stays.
 */
class AuthorisedStayTest {

    private static final AuthorisedStay STAY = AuthorisedStay.SCHENGEN;

    private static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    private static VisaTerms visa(String from, String until, int days) {
        return VisaTerms.of(LocalDate.parse(from), LocalDate.parse(until), days);
    }

    @Test
    void visaDurationIsATotalOverSeveralStays() {
        // Valid 1 Mar - 31 May (three months): 30 days in all. 1-10 Mar used 10; entering 1 Apr leaves 20: 1-20 Apr.
        VisaTerms v = visa("2025-03-01", "2025-05-31", 30);
        VisaDays used = VisaDays.NONE.plusStay(day("2025-03-01"), day("2025-03-10"));
        assertEquals(10, used.usedBefore(day("2025-04-01")));
        StayHistory history = StayHistory.empty().add(day("2025-03-01"), day("2025-03-10"));
        assertEquals(day("2025-04-20"), STAY.endDay(history, day("2025-04-01"), v, used.usedBefore(day("2025-04-01"))));
        // Read per stay (the old, wrong reading) the stay could last until 30 Apr.
        assertTrue(day("2025-04-20") < day("2025-04-01") + 30 - 1);
    }

    @Test
    void sameDayExitAndReEntryCountsThatDayOnce() {
        // 1-10 Mar, out and back in on 10 Mar: 9 days before the re-entry day, so 21 more: 10-30 Mar, 30 days in all.
        VisaTerms v = visa("2025-03-01", "2025-05-31", 30);
        VisaDays used = VisaDays.NONE.plusStay(day("2025-03-01"), day("2025-03-10"));
        assertEquals(9, used.usedBefore(day("2025-03-10")));
        StayHistory history = StayHistory.empty().add(day("2025-03-01"), day("2025-03-10"));
        assertEquals(day("2025-03-30"), STAY.endDay(history, day("2025-03-10"), v, used.usedBefore(day("2025-03-10"))));
        // The second stay adds 11-30 Mar only.
        assertEquals(30, used.plusStay(day("2025-03-10"), day("2025-03-30")).used());
    }

    @Test
    void exhaustedTotalLeavesNoLawfulDay() {
        VisaTerms v = visa("2025-03-01", "2025-05-31", 10);
        VisaDays used = VisaDays.NONE.plusStay(day("2025-03-01"), day("2025-03-10"));
        assertEquals(
                AuthorisedStay.NO_LAWFUL_DAY,
                STAY.endDay(
                        StayHistory.empty().add(day("2025-03-01"), day("2025-03-10")),
                        day("2025-04-01"),
                        v,
                        used.usedBefore(day("2025-04-01"))));
    }

    @Test
    void visaValidForMoreThanSixMonthsFallsBackToNinetyOneEighty() {
        // 1 Jan - 30 Jun ends before 1 Jul: at most six months, the 30 days are a total.
        assertTrue(visa("2025-01-01", "2025-06-30", 30).durationIsTotal());
        // 1 Jan - 1 Jul is longer than six months: no total, 90/180 alone (entering 1 Jun: 1 Jun + 89 = 29 Aug).
        VisaTerms longValid = visa("2025-01-01", "2025-12-31", 30);
        assertFalse(visa("2025-01-01", "2025-07-01", 30).durationIsTotal());
        assertEquals(day("2025-08-29"), STAY.endDay(StayHistory.empty(), day("2025-06-01"), longValid, 45));
    }

    @Test
    void visaValidityBoundsTheStayAndAnEntryOutsideItHasNoLawfulDay() {
        VisaTerms v = visa("2025-03-01", "2025-03-15", 30);
        assertEquals(day("2025-03-15"), STAY.endDay(StayHistory.empty(), day("2025-03-10"), v, 0));
        assertEquals(day("2025-03-01"), STAY.endDay(StayHistory.empty(), day("2025-03-01"), v, 29));
        assertEquals(AuthorisedStay.NO_LAWFUL_DAY, STAY.endDay(StayHistory.empty(), day("2025-02-28"), v, 0));
        assertEquals(AuthorisedStay.NO_LAWFUL_DAY, STAY.endDay(StayHistory.empty(), day("2025-03-16"), v, 0));
    }

    @Test
    void ninetyOneEightyWinsOverAGenerousVisa() {
        // DOMAIN.md's example: 1 Jan - 31 Mar present; entering 30 Jun the 90/180 rule ends the stay on 27 Sep.
        StayHistory firstQuarter = StayHistory.empty().add(day("2025-01-01"), day("2025-03-31"));
        assertEquals(
                day("2025-09-27"),
                STAY.endDay(firstQuarter, day("2025-06-30"), visa("2025-06-01", "2025-11-30", 90), 0));
    }

    @Test
    void longStaysAreNotShortStays() {
        assertEquals(
                AuthorisedStay.UNLIMITED,
                STAY.endDay(StayBasis.RESIDENCE_PERMIT, StayHistory.empty(), day("2025-01-01"), null, 0));
        assertEquals(
                AuthorisedStay.UNLIMITED,
                STAY.endDay(
                        StayBasis.LONG_STAY_VISA,
                        StayHistory.empty(),
                        day("2025-01-01"),
                        visa("2025-01-01", "2025-03-01", 30),
                        0));
        assertEquals(
                Long.MAX_VALUE,
                AuthorisedStay.missingExitDeadline(
                        AuthorisedStay.UNLIMITED, day("2025-01-01"), ZoneId.of("UTC"), Duration.ofHours(72)));
        assertFalse(STAY.overstayAtExit(StayHistory.empty(), AuthorisedStay.UNLIMITED, day("2026-01-01")));
    }

    @Test
    void overstayAtExitIsAnExitAfterTheEnd() {
        StayHistory ninetyOne = StayHistory.empty().add(day("2025-01-01"), day("2025-04-01"));
        int end = STAY.endDay(StayHistory.empty(), day("2025-01-01"), null, 0);
        assertEquals(day("2025-03-31"), end);
        assertTrue(STAY.overstayAtExit(ninetyOne, end, day("2025-04-01")));
        assertFalse(STAY.overstayAtExit(
                StayHistory.empty().add(day("2025-01-01"), day("2025-03-31")), end, day("2025-03-31")));
        assertTrue(STAY.overstayAtExit(ninetyOne, AuthorisedStay.NO_LAWFUL_DAY, day("2025-01-01")));
    }

    @Test
    void missingExitDeadlineIsTheNextLocalMidnightPlusTheGrace() {
        // Last day 10 Mar; 11 Mar 00:00 in Helsinki (UTC+2 in winter) is 10 Mar 22:00 UTC; plus 72 h.
        long deadline = AuthorisedStay.missingExitDeadline(
                day("2025-03-10"), day("2025-03-01"), ZoneId.of("Europe/Helsinki"), Duration.ofHours(72));
        assertEquals(Instant.parse("2025-03-13T22:00:00Z").toEpochMilli(), deadline);
        // No lawful day: the exit is missing from the start of the entry day.
        assertEquals(day("2025-03-01"), AuthorisedStay.missingExitDay(AuthorisedStay.NO_LAWFUL_DAY, day("2025-03-01")));
    }

    @Test
    void documentMustLastUntilTheEnd() {
        int end = day("2025-03-10");
        assertFalse(AuthorisedStay.documentExpiresBeforeEnd(end, end));
        assertTrue(AuthorisedStay.documentExpiresBeforeEnd(end - 1, end));
        assertFalse(AuthorisedStay.documentExpiresBeforeEnd(end - 1, AuthorisedStay.NO_LAWFUL_DAY));
        assertFalse(AuthorisedStay.documentExpiresBeforeEnd(end - 1, AuthorisedStay.UNLIMITED));
        assertTrue(AuthorisedStay.documentExpired(day("2025-02-28"), day("2025-03-01")));
        assertFalse(AuthorisedStay.documentExpired(day("2025-03-01"), day("2025-03-01")));
    }

    @Test
    void impossibleTermsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> visa("2025-03-01", "2025-02-28", 10));
        assertThrows(IllegalArgumentException.class, () -> visa("2025-03-01", "2025-03-28", 0));
        assertThrows(InvalidStayException.class, () -> VisaDays.NONE.plusStay(day("2025-03-02"), day("2025-03-01")));
    }
}

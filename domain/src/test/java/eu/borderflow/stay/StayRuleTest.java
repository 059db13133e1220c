package eu.borderflow.stay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.borderflow.config.ConfigLoader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The 90/180 rule as the Schengen Borders Code Art. 6(1) and DOMAIN.md state it. Every expected value is worked out by
 * hand in the comments. Day-of-year numbers in 2025 (not a leap year): 31 Jan = 31, 28 Feb = 59, 31 Mar = 90,
 * 30 Apr = 120, 31 May = 151, 30 Jun = 181, 31 Jul = 212, 31 Aug = 243, 30 Sep = 273. The window for day d is
 * [d-179, d].
 */
class StayRuleTest {

    private static final StayRule RULE = StayRule.SCHENGEN;
    private static final AuthorisedStay STAY = AuthorisedStay.SCHENGEN;

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static StayHistory stays(String... isoPairs) {
        StayHistory history = StayHistory.empty();
        for (int i = 0; i < isoPairs.length; i += 2) {
            history = history.add(date(isoPairs[i]), isoPairs[i + 1] == null ? null : date(isoPairs[i + 1]));
        }
        return history;
    }

    /** DOMAIN.md's example: present 1 Jan - 31 Mar 2025 = 31 + 28 + 31 = 90 days. */
    private static final StayHistory FIRST_QUARTER = stays("2025-01-01", "2025-03-31");

    @Test
    void regulationExampleEntering29JuneIsRefused() {
        // 29 Jun = day 180; its window is day 1..180 = 1 Jan..29 Jun: 90 recorded days + the entry day = 91 > 90.
        StayAssessment a = STAY.assess(FIRST_QUARTER, date("2025-06-29"), date("2025-06-29"), null, 0);
        assertTrue(a.refusedOnEntry());
        assertNull(a.latestLawfulExit());
        assertEquals(0, a.maxStayDays());
        // Not counting the refused entry, 1 Jan..31 Mar are all in the window: 90, exactly the maximum.
        assertEquals(90, a.usedDays());
        assertEquals(0, a.overstayDays());
    }

    @Test
    void regulationExampleEntering30JuneMayStayUntil27September() {
        // 30 Jun = day 181; window 2 Jan..30 Jun: 89 recorded days + the entry day = 90, lawful.
        // Staying on, each day d adds one day and drops day d-179 (2 Jan, 3 Jan, ... 31 Mar), so used stays 90 until
        // 27 Sep = day 270, whose window starts on day 91 = 1 Apr: 0 old days + 181..270 = 90 days.
        // 28 Sep = day 271: window starts 2 Apr, nothing old drops any more: 91 days. Latest exit 27 Sep, 90 days.
        StayAssessment a = STAY.assess(FIRST_QUARTER, date("2025-06-30"), date("2025-06-30"), null, 0);
        assertFalse(a.refusedOnEntry());
        assertEquals(date("2025-09-27"), a.latestLawfulExit());
        assertEquals(90, a.maxStayDays());
        // On 30 Jun before entering: window 2 Jan..30 Jun holds 2 Jan..31 Mar = 89 days.
        assertEquals(89, a.usedDays());
        // "not one day": 90 - used would allow a single day.
        assertNotEquals(90 - 89, a.maxStayDays());
    }

    @Test
    void recordedExitOfTheSameStayDoesNotShortenIt() {
        // The traveller entered 30 Jun and was seen leaving 10 Jul; the lawful limit of that stay is still 27 Sep.
        StayHistory history = stays("2025-01-01", "2025-03-31", "2025-06-30", "2025-07-10");
        StayAssessment a = STAY.assess(history, date("2025-07-10"), date("2025-06-30"), null, 0);
        assertEquals(date("2025-09-27"), a.latestLawfulExit());
        assertEquals(90, a.maxStayDays());
        // 10 Jul = day 191; window day 12..191 = 12 Jan..10 Jul: 12 Jan..31 Mar = 79 days, 30 Jun..10 Jul = 11 days.
        assertEquals(90, a.usedDays());
        assertEquals(0, a.overstayDays());
    }

    @Test
    void remainingStayGrowsAsOldDaysDropOutOfTheWindow() {
        // Present 1-10 Jan (days 1..10) and 1-30 Apr (days 91..120). Enter 1 Jun = day 152.
        // Window of 1 Jun starts day -27 (4 Dec 2024): 10 + 30 recorded + entry day = 41, lawful.
        // While 1-10 Jan leave the window (d = 181..190, i.e. 30 Jun..9 Jul) each day adds one and drops one.
        // used(9 Jul = day 190): window 11 Jan..9 Jul = 30 (April) + 39 (1 Jun..9 Jul) = 69.
        // Then 11 Jan..31 Mar (absent) leave the window, so used grows by one a day:
        // used(30 Jul = day 211): window 1 Feb..30 Jul = 30 + 60 = 90; used(31 Jul): window 2 Feb..31 Jul = 30 + 61 =
        // 91.
        // Latest lawful exit 30 Jul: 30 (June) + 30 (July) = 60 days, where 90 - 41 would say 49 and 90 - 40 would say
        // 50.
        StayHistory history = stays("2025-01-01", "2025-01-10", "2025-04-01", "2025-04-30");
        StayAssessment a = STAY.assess(history, date("2025-06-01"), date("2025-06-01"), null, 0);
        assertFalse(a.refusedOnEntry());
        assertEquals(40, a.usedDays());
        assertEquals(date("2025-07-30"), a.latestLawfulExit());
        assertEquals(60, a.maxStayDays());
    }

    @Test
    void windowIncludesDayDMinus179AndExcludesDayDMinus180() {
        // 29 Jun 2025 = day 180: day d-179 = 1 Jan 2025, day d-180 = 31 Dec 2024.
        LocalDate control = date("2025-06-29");
        assertEquals(1, RULE.usedDays(stays("2025-01-01", "2025-01-01"), control));
        assertEquals(0, RULE.usedDays(stays("2024-12-31", "2024-12-31"), control));
        // A stay across the edge counts only its days inside: 30 Dec 2024..3 Jan 2025 -> 1..3 Jan = 3.
        assertEquals(3, RULE.usedDays(stays("2024-12-30", "2025-01-03"), control));
        // The control day itself is the window's last day.
        assertEquals(1, RULE.usedDays(stays("2025-06-29", "2025-06-29"), control));
        assertEquals(0, RULE.usedDays(stays("2025-06-30", "2025-06-30"), control));
    }

    @Test
    void entryAndExitDaysBothCount() {
        // 10, 11 and 12 Mar.
        assertEquals(3, RULE.usedDays(stays("2025-03-10", "2025-03-12"), date("2025-03-20")));
        // Entering and leaving the same day is one day of presence.
        assertEquals(1, RULE.usedDays(stays("2025-03-10", "2025-03-10"), date("2025-03-20")));
    }

    @Test
    void leavingAndReenteringTheSameDayCountsThatDayOnce() {
        // 10..12 Mar and 12..15 Mar: 10, 11, 12, 13, 14, 15 = 6 days, 12 Mar once.
        assertEquals(
                6, RULE.usedDays(stays("2025-03-10", "2025-03-12", "2025-03-12", "2025-03-15"), date("2025-03-20")));
        // A same-day round trip on 12 Mar in between changes nothing.
        assertEquals(
                6,
                RULE.usedDays(
                        stays("2025-03-10", "2025-03-12", "2025-03-12", "2025-03-12", "2025-03-12", "2025-03-15"),
                        date("2025-03-20")));
        // Leaving 12 Mar and re-entering 13 Mar: still 6 days, both days present.
        assertEquals(
                6, RULE.usedDays(stays("2025-03-10", "2025-03-12", "2025-03-13", "2025-03-15"), date("2025-03-20")));
    }

    @Test
    void ninetyDaysIsNotAnOverstayNinetyOneIs() {
        // 1 Jan..31 Mar = 90 days, all in the window of 31 Mar (day 90).
        assertEquals(90, RULE.usedDays(FIRST_QUARTER, date("2025-03-31")));
        assertEquals(0, RULE.overstayDays(FIRST_QUARTER, date("2025-03-31")));
        // 1 Jan..1 Apr = 91 days.
        StayHistory longer = stays("2025-01-01", "2025-04-01");
        assertEquals(91, RULE.usedDays(longer, date("2025-04-01")));
        assertEquals(1, RULE.overstayDays(longer, date("2025-04-01")));
    }

    @Test
    void openStayCountsUpToTheControlDate() {
        // Entered 1 Jan, no exit: on 10 Apr (day 100) present 1 Jan..10 Apr = 100 days, 10 over.
        StayHistory open = stays("2025-01-01", null);
        assertEquals(100, RULE.usedDays(open, date("2025-04-10")));
        assertEquals(10, RULE.overstayDays(open, date("2025-04-10")));
        // Its lawful end, like any fresh stay: 1 Jan + 89 days = 31 Mar.
        assertEquals(
                date("2025-03-31"),
                LocalDate.ofEpochDay(
                        RULE.latestLawfulExitDay(open, (int) date("2025-01-01").toEpochDay(), Integer.MAX_VALUE)));
    }

    @Test
    void freshStayLastsNinetyDays() {
        // 30 Jun (day 181) + 89 days = day 270 = 27 Sep.
        assertEquals(
                date("2025-09-27"),
                LocalDate.ofEpochDay(RULE.latestLawfulExitDay(
                        StayHistory.empty(), (int) date("2025-06-30").toEpochDay(), Integer.MAX_VALUE)));
    }

    @Test
    void configuredRuleIsTheRegulations() {
        assertEquals(new StayRule(90, 180), StayRule.fromConfig(ConfigLoader.defaults()));
    }

    @Test
    void ruleThatNeverEndsAStayIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new StayRule(180, 180));
        assertThrows(IllegalArgumentException.class, () -> new StayRule(0, 180));
    }
}

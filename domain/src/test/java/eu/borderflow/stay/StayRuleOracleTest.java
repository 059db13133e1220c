package eu.borderflow.stay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks the sliding computation against the rule's text taken literally: a set of calendar days of presence, a
 * 180-day window counted day by day, and a stay extended one day at a time until the window would hold 91 days.
 * Histories come from a fixed seed, so the test is the same on every run.
 */
class StayRuleOracleTest {

    private static final long SEED = 20250630L;
    private static final int HISTORIES = 300;
    private static final LocalDate START = LocalDate.of(2024, 6, 1);

    @Test
    void slidingComputationAgreesWithTheLiteralRule() {
        Random random = new Random(SEED);
        for (int h = 0; h < HISTORIES; h++) {
            StayHistory history = StayHistory.empty();
            Set<LocalDate> present = new HashSet<>();
            LocalDate cursor = START.plusDays(random.nextInt(30));
            int trips = 1 + random.nextInt(8);
            for (int t = 0; t < trips; t++) {
                LocalDate exit = cursor.plusDays(random.nextInt(60));
                history = history.add(cursor, exit);
                for (LocalDate d = cursor; !d.isAfter(exit); d = d.plusDays(1)) {
                    present.add(d);
                }
                // 0 means leaving and re-entering the same day.
                cursor = exit.plusDays(random.nextInt(70));
            }
            LocalDate entry = cursor.plusDays(random.nextInt(40));
            LocalDate control = START.plusDays(random.nextInt(500));

            assertEquals(
                    literalUsed(present, control),
                    StayRule.SCHENGEN.usedDays(history, control),
                    history + " on " + control);
            assertEquals(
                    literalLatestExit(present, entry),
                    AuthorisedStay.SCHENGEN
                            .assess(history, entry, entry, null, 0)
                            .latestLawfulExit(),
                    history + " entering " + entry);
        }
    }

    private static int literalUsed(Set<LocalDate> present, LocalDate day) {
        int used = 0;
        for (LocalDate d = day.minusDays(179); !d.isAfter(day); d = d.plusDays(1)) {
            used += present.contains(d) ? 1 : 0;
        }
        return used;
    }

    private static LocalDate literalLatestExit(Set<LocalDate> recorded, LocalDate entry) {
        Set<LocalDate> present = new HashSet<>(recorded);
        LocalDate lastLawful = null;
        for (LocalDate d = entry; ; d = d.plusDays(1)) {
            present.add(d);
            if (literalUsed(present, d) > 90) {
                return lastLawful;
            }
            lastLawful = d;
        }
    }
}

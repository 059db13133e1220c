package eu.borderflow.stay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The authorised end against the law read literally: a set of calendar days of presence and a set of days spent under
 * the visa, a stay extended one day at a time while the 180-day window holds at most 90 days, the visa is valid and
 * (for a visa valid at most six months) its days stay within its duration. Histories come from a fixed seed.
 */
class AuthorisedStayOracleTest {

    private static final long SEED = 20130612L;
    private static final int HISTORIES = 2000;
    private static final LocalDate START = LocalDate.of(2024, 6, 1);

    @Test
    void definitionAgreesWithTheLiteralLaw() {
        Random random = new Random(SEED);
        for (int h = 0; h < HISTORIES; h++) {
            LocalDate validFrom = START.plusDays(random.nextInt(120));
            LocalDate validUntil = validFrom.plusDays(random.nextBoolean() ? random.nextInt(200) : random.nextInt(400));
            VisaTerms visa = VisaTerms.of(validFrom, validUntil, 1 + random.nextInt(random.nextBoolean() ? 30 : 90));
            StayHistory history = StayHistory.empty();
            VisaDays visaDays = VisaDays.NONE;
            Set<LocalDate> present = new HashSet<>();
            Set<LocalDate> underVisa = new HashSet<>();
            LocalDate cursor = validFrom.minusDays(random.nextInt(150));
            int trips = random.nextInt(6);
            for (int t = 0; t < trips; t++) {
                LocalDate exit = cursor.plusDays(random.nextInt(40));
                history = history.add(cursor, exit);
                boolean onVisa = !cursor.isBefore(validFrom) && random.nextInt(4) > 0;
                if (onVisa) {
                    visaDays = visaDays.plusStay((int) cursor.toEpochDay(), (int) exit.toEpochDay());
                }
                for (LocalDate d = cursor; !d.isAfter(exit); d = d.plusDays(1)) {
                    present.add(d);
                    if (onVisa) {
                        underVisa.add(d);
                    }
                }
                // Often 0: leaving and re-entering the same day.
                cursor = exit.plusDays(random.nextInt(4) == 0 ? 0 : random.nextInt(45));
            }
            LocalDate entry = cursor;
            int expected = literalEnd(present, underVisa, entry, visa);
            int actual = AuthorisedStay.SCHENGEN.endDay(
                    history, (int) entry.toEpochDay(), visa, visaDays.usedBefore((int) entry.toEpochDay()));
            assertEquals(expected, actual, history + " visa " + visa + " used " + visaDays + " entering " + entry);
        }
    }

    private static int literalEnd(
            Set<LocalDate> recorded, Set<LocalDate> recordedUnderVisa, LocalDate entry, VisaTerms visa) {
        Set<LocalDate> present = new HashSet<>(recorded);
        Set<LocalDate> underVisa = new HashSet<>(recordedUnderVisa);
        LocalDate from = LocalDate.ofEpochDay(visa.validFromDay());
        LocalDate until = LocalDate.ofEpochDay(visa.validUntilDay());
        boolean total = until.isBefore(from.plusMonths(6));
        int last = AuthorisedStay.NO_LAWFUL_DAY;
        for (LocalDate d = entry; ; d = d.plusDays(1)) {
            present.add(d);
            underVisa.add(d);
            boolean lawful = !d.isBefore(from)
                    && !entry.isBefore(from)
                    && !d.isAfter(until)
                    && used(present, d) <= 90
                    && (!total || underVisa.size() <= visa.durationOfStayDays());
            if (!lawful) {
                return last;
            }
            last = (int) d.toEpochDay();
        }
    }

    private static int used(Set<LocalDate> present, LocalDate day) {
        int used = 0;
        for (LocalDate d = day.minusDays(179); !d.isAfter(day); d = d.plusDays(1)) {
            used += present.contains(d) ? 1 : 0;
        }
        return used;
    }
}

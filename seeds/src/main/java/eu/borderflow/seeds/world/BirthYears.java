package eu.borderflow.seeds.world;

import java.time.LocalDate;
import java.time.Year;
import java.util.random.RandomGenerator;

/**
 * Disjoint birth-year ranges keep the world clean: a person alert matches only people born on the same date (or in
 * the same year for year-only dates), so background travellers, planted travellers and alert-only persons never
 * match each other by accident.
 */
public final class BirthYears {

    public static final int BACKGROUND_FIRST = 1958;
    public static final int BACKGROUND_LAST = 2019;
    public static final int PLANTED_FIRST = 1946;
    public static final int PLANTED_LAST = 1957;
    public static final int ALERT_ONLY_FIRST = 1930;
    public static final int ALERT_ONLY_LAST = 1945;

    private BirthYears() {
    }

    public static LocalDate background(RandomGenerator rng) {
        return date(rng, BACKGROUND_FIRST, BACKGROUND_LAST);
    }

    public static LocalDate planted(RandomGenerator rng) {
        return date(rng, PLANTED_FIRST, PLANTED_LAST);
    }

    public static LocalDate alertOnly(RandomGenerator rng) {
        return date(rng, ALERT_ONLY_FIRST, ALERT_ONLY_LAST);
    }

    private static LocalDate date(RandomGenerator rng, int first, int last) {
        int year = rng.nextInt(first, last + 1);
        return LocalDate.ofYearDay(year, 1 + rng.nextInt(Year.of(year).length()));
    }
}

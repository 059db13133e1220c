package eu.borderflow.seeds.world;

import eu.borderflow.seeds.reference.Calibration;
import java.time.LocalDate;
import java.time.Year;
import java.util.random.RandomGenerator;

/**
 * Dates of birth, from one distribution for every person of the world (reference/calibration.yaml {@code persons}):
 * background travellers, planted travellers and the persons of alerts, so no birth year tells them apart.
 */
public final class BirthYears {

    private final int first;
    private final int last;

    public BirthYears(Calibration calibration) {
        this.first = calibration.integer("/persons/birth_year_min");
        this.last = calibration.integer("/persons/birth_year_max");
    }

    public LocalDate draw(RandomGenerator rng) {
        int year = rng.nextInt(first, last + 1);
        return LocalDate.ofYearDay(year, 1 + rng.nextInt(Year.of(year).length()));
    }
}
